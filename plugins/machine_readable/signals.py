"""Write the machine-readable files once every other generator has its context."""

from __future__ import annotations

import os

from pelican import signals
from pelican.generators import Generator
from pelican.writers import Writer

import official_documents

from . import documents


class MachineReadableGenerator(Generator):
    def generate_output(self, writer) -> None:
        settings = self.settings
        origin = settings.get("SITE_ORIGIN") or settings.get("SITEURL") or ""
        sitemap_path = settings.get("SITEMAP_XML_SAVE_AS", "sitemap.xml")
        export_path = settings.get("ARTICLES_JSON_SAVE_AS", "du-lieu/bai-viet.json")
        entries = documents.sitemap_entries(self.context)
        entries += official_documents.sitemap_entries(self.context)
        self.write(sitemap_path, documents.sitemap_xml(origin, entries))
        self.write(
            "robots.txt", documents.robots_txt(origin, sitemap_path, export_path)
        )
        self.write(export_path, documents.articles_json(self.context, origin))
        if path := official_documents.documents_json_path(self.context):
            self.write(path, official_documents.documents_json(self.context, origin))

    def write(self, relative_path: str, text: str) -> None:
        path = os.path.join(self.output_path, relative_path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)


class AbsoluteFeedWriter(Writer):
    """Feeds need absolute links even when pages use root-relative ones."""

    def write_feed(self, elements, context, *args, **kwargs):
        origin = self.settings.get("SITE_ORIGIN")
        if origin and not context.get("SITEURL"):
            context = {**context, "SITEURL": origin.rstrip("/")}
        return super().write_feed(elements, context, *args, **kwargs)


def add_generator(_pelican):
    return MachineReadableGenerator


def add_writer(_pelican):
    return AbsoluteFeedWriter


def register() -> None:
    signals.get_generators.connect(add_generator)
    signals.get_writer.connect(add_writer)
