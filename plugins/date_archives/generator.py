"""Writes the year, month and day archive pages from the linear grouping."""

from __future__ import annotations

import logging
from functools import partial

from pelican.generators import Generator

from .grouping import KINDS, group_articles, place

logger = logging.getLogger(__name__)

# The URL of each kind of archive page; the file is the URL + index.html.
URL_SETTINGS = {
    "year": "YEAR_ARCHIVE_URL",
    "month": "MONTH_ARCHIVE_URL",
    "day": "DAY_ARCHIVE_URL",
}


def archive_urls(settings) -> dict[str, str]:
    """URL patterns of the kinds this plugin writes.

    Pelican writes its own (quadratic) archives when a *_ARCHIVE_SAVE_AS is set;
    two writers of one file would abort the build, so that kind is left to
    Pelican and the setting is reported.
    """
    urls = {}
    for kind in KINDS:
        url_setting = URL_SETTINGS[kind]
        pelican_save_as = url_setting.replace("_URL", "_SAVE_AS")
        if settings.get(pelican_save_as):
            logger.error(
                "pelicanconf.py: %s đang bật trang lưu trữ chậm của Pelican "
                '(đặt %s = "" để plugin date_archives viết trang này)',
                pelican_save_as,
                pelican_save_as,
            )
            continue
        urls[kind] = settings.get(url_setting) or ""
    return urls


class DateArchivesGenerator(Generator):
    """Archives by year, month and day, paginated like the other listings."""

    def generate_context(self) -> None:
        self.urls = archive_urls(self.settings)
        archive = group_articles(self.context.get("articles", []))
        place(archive, self.urls)
        self.archive = archive
        self.context["date_archive"] = archive

    def generate_output(self, writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        template = self.get_template("period_archives")
        for kind in KINDS:
            if not self.urls.get(kind):
                continue
            for period in self.archive.periods(kind):
                write(
                    period.save_as,
                    template,
                    self.context,
                    paginated={"articles": period.articles, "dates": period.articles},
                    template_name="period_archives",
                    url=period.url,
                    archive_period=period,
                    articles=period.articles,
                    dates=period.articles,
                    blog=True,
                    page_name=period.url.rstrip("/"),
                )
