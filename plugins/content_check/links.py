"""Checks of the files and pages an article points to."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from .header import SourceFile
from .problems import Problem, error

MARKDOWN_TARGET = re.compile(r"!?\[[^\]]*\]\(\s*<?(?P<target>[^)\s>]+)")
HTML_TARGET = re.compile(r"""\b(?:href|src)\s*=\s*["'](?P<target>[^"']+)["']""")
PELICAN_LINK = re.compile(r"^\{(?P<kind>filename|static|attach)\}(?P<path>.+)$")
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "ftp"}


@dataclass
class SiteIndex:
    """What root-relative links may point to: page URLs and listing sections.

    `exact` sections hold one page per content file (articles, drafts): an
    address there must be one of `urls`, as a {filename} link must name a file.
    """

    urls: set[str] = field(default_factory=set)
    sections: set[str] = field(default_factory=set)
    exact: set[str] = field(default_factory=set)

    def knows(self, root: Path, path: str) -> bool:
        clean = content_address(path)
        if clean == "" or clean in self.urls or (root / clean).is_file():
            return True
        section = clean.split("/", 1)[0]
        return section in self.sections and section not in self.exact

    def guess(self, path: str) -> str | None:
        """The known address closest to a mistyped one, for the fix."""
        found = difflib.get_close_matches(content_address(path), self.urls, n=1)
        return f"/{found[0]}/" if found else None


def content_address(path: str) -> str:
    """ "/tin-tuc/2026/bai/index.html" and "/tin-tuc/2026/bai" are one page."""
    clean = path.strip("/")
    return clean.removesuffix("index.html").strip("/")


def link_targets(source: SourceFile) -> Iterator[tuple[int, str]]:
    for number, line in source.body():
        for pattern in (MARKDOWN_TARGET, HTML_TARGET):
            for match in pattern.finditer(line):
                yield number, match["target"]


def check_links(source: SourceFile, root: Path, site: SiteIndex) -> Iterator[Problem]:
    for number, target in link_targets(source):
        problem = check_target(source, root, site, target)
        if problem:
            message, fix = problem
            yield error(source.display, number, message, fix)


def check_target(source, root: Path, site: SiteIndex, target: str):
    """(message, fix) when `target` does not lead anywhere, else None."""
    pelican_link = PELICAN_LINK.match(target)
    if pelican_link:
        path = strip_fragment(pelican_link["path"])
        if not resolve(root, source.relative, path).is_file():
            return (
                f'liên kết "{target}" trỏ tới tệp không có',
                "kiểm tra tên tệp; đường dẫn bắt đầu bằng / tính từ thư mục content",
            )
        return None
    parsed = urlparse(target)
    if parsed.scheme in EXTERNAL_SCHEMES or target.startswith("#") or parsed.netloc:
        return None
    if parsed.scheme:
        return (f'liên kết "{target}" dùng giao thức không cho phép', "dùng https://")
    path = unquote(parsed.path)
    if path.startswith("/"):
        if site.knows(root, path):
            return None
        guess = site.guess(path)
        hint = f"có phải là {guess}? " if guess else ""
        return (
            f'liên kết "{target}" không trỏ tới trang nào của cổng',
            f"{hint}dùng {{filename}}/articles/<năm>/<tên-tệp>.md để liên kết tới "
            "bài khác: địa chỉ đổi theo, còn liên kết không bao giờ hỏng",
        )
    if not resolve(root, source.relative, path).exists():
        return (
            f'liên kết tương đối "{target}" trỏ tới tệp không có',
            "dùng {filename}/articles/<năm>/<tên-tệp>.md hoặc {static}/images/...",
        )
    return None


def check_files(source: SourceFile, root: Path) -> Iterator[Problem]:
    """The cover image and the attachments named in the header must exist."""
    image = source.get("image")
    if image and not resolve(root, "", image).is_file():
        yield error(
            source.display,
            source.line_of("image"),
            f'không tìm thấy ảnh "{image}"',
            "đặt ảnh trong content/images/<năm>/ và ghi đường dẫn tính từ content",
        )
    for attachment in split_list(source.get("attachments") or ""):
        if not resolve(root, "", attachment).is_file():
            yield error(
                source.display,
                source.line_of("attachments"),
                f'không tìm thấy tệp đính kèm "{attachment}"',
                "đặt tệp trong content/files/<năm>/ và ghi đường dẫn tính từ content",
            )


def split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def strip_fragment(path: str) -> str:
    return path.split("#", 1)[0].split("?", 1)[0]


def resolve(root: Path, relative_source: str, path: str) -> Path:
    """A path written in a file, resolved as Pelican does: / is the content root."""
    if path.startswith("/"):
        return root / PurePosixPath(path.lstrip("/"))
    return root / PurePosixPath(relative_source).parent / PurePosixPath(path)
