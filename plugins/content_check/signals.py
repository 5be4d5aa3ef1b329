"""Run the content check in every build, report it, and guard output paths."""

from __future__ import annotations

import logging

from pelican import signals
from pelican.generators import Generator

from build_runtime import BuildCache

from .problems import format_summary
from .problems_file import problems_json, write_problems_json
from .reported_once import already_reported, install
from .site import check_content, stays_inside

logger = logging.getLogger(__name__)


def report(problems, file_count) -> str:
    for problem in problems:
        (logger.error if problem.is_error else logger.warning)("%s", problem)
    summary = format_summary(problems, file_count)
    (logger.warning if problems else logger.info)("%s", summary)
    return summary


def keep_inside_output(content) -> None:
    """Pelican's own guard is a bare prefix test ("../output-old" passes it).

    The check above has reported the bad path; here the file falls back to
    its normal address instead of being written outside the output folder.
    """
    output = content.settings["OUTPUT_PATH"]
    for key in ("save_as", "url"):
        value = getattr(content, f"override_{key}", None)
        if value is not None and not stays_inside(output, value):
            delattr(content, f"override_{key}")


class ContentCheckGenerator(Generator):
    """Checks the content before any generator reads it (generators are all
    created before the first one reads), and in preview builds writes a page
    that lists every problem for the editor."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cache = BuildCache(self.settings, "content-check")
        problems, file_count = check_content(self.settings, cache)
        cache.save_when_built()
        already_reported.remember(problems, self.settings["PATH"])
        self.context["CONTENT_PROBLEMS"] = problems
        self.context["CONTENT_PROBLEMS_SUMMARY"] = report(problems, file_count)

    def generate_output(self, writer) -> None:
        self.write_problems_json()
        save_as = self.settings.get("CONTENT_PROBLEMS_SAVE_AS")
        if not save_as:
            return
        writer.write_file(
            save_as,
            self.get_template("content_problems"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            template_name="content_problems",
            page_name="content_problems",
        )

    def write_problems_json(self) -> None:
        """The problems page's data, written with the page only (a build
        without the page is a publish build)."""
        save_as = self.settings.get("CONTENT_PROBLEMS_JSON_SAVE_AS")
        if save_as and self.settings.get("CONTENT_PROBLEMS_SAVE_AS"):
            text = problems_json(
                self.context["CONTENT_PROBLEMS"],
                self.context["CONTENT_PROBLEMS_SUMMARY"],
                self.settings["PATH"],
            )
            write_problems_json(self.output_path, save_as, text)


def add_generator(_pelican):
    return ContentCheckGenerator


def register() -> None:
    install()
    signals.content_object_init.connect(keep_inside_output)
    signals.get_generators.connect(add_generator)
