"""Reading the newsroom metadata fields of an article header."""

from __future__ import annotations

import logging
import re
from datetime import datetime

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.urlwrappers import URLWrapper
from pelican.utils import pelican_open

from vietnamese import parse_date

logger = logging.getLogger(__name__)

TRUE_WORDS = {"yes", "true", "1", "có", "co", "x"}
FALSE_WORDS = {"no", "false", "0", "không", "khong", ""}
BOOLEAN_FIELDS = ("hot", "featured")
DATE_FIELDS = ("date", "modified", "hotuntil")
# "Trương Thế Bình - Văn phòng": the last " - " separates the person from the unit.
BYLINE = re.compile(r"^(?P<name>.+?)\s+[-–]\s+(?P<unit>[^-–]+)$")
# Where markdown.extensions.meta registers its preprocessor.
META_PRIORITY = 27


class Unit(URLWrapper):
    """An organisational unit (phòng, chi cục, trung tâm) that signs articles."""


def parse_flag(value: str) -> bool:
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f'Giá trị "{value}" không hợp lệ: hãy viết "yes" hoặc "no"')


def split_byline(byline: str) -> tuple[str, str | None]:
    match = BYLINE.match(byline.strip())
    if not match:
        return byline.strip(), None
    return match["name"].strip(), match["unit"].strip()


def split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


class NewsroomMarkdownReader(MarkdownReader):
    """Markdown reader that understands the department's header fields.

    It keeps one ``Markdown`` instance and resets it between files: Pelican
    makes a new one for every file, which was a fifth of the reading time.
    (Each reset counts up the footnotes extension's prefix, which shows in
    the output only with its ``UNIQUE_IDS`` option, off here.)
    """

    _kept: tuple[Markdown, object] | None = None

    def read(self, source_path):
        self._source_path = source_path
        self._md = self._reset_markdown()
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        if hasattr(self._md, "Meta"):
            return content, self._parse_metadata(self._md.Meta)
        return content, {}

    def _reset_markdown(self) -> Markdown:
        """The kept instance, as a new one would be. Pelican's
        ``_parse_metadata`` removes the meta preprocessor (so that the Summary
        field is not read as a header); it comes back here."""
        if self._kept is None:
            markdown = Markdown(**self.settings["MARKDOWN"])
            self._kept = (markdown, markdown.preprocessors["meta"])
            return markdown
        markdown, meta = self._kept
        markdown.reset()
        if "meta" not in markdown.preprocessors:
            markdown.preprocessors.register(meta, "meta", META_PRIORITY)
        return markdown

    def _parse_metadata(self, meta):
        meta = dict(meta)
        byline = meta.get("author")
        if byline and "unit" not in meta:
            name, unit = split_byline(byline[0])
            meta["author"] = [name]
            if unit:
                meta["unit"] = [unit]
        return super()._parse_metadata(meta)

    def process_metadata(self, name: str, value):
        if name in DATE_FIELDS:
            return parse_date(value)
        if name in BOOLEAN_FIELDS:
            return parse_flag(value)
        if name == "attachments":
            return split_list(value)
        if name == "unit":
            return Unit(value.strip(), self.settings)
        return super().process_metadata(name, value)


def end_of_day(moment: datetime) -> datetime:
    return moment.replace(hour=23, minute=59, second=59)
