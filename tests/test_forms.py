"""Forms out, answers in: meeting 102 prepared from record 101, each unit's form written,
three filled (two in DOCX with python-docx, one in ODT with odfpy) and collected; one unit
still owes its answers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document

from tests.cli_support import agenda, load_json, snapshot
from tests.form_support import fill_docx, fill_odt, prepared
from tui import secretary
from tui.app.widgets.entries import case_text
from tui.domain.model import CaseDecision, CaseKind, TrackedCase
from tui.edits.cases import WriteProgress
from tui.forms import missing, unit_form, units_with_open_cases
from tui.forms.collect import collect
from tui.forms.content import HEADINGS
from tui.forms.writer import write_forms
from tui.storage.repository import Repository

FORMS = ("國際事務組", "機要組", "總務組", "公共事務管理中心")


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return prepared(tmp_path / "db")


def _case(repo: Repository, number: int) -> TrackedCase:
    kind = CaseKind.MAYOR if number > 12000 else CaseKind.INTERNAL
    found = repo.case(number, kind)
    assert found is not None
    return found


def _form(repo: Repository, folder: Path, unit: str, fmt: str = "docx") -> Path:
    name, data = unit_form(repo, 102, unit, fmt)
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def test_the_units_with_open_cases_get_forms(repo: Repository, tmp_path: Path) -> None:
    assert units_with_open_cases(repo, 102) == list(FORMS)
    written = write_forms(repo, 102, tmp_path / "out")
    assert [p.name for p in written] == [f"第102次處務會議填報表-{u}.docx" for u in FORMS]
    table = Document(str(written[2])).tables[0]
    assert [c.text for c in table.rows[0].cells] == list(HEADINGS)
    numbers = [row.cells[0].text for row in table.rows[1:]]
    assert numbers == ["10101", "12601（市長室列管）"]
    assert all(c.text == "" for row in table.rows[1:] for c in row.cells[4:])


def test_three_forms_filled_and_collected_one_unit_missing(
    repo: Repository, tmp_path: Path
) -> None:
    folder = tmp_path / "forms"
    general = fill_docx(
        _form(repo, folder, "總務組"),
        {
            1: ("（一）已修正薪資單格式。\n(二)其他給付亦逐項標示。", "建議解除列管"),
            2: ("已排定會議，刻正辦理。", "建議繼續列管", "110/9/30"),
        },
        report=["(一)辦理採購案 3 件。", "（二）完成消防演練。"],
    )
    marked = "☑建議解除列管 ☐建議繼續列管"
    foreign = fill_docx(_form(repo, folder, "國際事務組"), {1: ("姊妹市交流已完成。", marked)})
    centre = fill_odt(
        _form(repo, folder, "公共事務管理中心", "odt"),
        {1: ("工程進度 80%，\n預計年底完工。", "建議繼續列管")},
        report=["一、大樓空調更新完成。"],
    )
    service = secretary.editor(repo)
    for path in (general, foreign, centre):
        assert collect(service, path).changed

    payslip = _case(repo, 10101).decision_at(102)
    assert payslip is not None
    assert payslip.progress == ""
    points = [p.text for p in payslip.progress_points]
    assert points == ["已修正薪資單格式。", "其他給付亦逐項標示。"]
    assert payslip.proposal is CaseDecision.RELEASE
    assert payslip.answered_from == general.name and payslip.answered_on is not None
    meeting = _case(repo, 12601).decision_at(102)
    assert meeting is not None and meeting.proposed_deadline is not None
    assert meeting.proposed_deadline.isoformat() == "2021-09-30"
    assert _case(repo, 9805).decision_at(102).proposal is CaseDecision.RELEASE  # type: ignore[union-attr]
    building = _case(repo, 12616).decision_at(102)
    assert building is not None and building.progress == "工程進度 80%，預計年底完工。"
    reports = {r.unit: r for i in secretary.load(repo, 102).items() for r in i.reports}
    assert [p.text for p in reports["總務組"].points] == ["辦理採購案 3 件。", "完成消防演練。"]
    assert reports["公共事務管理中心"].answered_from == centre.name
    assert missing(repo, 102) == {"機要組": [9903]}
    agenda_md = secretary.render_meeting(repo, secretary.load(repo, 102), agenda=True, format="md")
    assert "- 總務組組長：" in agenda_md
    assert "  - (一) 辦理採購案 3 件。\n  - (二) 完成消防演練。" in agenda_md
    log = secretary.editor(repo).log(102)
    assert [line.who for line in log[-3:]] == ["總務組", "國際事務組", "公共事務管理中心"]


def test_collecting_the_same_form_twice_changes_nothing(repo: Repository, tmp_path: Path) -> None:
    path = fill_docx(_form(repo, tmp_path, "總務組"), {1: ("辦理中。", "建議繼續列管")})
    service = secretary.editor(repo)
    assert collect(service, path).changed
    before = snapshot(repo.store.root)
    again = collect(service, path)
    assert not again.changed and again.filled == {} and again.differs == []
    assert snapshot(repo.store.root) == before


def test_a_collected_answer_is_undone_as_one_change(repo: Repository, tmp_path: Path) -> None:
    path = fill_docx(
        _form(repo, tmp_path, "總務組"), {1: ("辦理中。", "建議繼續列管")}, report=["（一）甲。"]
    )
    service = secretary.editor(repo)
    collect(service, path)
    seq = service.log(102)[-1].seq
    service.undo(102, seq)
    event = _case(repo, 10101).decision_at(102)
    assert event is None or (event.progress, event.proposal, event.answered_on) == ("", None, None)
    reports = {r.unit: r for i in secretary.load(repo, 102).items() for r in i.reports}
    assert reports["總務組"].points == [] and reports["總務組"].answered_on is None
    assert missing(repo, 102)["總務組"] == [10101, 12601]
    service.undo(102, seq + 1)  # the undo undone: the answer again
    assert _case(repo, 10101).decision_at(102).answered_from == path.name  # type: ignore[union-attr]


def test_a_slot_the_secretary_filled_is_shown_beside_the_answer(
    repo: Repository, tmp_path: Path
) -> None:
    secretary.editor(repo).apply(WriteProgress(102, 10101, "祕書已填。"))
    path = fill_docx(_form(repo, tmp_path, "總務組"), {1: ("單位所填。", "建議解除列管")})
    found = collect(secretary.editor(repo), path)
    assert [(d.case, d.slot, d.current, d.answer) for d in found.differs] == [
        (10101, "辦理情形", "祕書已填。", "單位所填。")
    ]
    event = _case(repo, 10101).decision_at(102)
    assert event is not None and event.progress == "祕書已填。"
    assert event.proposal is CaseDecision.RELEASE  # the slot that was empty takes the answer
    replaced = collect(secretary.editor(repo), path, replace=True)
    assert replaced.filled == {10101: ["辦理情形"]}
    assert _case(repo, 10101).decision_at(102).progress == "單位所填。"  # type: ignore[union-attr]


def test_a_blank_form_answers_nothing(repo: Repository, tmp_path: Path) -> None:
    path = _form(repo, tmp_path, "總務組", "odt")
    before = snapshot(repo.store.root)
    assert not collect(secretary.editor(repo), path).changed
    assert snapshot(repo.store.root) == before


def test_agenda_forms_collect_and_cases_missing(repo: Repository, tmp_path: Path) -> None:
    db, out = repo.store.root, tmp_path / "out"
    written = agenda("forms", "102", "--unit", "總務組", "--format", "odt", "-o", out, db=db)
    assert written.returncode == 0, written.stderr
    path = out / "第102次處務會議填報表-總務組.odt"
    assert written.stdout.strip() == str(path)
    fill_odt(path, {1: ("已完成。", "建議解除列管")})
    collected = agenda("collect", path, db=db)
    assert collected.returncode == 0, collected.stderr
    assert collected.stdout.splitlines()[:2] == [
        f"{path.name}: 總務組, meeting 102",
        "  case 10101: 辦理情形、擬辦",
    ]
    listed = agenda("cases", "--missing", "102", db=db)
    assert listed.stdout.splitlines() == [
        "meeting 102: units still to answer",
        "  國際事務組：9805",
        "  機要組：9903",
        "  總務組：12601",
        "  公共事務管理中心：12616",
    ]
    as_json = load_json(agenda("cases", "--missing", "102", "--json", db=db))
    assert as_json["missing"]["總務組"] == [12601]


def _document_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml")


def test_a_form_whose_property_was_dropped_is_known_by_its_last_line(
    repo: Repository, tmp_path: Path
) -> None:
    path = fill_docx(_form(repo, tmp_path, "總務組"), {1: ("辦理中。", "建議繼續列管")})
    with zipfile.ZipFile(path) as archive:
        kept = {n: archive.read(n).replace(b"agenda-form", b"x") for n in archive.namelist()}
    kept["word/document.xml"] = _document_xml(path)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in kept.items():
            archive.writestr(name, data)
    assert collect(secretary.editor(repo), path).filled == {10101: ["辦理情形", "擬辦"]}


def test_a_case_entry_says_whether_its_unit_has_answered(repo: Repository, tmp_path: Path) -> None:
    assert "「未填報」" in case_text(_case(repo, 10101), 102).plain
    path = fill_docx(_form(repo, tmp_path, "總務組"), {1: ("辦理中。", "建議繼續列管")})
    collect(secretary.editor(repo), path)
    event = _case(repo, 10101).decision_at(102)
    assert event is not None and event.answered_on is not None
    day = event.answered_on
    assert f"「已填報 {day.month}/{day.day}」" in case_text(_case(repo, 10101), 102).plain


def test_agenda_collect_shows_a_kept_slot_beside_the_answer(
    repo: Repository, tmp_path: Path
) -> None:
    db = repo.store.root
    secretary.editor(repo).apply(WriteProgress(102, 10101, "祕書已填。"))
    path = fill_docx(_form(repo, tmp_path, "總務組"), {1: ("（一）單位所填。\n（二）第二點。", "")})
    stray = tmp_path / "筆記.txt"
    stray.write_text("不是表單。", encoding="utf-8")
    kept = agenda("collect", path, stray, db=db)
    assert kept.returncode == 2
    assert kept.stdout.splitlines()[1:] == [
        "  case 10101 辦理情形: kept as it is (--replace takes the answer)",
        "    now:    祕書已填。",
        "    answer: (一) 單位所填。 / (二) 第二點。",
    ]
    answered = _case(repo, 10101).decision_at(102)
    assert answered is not None and answered.progress == "祕書已填。"
    assert answered.answered_from == path.name  # the unit has answered; the words kept are ours
    assert kept.stderr.count("\n") == 1 and str(stray) in kept.stderr
    replaced = agenda("collect", "--replace", path, db=db)
    assert replaced.stdout.splitlines()[1] == "  case 10101: 辦理情形"
    event = _case(repo, 10101).decision_at(102)
    assert event is not None and [p.text for p in event.progress_points] == [
        "單位所填。",
        "第二點。",
    ]


def test_what_a_file_smuggles_in_is_cleaned(repo: Repository, tmp_path: Path) -> None:
    hostile = "已完成\u202e查備\x9b2J。\n第二行\u2066。"
    path = fill_docx(_form(repo, tmp_path, "總務組"), {1: (hostile, "")}, report=[hostile])
    collect(secretary.editor(repo), path)
    event = _case(repo, 10101).decision_at(102)
    assert event is not None and event.progress == "已完成查備。第二行。"
    reports = {r.unit: r for i in secretary.load(repo, 102).items() for r in i.reports}
    assert reports["總務組"].text == "已完成查備。第二行。"
