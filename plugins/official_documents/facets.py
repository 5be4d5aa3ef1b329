"""The listing pages by loại, cơ quan, lĩnh vực, năm and tình trạng.

They are static pages, so every filter works without JavaScript; with it,
documents.js combines the filters over the compact index instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from vietnamese import slugify

from .document_file import Document
from .status import STATUS_FACETS, status_facet


@dataclass(eq=False)
class Facet:
    """One value of a filter, with its documents (newest first) and its page."""

    group: str  # the group's URL part and query parameter: "loai"
    name: str
    slug: str
    documents: list[Document] = field(default_factory=list)
    url: str = ""
    save_as: str = ""


@dataclass(eq=False)
class FacetGroup:
    key: str
    label: str
    facets: list[Facet]
    # (slug, name) the combined filter offers: every status, since a
    # document's status may change after the build; else the facets.
    every_choice: list[tuple[str, str]] | None = None

    @property
    def choices(self) -> list[tuple[str, str]]:
        return self.every_choice or [(f.slug, f.name) for f in self.facets]


def group(
    key: str,
    label: str,
    names: list[str],
    documents: list[Document],
    values_of: Callable[[Document], list[str]],
) -> FacetGroup:
    """The facets of `names` that have documents, in the order of `names`."""
    facets = {name: Facet(key, name, slugify(name)) for name in names}
    for document in documents:
        for value in values_of(document):
            if value in facets:
                facets[value].documents.append(document)
    return FacetGroup(key, label, [f for f in facets.values() if f.documents])


def facet_groups(documents: list[Document], lists: dict, today: date):
    """Loại, cơ quan, lĩnh vực, năm (newest first) and tình trạng on `today`."""
    years = sorted({str(d.issued.year) for d in documents}, reverse=True)
    statuses = {status.key: status.label for status in STATUS_FACETS}
    status_group = group(
        "tinh-trang",
        "Tình trạng",
        list(statuses.values()),
        documents,
        lambda d: [statuses[status_facet(d, today).key]],
    )
    status_group.every_choice = [(s.key, s.label) for s in STATUS_FACETS]
    return [
        group("loai", "Loại văn bản", lists["DOCUMENT_KINDS"], documents, kind_of),
        group(
            "co-quan",
            "Cơ quan ban hành",
            lists["DOCUMENT_ISSUERS"],
            documents,
            issuer_of,
        ),
        group("linh-vuc", "Lĩnh vực", lists["DOCUMENT_SECTORS"], documents, sectors_of),
        group("nam", "Năm ban hành", years, documents, year_of),
        status_group,
    ]


def kind_of(document: Document) -> list[str]:
    return [document.kind]


def issuer_of(document: Document) -> list[str]:
    return [document.issuer]


def sectors_of(document: Document) -> list[str]:
    return document.sectors


def year_of(document: Document) -> list[str]:
    return [str(document.issued.year)]
