"""The Pelican side: collect LegacyURLs once every item is read, write the files."""

from __future__ import annotations

import logging
import os
from urllib.parse import urlsplit

from jinja2 import Environment
from pelican import signals
from pelican.generators import Generator

from .addresses import (
    collect_redirects,
    is_inside,
    nginx_map,
    redirect_table,
    split_by_kind,
)

logger = logging.getLogger(__name__)

DEFAULTS = {
    "LEGACY_REDIRECTS_MAP_SAVE_AS": "redirects/legacy.map",
    "LEGACY_REDIRECTS_JSON_SAVE_AS": "redirects/legacy.json",
}
CONTENT_LISTS = ("articles", "hidden_articles", "pages", "hidden_pages")

# One small page per old path: it must work with no theme, no script and no CSS.
REDIRECT_PAGE = Environment(autoescape=True).from_string(
    """\
<!DOCTYPE html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <meta http-equiv="refresh" content="0; url={{ redirect.target }}">
  <link rel="canonical" href="{{ redirect.canonical }}">
  {# Without an icon link the browser asks for /favicon.ico, which the site has not. #}
  <link rel="icon" href="{{ SITEURL }}/theme/img/emblem.svg" type="image/svg+xml">
  <title>Trang đã chuyển: {{ redirect.title }} - {{ SITENAME }}</title>
</head>
<body>
  <main>
    <h1>Trang đã chuyển đến địa chỉ mới</h1>
    <p>Bài viết “<a href="{{ redirect.target }}">{{ redirect.title }}</a>” nay ở
    địa chỉ mới. Nếu trình duyệt không tự chuyển, hãy bấm vào tên bài.</p>
    <p><a href="{{ home_url }}">Trang chủ</a> ·
    <a href="{{ sitemap_url }}">Sơ đồ cổng</a></p>
  </main>
</body>
</html>
"""
)


class LegacyRedirectsGenerator(Generator):
    """Runs after the articles and pages are written, before the static files."""

    def generate_output(self, writer) -> None:
        settings = {**DEFAULTS, **self.settings}
        site_url = settings.get("SITEURL") or ""
        site_path = urlsplit(site_url).path.rstrip("/")
        origin = (settings.get("SITE_ORIGIN") or site_url).rstrip("/")
        if not urlsplit(origin).scheme:
            origin = ""
        redirects = collect_redirects(self.content_items(), site_path, origin)
        self.write_text(settings["LEGACY_REDIRECTS_MAP_SAVE_AS"], nginx_map(redirects))
        self.write_text(
            settings["LEGACY_REDIRECTS_JSON_SAVE_AS"], redirect_table(redirects)
        )
        path_only, dispatchers = split_by_kind(redirects)
        reserved = self.reserved_paths(writer)
        for relative, address in dispatchers.items():
            self.write_dispatcher(writer, relative, address, reserved)
        for redirect in path_only:
            self.write_redirect_page(writer, redirect, reserved, dispatchers)

    def content_items(self) -> list:
        items = [item for name in CONTENT_LISTS for item in self.context.get(name, [])]
        # Source order decides which of two duplicate LegacyURLs is kept.
        return sorted(items, key=lambda item: item.relative_source_path)

    def reserved_paths(self, writer) -> set[str]:
        """Output files of the site itself, which a redirect must never replace."""
        output = os.path.realpath(self.output_path)
        written = getattr(writer, "_written_files", set())
        reserved = {
            os.path.relpath(os.path.realpath(path), output).replace(os.sep, "/")
            for path in written
        }
        for static in self.context.get("staticfiles", []):
            reserved.add(static.save_as.replace(os.sep, "/"))
        return reserved

    def collides(self, relative: str, reserved: set[str], source: str) -> bool:
        theme_dir = self.settings.get("THEME_STATIC_DIR", "theme").strip("/")
        if relative in reserved or relative.startswith(f"{theme_dir}/"):
            logger.error(
                "%s: LegacyURL trùng với tệp %s của website mới, không ghi trang "
                "chuyển hướng ở đó.",
                source,
                relative,
            )
            return True
        if not is_inside(self.output_path, relative):
            logger.error("%s: LegacyURL ra ngoài thư mục output, bỏ qua.", source)
            return True
        return False

    def write_dispatcher(self, writer, relative, address, reserved) -> None:
        if self.collides(relative, reserved, address.request_path):
            return
        writer.write_file(
            relative,
            self.get_template("legacy_redirect"),
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            legacy_path=address.request_path.lstrip("/"),
            legacy_request_path=address.request_path,
            legacy_map_url=self.settings.get(
                "LEGACY_REDIRECTS_JSON_SAVE_AS",
                DEFAULTS["LEGACY_REDIRECTS_JSON_SAVE_AS"],
            ),
            template_name="legacy_redirect",
            page_name="legacy_redirect",
        )

    def write_redirect_page(self, writer, redirect, reserved, dispatchers) -> None:
        relative = redirect.address.file_path
        if relative in dispatchers:
            logger.warning(
                "%s: %s cũng là trang tra cứu địa chỉ cũ có tham số; chuyển hướng "
                "của địa chỉ không tham số chỉ chạy qua nginx hoặc JavaScript.",
                redirect.source,
                redirect.legacy_url,
            )
            return
        if self.collides(relative, reserved, redirect.source):
            return
        site_url = self.settings.get("SITEURL") or ""
        sitemap = self.settings.get("SITEMAP_SAVE_AS", "so-do-cong/index.html")
        writer.write_file(
            relative,
            REDIRECT_PAGE,
            self.context,
            redirect=redirect,
            home_url=f"{site_url}/",
            sitemap_url=f"{site_url}/{sitemap.removesuffix('index.html')}",
        )

    def write_text(self, relative: str, text: str) -> None:
        path = os.path.join(self.output_path, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)


def add_generator(_pelican):
    return LegacyRedirectsGenerator


def register() -> None:
    signals.get_generators.connect(add_generator)
