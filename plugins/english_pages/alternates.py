"""Which pages are the same page in Vietnamese and in English."""

from __future__ import annotations

from collections.abc import Iterable

VIETNAMESE, ENGLISH = "vi", "en"
HOME_URL = ""


def language_alternates(
    pages: Iterable, english_home_url: str | None
) -> dict[str, tuple[tuple[str, str], ...]]:
    """{page URL: (("vi", url), ("en", url))} for every page that has a
    counterpart in the other language, both ways; "" is the home page.

    A page names its counterpart by slug in `Translation:`, from either side;
    a name that matches no page of the other language is left out here (the
    content check reports it with its file and line).
    """
    pages = list(pages)
    by_slug = {(page.lang, page.slug): page for page in pages}
    pairs: dict[str, str] = {}  # Vietnamese URL -> English URL
    if english_home_url is not None:
        pairs[HOME_URL] = english_home_url
    for page in pages:
        other = ENGLISH if page.lang == VIETNAMESE else VIETNAMESE
        counterpart = by_slug.get((other, getattr(page, "translation", None)))
        if counterpart is not None:
            vietnamese, english = (
                (page, counterpart) if page.lang == VIETNAMESE else (counterpart, page)
            )
            pairs[vietnamese.url] = english.url
    alternates = {}
    for vietnamese, english in pairs.items():
        both = ((VIETNAMESE, vietnamese), (ENGLISH, english))
        alternates[vietnamese] = alternates[english] = both
    return alternates
