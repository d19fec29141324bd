"""The language: chosen once at start, and the catalogs a fresh install needs."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tui import i18n
from tui.profile import ProfileError, default_profile_path, load_profile, parse_profile

LOCALE = Path(i18n.__file__).parent / "locale"
CATALOGS = sorted(LOCALE.glob("*/LC_MESSAGES/agenda.po"))


def test_both_languages_have_a_catalog() -> None:
    assert {po.parent.parent.name for po in CATALOGS} == {"zh_TW", "en"}


@pytest.mark.parametrize("po", CATALOGS, ids=lambda po: po.parent.parent.name)
def test_the_committed_mo_is_the_po_compiled(po: Path) -> None:
    """`pybabel compile -d tui/locale -D agenda` after every change of a .po (README)."""
    with po.open("rb") as source:
        catalog = read_po(source)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    mo = po.with_suffix(".mo")
    assert mo.is_file(), f"{mo} is missing: run pybabel compile"
    assert mo.read_bytes() == compiled.getvalue(), f"{mo} is stale: run pybabel compile"


@pytest.mark.parametrize("po", CATALOGS, ids=lambda po: po.parent.parent.name)
def test_our_reading_of_a_catalog_says_what_gettext_s_does(po: Path) -> None:
    """i18n.Catalog decodes a message when it is asked for; gettext decodes them all."""
    mo = po.with_suffix(".mo")
    ours = i18n.Catalog(mo.read_bytes())
    with mo.open("rb") as source:
        theirs = gettext.GNUTranslations(source)
    with po.open("rb") as source:
        messages = list(read_po(source))[1:]
    for message in messages:
        ident = message.id
        if not isinstance(ident, str):
            singular, plural = ident[0], ident[1]
            for n in (0, 1, 2, 11):
                assert ours.ngettext(singular, plural, n) == theirs.ngettext(singular, plural, n)
        elif message.context:
            context = message.context
            assert ours.pgettext(context, ident) == theirs.pgettext(context, ident)
        else:
            assert ours.gettext(ident) == theirs.gettext(ident)
    assert ours.gettext("not in any catalog") == "not in any catalog"
    assert ours.ngettext("{n} thing", "{n} things", 2) == "{n} things"


@pytest.mark.parametrize("cut", [7, 20, 40, 300])
def test_a_catalog_cut_short_is_a_value_error(cut: int) -> None:
    """Which the loader takes as no catalog (it was struct.error, a traceback)."""
    with pytest.raises(ValueError):
        i18n.Catalog((LOCALE / "zh_TW/LC_MESSAGES/agenda.mo").read_bytes()[:cut])


def test_the_numbers_read_the_same_at_any_offset() -> None:
    data = bytes(range(64))
    for at in range(0, 24):
        expected = [int.from_bytes(data[i : i + 4], "little") for i in range(at, at + 40, 4)]
        assert list(i18n._words(data, at, 10)) == expected


def test_a_missing_catalog_says_the_messages_as_written() -> None:
    empty = i18n.Catalog(b"")
    assert empty.gettext("options") == "options"
    assert empty.ngettext("a meeting", "meetings", 1) == "a meeting"
    assert empty.pgettext("meetings", "number") == "number"


def test_the_wheel_takes_the_catalogs() -> None:
    """Hatch packages tui/ whole, so tui/locale's .po and .mo go into the wheel."""
    import tomllib

    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert "tui" in config["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    ignored = (root / ".gitignore").read_text(encoding="utf-8")
    assert "*.mo" not in ignored.split()


@pytest.mark.parametrize(
    ("env", "profile", "expected"),
    [
        ({"AGENDA_LANG": "en"}, "zh-TW", "en"),
        ({"AGENDA_LANG": "zh-TW", "LANG": "en_US.UTF-8"}, "en", "zh-TW"),
        ({}, "zh-TW", "zh-TW"),
        ({"LANG": "zh_TW.UTF-8"}, "en", "en"),
        ({"LANG": "zh_TW.UTF-8"}, "", "zh-TW"),
        ({"LC_MESSAGES": "zh_Hant.UTF-8", "LANG": "en_US.UTF-8"}, "", "zh-TW"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_TW.UTF-8"}, "", "en"),
        ({"LANG": "fr_FR.UTF-8"}, "", "en"),
        ({}, "", "en"),
    ],
)
def test_the_language_comes_from_the_run_the_profile_the_locale(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], profile: str, expected: str
) -> None:
    for name in ("AGENDA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    try:
        assert i18n.choose(profile) == expected
        assert i18n.language() == expected
    finally:
        monkeypatch.setenv("AGENDA_LANG", "en")
        i18n.choose()


def test_the_shipped_profile_is_chinese() -> None:
    assert load_profile(default_profile_path()).language == "zh-TW"
    assert i18n.profile_language(default_profile_path()) == "zh-TW"


def test_a_bad_language_is_a_one_line_profile_error(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    text = 'organisation = "o"\nseries = "s"\nlanguage = "fr"\n'
    with pytest.raises(ProfileError) as raised:
        parse_profile(text, path)
    message = str(raised.value)
    assert message.startswith(f"{path} line 3: language:")
    assert "zh-TW" in message and "\n" not in message
    assert i18n.profile_language(tmp_path / "none-here" / "profile.toml") == "zh-TW"


def test_the_database_profile_chooses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AGENDA_LANG")
    (tmp_path / "profile.toml").write_text('language = "en"\n', encoding="utf-8")
    try:
        assert i18n.choose_for(tmp_path) == "en"
        (tmp_path / "profile.toml").write_text('language = "zh-TW"\n', encoding="utf-8")
        assert i18n.choose_for(tmp_path) == "zh-TW"
    finally:
        monkeypatch.setenv("AGENDA_LANG", "en")
        i18n.choose()


def _extracted() -> set[str]:
    """Every string wrapped in _(), N_() or ngettext() under tui/ (the singular of a plural)."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    root = Path(i18n.__file__).parent
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        root, method_map=[("**.py", "python")], keywords=keywords
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return {m for m in found if m}


def _catalog(language: str) -> dict[str, tuple[str, ...]]:
    """msgid (the singular of a plural) → its translations, for the entries not fuzzy."""
    with (LOCALE / language / "LC_MESSAGES" / "agenda.po").open("rb") as source:
        catalog = read_po(source)
    found: dict[str, tuple[str, ...]] = {}
    for m in catalog:
        if m.id and not m.fuzzy:
            key = str(m.id[0] if isinstance(m.id, tuple | list) else m.id)
            strings = m.string if isinstance(m.string, tuple | list) else (m.string,)
            found[key] = tuple(str(s or "") for s in strings)
    return found


@pytest.mark.parametrize("language", ["zh_TW", "en"])
def test_every_wrapped_string_is_in_the_catalog(language: str) -> None:
    """After a new _(): pybabel extract, update, translate, compile (README, Translations)."""
    missing = sorted(_extracted() - set(_catalog(language)))
    assert not missing, f"not in the {language} catalog: {missing}"


def test_every_chinese_entry_is_translated() -> None:
    untranslated = [key for key, strings in _catalog("zh_TW").items() if not all(strings)]
    with (LOCALE / "zh_TW" / "LC_MESSAGES" / "agenda.po").open("rb") as source:
        fuzzy = [m.id for m in read_po(source) if m.id and m.fuzzy]
    assert not untranslated, f"untranslated: {untranslated}"
    assert not fuzzy, f"fuzzy (check and clear the flag): {fuzzy}"


def test_the_chinese_catalog_keeps_the_placeholders() -> None:
    """A translation that drops or renames {number} would fail only when shown."""
    import re

    for key, strings in _catalog("zh_TW").items():
        for string in strings:
            assert set(re.findall(r"\{[^}]*\}", string)) == set(re.findall(r"\{[^}]*\}", key)), key


def test_the_shipped_profile_is_found_without_the_domain() -> None:
    assert i18n.shipped_profile() == default_profile_path()


@pytest.mark.parametrize("members", ["3", "[3]"])
def test_a_wrong_members_list_is_said_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, members: str
) -> None:
    monkeypatch.setenv("AGENDA_LANG", "zh-TW")
    i18n.choose()
    text = f'organisation = "o"\nseries = "s"\nmembers = {members}\n'
    try:
        with pytest.raises(ProfileError) as raised:
            parse_profile(text, tmp_path / "profile.toml")
    finally:
        monkeypatch.setenv("AGENDA_LANG", "en")
        i18n.choose()
    assert "須為" in str(raised.value)
