"""Each mistake is reported once, in Vietnamese: Pelican's own message about
a problem the check has reported already is left out (so `sokhcn check`, the
build log and the publish refusal count the same errors)."""

from __future__ import annotations

import logging
import os

from .problems import Problem

# Pelican's messages (their format strings) about a file the check reported.
ABOUT_A_FILE = {
    "Skipping %s: could not find information about '%s'": 0,
    "Could not process %s": 0,
    "Duplicate definition of `%s` for %s. Using first one.": 1,
}
BROKEN_LINK = "Unable to find '%s', skipping url replacement."
PELICAN_LOGGERS = ("pelican.generators", "pelican.readers", "pelican.contents")


class AlreadyReported(logging.Filter):
    def __init__(self):
        super().__init__()
        self.files: set[str] = set()
        self.messages: list[str] = []

    def remember(self, problems: list[Problem], root: str) -> None:
        self.files = {_absolute(problem.path, root) for problem in problems}
        self.messages = [problem.message for problem in problems]
        self.root = root

    def filter(self, record) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        if record.msg in ABOUT_A_FILE and len(args) > ABOUT_A_FILE[record.msg]:
            path = _absolute(str(args[ABOUT_A_FILE[record.msg]]), self.root)
            return path not in self.files
        if record.msg == BROKEN_LINK and args:
            return not any(str(args[0]) in message for message in self.messages)
        return True


def _absolute(path: str, root: str) -> str:
    return os.path.realpath(os.path.join(root, path))


already_reported = AlreadyReported()


def install() -> None:
    for name in PELICAN_LOGGERS:
        logger = logging.getLogger(name)
        if already_reported not in logger.filters:
            logger.addFilter(already_reported)
