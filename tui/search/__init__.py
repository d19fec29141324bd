"""Search across every meeting and tracked case, through an index kept beside the database.

The index (search.sqlite in the database folder) is derived: it is built from the documents,
brought up to date from their file stamps before each search, and rebuilt when it is missing
or damaged. When many documents are to be read (a first build), a child process reads them
and gives its memory back when it ends (outside.py). Nothing is ever written to the
documents from here.
"""
