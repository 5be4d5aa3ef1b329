"""The documents database's problems (official_documents), reported with the rest."""

from __future__ import annotations

from official_documents import read_library

from .problems import ERROR, WARNING, Problem


def check_documents(settings) -> tuple[list[Problem], int]:
    """Every problem of the document files, and how many files were read."""
    library = read_library(settings)
    problems = [
        Problem(
            p.path,
            p.line,
            p.message,
            p.fix,
            ERROR if p.is_error else WARNING,
            field=p.field,
        )
        for p in library.problems
    ]
    return problems, library.file_count
