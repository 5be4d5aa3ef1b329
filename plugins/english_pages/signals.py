"""Pelican hooks: the English home's address, then the alternates in the context."""

from __future__ import annotations

from pelican import signals

from .alternates import ENGLISH, language_alternates
from .dates import english_date

HOME_SLUG = "home"
HOME_URL = "en/"


def english_home(generator):
    """The English page whose slug is ENGLISH_HOME_SLUG, or None."""
    slug = generator.settings.get("ENGLISH_HOME_SLUG", HOME_SLUG)
    return next(
        (p for p in generator.pages if p.lang == ENGLISH and p.slug == slug), None
    )


def pages_read(generator) -> None:
    """At `en/` instead of `en/home/` (Pelican's own override attributes, set
    before build_speed stores every page's URL)."""
    home = english_home(generator)
    if home is not None:
        home.override_url = HOME_URL
        home.override_save_as = HOME_URL + "index.html"
    if "BUILD_TIME" in generator.context:  # newsroom's; the header's date line
        build_day = generator.context["BUILD_TIME"]
        generator.context["ENGLISH_BUILD_DATE"] = english_date(build_day)
    generator.context["ENGLISH_HOME_URL"] = home.url if home else None
    generator.context["ENGLISH_PAGES"] = sorted(
        (page for page in generator.pages if page.lang == ENGLISH),
        key=lambda page: (page is not home, menu_order(page)),
    )
    generator.context["LANGUAGE_ALTERNATES"] = language_alternates(
        generator.pages, home.url if home else None
    )


def menu_order(page) -> tuple[int, str]:
    """By `Order:` (a number; pages without one last), then by title."""
    order = str(getattr(page, "order", "")).strip()
    return (int(order) if order.isdigit() else 10**6, page.title)


def add_filter(pelican) -> None:
    filters = pelican.settings.get("JINJA_FILTERS", {})
    pelican.settings["JINJA_FILTERS"] = {"en_date": english_date, **filters}


def register() -> None:
    signals.initialized.connect(add_filter)
    signals.page_generator_finalized.connect(pages_read)
