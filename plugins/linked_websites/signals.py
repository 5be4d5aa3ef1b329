"""Load the linked-websites data file into the template context."""

from __future__ import annotations

import logging
import os

from pelican import signals
from pelican.generators import Generator

from .data_file import parse

logger = logging.getLogger(__name__)


def load_groups(settings) -> list:
    relative = settings.get("LINKED_WEBSITES_FILE")
    if not relative:
        return []
    path = os.path.join(settings["PATH"], relative)
    if not os.path.isfile(path):
        logger.error(
            "Không tìm thấy tệp Website liên kết %s (tạo tệp này, hoặc đặt "
            'LINKED_WEBSITES_FILE = "" trong pelicanconf.py nếu không dùng)',
            path,
        )
        return []
    with open(path, encoding="utf-8") as handle:
        groups, problems = parse(handle.read())
    for problem in problems:
        logger.error("%s:%d: %s", path, problem.line, problem.message)
    return groups


class LinkedWebsitesGenerator(Generator):
    """Adds the groups to the context and writes the page that lists them all."""

    def generate_context(self) -> None:
        self.context["linked_website_groups"] = load_groups(self.settings)

    def generate_output(self, writer) -> None:
        save_as = self.settings.get("LINKED_WEBSITES_SAVE_AS")
        if not save_as:
            return
        writer.write_file(
            save_as,
            self.get_template("linked_websites"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            template_name="linked_websites",
        )


def add_generator(_pelican):
    return LinkedWebsitesGenerator


def register() -> None:
    signals.get_generators.connect(add_generator)
