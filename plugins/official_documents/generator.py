"""The documents generator: the context for the theme, then pages and files.

Problems are not logged here: content_check reports them, once, with every
other content problem (`sokhcn check`, the preview's problems page, and the
publish build that refuses them).
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from vietnamese import parse_date

from . import feeds
from .export import compact_index, legislation
from .facets import facet_groups
from .library import LIST_SETTINGS, read_library, save_as, setting
from .status import accepts_comments, status_on

URL_SETTINGS = (
    "DOCUMENTS_URL",
    "DOCUMENTS_INDEX_JSON",
    "DOCUMENTS_FEED_ATOM",
    "DOCUMENTS_FEED_RSS",
    "ACCESS_TO_INFORMATION_URL",
)


def today(settings, context):
    configured = setting(settings, "DOCUMENTS_TODAY")
    if configured:
        return parse_date(str(configured)).date()
    zone = ZoneInfo(settings.get("TIMEZONE") or "Asia/Ho_Chi_Minh")
    build_time = context.get("BUILD_TIME") or datetime.now(zone)
    return build_time.astimezone(zone).date()


class DocumentsGenerator(Generator):
    """/van-ban/ and its filter pages, a page per document, the compact index,
    the feeds and the "Tiếp cận thông tin" page."""

    def generate_context(self) -> None:
        settings = self.settings
        self.library = read_library(settings)
        self.documents = self.library.documents
        self.day = today(settings, self.context)
        if not self.documents:
            return
        lists = {name: list(setting(settings, name)) for name in LIST_SETTINGS}
        self.groups = facet_groups(self.documents, lists, self.day)
        pattern = setting(settings, "DOCUMENT_FACET_URL")
        for group in self.groups:
            for facet in group.facets:
                facet.url = pattern.format(group=group.key, slug=facet.slug)
                facet.save_as = save_as(facet.url)
        context = self.context
        for name in URL_SETTINGS:
            context[name] = setting(settings, name)
        context["documents"] = self.documents
        context["recent_documents"] = self.documents[
            : setting(settings, "DOCUMENTS_RECENT_COUNT")
        ]
        context["document_facet_groups"] = self.groups
        context["documents_today"] = self.day
        context["ACCESS_TO_INFORMATION"] = setting(settings, "ACCESS_TO_INFORMATION")
        context["access_forms"] = self.library.access_forms
        self.env.filters["document_status"] = partial(status_on, day=self.day)
        self.env.filters["accepts_comments"] = partial(accepts_comments, day=self.day)

    def generate_output(self, writer) -> None:
        if not self.documents:
            return
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        listing = self.get_template("documents")
        index_url = setting(self.settings, "DOCUMENTS_URL")
        write(
            save_as(index_url),
            listing,
            self.context,
            paginated={"documents": self.documents},
            template_name="documents",
            url=index_url,
            facet=None,
            page_name=index_url.rstrip("/"),
        )
        for group in self.groups:
            for facet in group.facets:
                write(
                    facet.save_as,
                    listing,
                    self.context,
                    paginated={"documents": facet.documents},
                    template_name="documents",
                    url=facet.url,
                    facet=facet,
                    facet_group=group,
                    page_name=facet.url.rstrip("/"),
                )
        page = self.get_template("document")
        origin = self.settings.get("SITE_ORIGIN") or self.settings.get("SITEURL") or ""
        for document in self.documents:
            write(
                document.save_as,
                page,
                self.context,
                document=document,
                legislation_data=legislation(document, origin, self.day),
                url=document.url,
                template_name="document",
                page_name=document.url.rstrip("/"),
            )
        access_url = setting(self.settings, "ACCESS_TO_INFORMATION_URL")
        write(
            save_as(access_url),
            self.get_template("access_to_information"),
            self.context,
            url=access_url,
            template_name="access_to_information",
            page_name=access_url.rstrip("/"),
        )
        self.write_files()

    def write_files(self) -> None:
        settings = self.settings
        index = compact_index(self.documents, self.groups, settings)
        self.write(
            setting(settings, "DOCUMENTS_INDEX_JSON"),
            json.dumps(index, ensure_ascii=False, separators=(",", ":")),
        )
        for name, kind in (
            ("DOCUMENTS_FEED_ATOM", "atom"),
            ("DOCUMENTS_FEED_RSS", "rss"),
        ):
            path = setting(settings, name)
            if path:
                self.write(path, feeds.feed(self.documents, settings, path, kind))

    def write(self, relative_path: str, text: str) -> None:
        path = os.path.join(self.output_path, relative_path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
