"""`sokhcn import`: turn saved pages of the old portal into Markdown articles.

Two kinds of input, found in the files and folders given (recursively):

- HTML pages saved from the old ASP.NET/DotNetNuke portal
  (`ChiTietTinTuc.aspx?nid=7705`), with their `<name>_files/` folder or a mirror
  of the old site's `Portals/0/...` tree for images and attachments;
- plain-text captures of such a page: title, date line, body, byline, then the
  sidebar texts.

Only the article is imported: menus, sidebar widgets, footer and counters are
left behind. Nothing is fetched from the network and nothing is overwritten.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag, UnicodeDammit

from commands.convert_legacy import decode as decode_legacy_bytes
from commands.new_article import (
    InputError,
    free_name,
    load_settings,
    match_category,
    unknown_category_message,
)
from vietnamese import (
    ENCODING_NAMES,
    convert_lines,
    fold,
    from_legacy,
    legacy_lines,
    nfc,
    parse_date,
    slugify,
)

HELP = "Nhập bài viết từ các trang đã lưu của cổng thông tin cũ."

DEFAULT_CATEGORY = "Tin hoạt động"
PAGE_SUFFIXES = {".html", ".htm", ".aspx", ".txt"}
ATTACHMENT_SUFFIXES = {
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx",
    ".odt", ".ods", ".zip", ".rar", ".7z", ".txt", ".rtf",
}  # fmt: skip
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp"}
# File names get long with Vietnamese titles; cut at a word boundary.
MAX_SLUG_LENGTH = 80

DATE_TEXT = re.compile(
    r"(?P<date>\d{1,2}/\d{1,2}/\d{4})"
    r"(?:\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?\s*(?P<half>AM|PM|SA|CH)?)?",
    re.IGNORECASE,
)
# "Trương Thế Bình - Văn phòng", optionally after "Tin, ảnh:".
BYLINE = re.compile(
    r"^(?:(?:tin|ảnh|bài)(?:\s*(?:,|và)\s*(?:ảnh|tin))?\s*:\s*)?"
    r"(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){1,5})\s+[-–]\s+(?P<unit>[^-–.,;:!?]{2,80})$",
    re.IGNORECASE,
)
LIST_MARKER = re.compile(r"^[-–+•]\s+")
# Sidebar widgets of the old portal, as whole lines (folded): the body ends there.
SIDEBAR_LINES = re.compile(
    r"^(?:tim kiem theo chuyen muc.*|tin nong|tin tieu diem|lich cong tac(?: trong)?"
    r"|website lien ket|thong ke truy cap:?|hom nay:?\s*[\d.]*|da truy cap:?\s*[\d.]*)$"
)
SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)")
BREADCRUMB = re.compile("breadcrumb|duongdan|lblChuyenMuc", re.IGNORECASE)
BREADCRUMB_SEPARATORS = re.compile(r"\s*[»›>|]\s*")

# The old portal's element ids end with these (DotNetNuke: dnn_ctr123_ViewTinTuc_…).
TITLE_IDS = ("lblTieuDe", "lblTitle")
DATE_IDS = ("lblNgayDang", "lblNgay", "lblDate")
LEAD_IDS = ("lblTomTat", "lblMoTa", "lblSummary")
BODY_IDS = ("lblNoiDung", "lblContent")
AUTHOR_IDS = ("lblTacGia", "lblAuthor")
TITLE_CLASSES = ("TieuDe", "news-title")
DATE_CLASSES = ("NgayDang", "news-date")
LEAD_CLASSES = ("TomTat", "sapo")
BODY_CLASSES = ("NoiDung", "news-content")
AUTHOR_CLASSES = ("TacGia",)

SKIPPED_TAGS = {
    "script", "style", "noscript", "iframe", "object", "embed", "form", "input",
    "select", "button", "textarea", "link", "meta", "map", "area",
}  # fmt: skip
BLOCK_TAGS = {
    "p", "div", "center", "section", "article", "figure", "figcaption", "blockquote",
    "address", "dl", "dt", "dd", "pre", "tbody", "thead", "tfoot", "tr",
}  # fmt: skip
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources",
        nargs="+",
        metavar="TỆP_HOẶC_THƯ_MỤC",
        help="trang đã lưu (.html, .htm, .aspx) hoặc bản chữ (.txt); thư mục "
        "được duyệt cả thư mục con",
    )
    parser.add_argument(
        "--out",
        default="content/articles",
        metavar="THƯ_MỤC",
        help="nơi ghi bài viết, theo năm (mặc định: content/articles)",
    )
    parser.add_argument(
        "--assets",
        default="content",
        metavar="THƯ_MỤC",
        help="nơi chép ảnh (images/<năm>/) và tệp đính kèm (files/<năm>/) "
        "(mặc định: content)",
    )
    parser.add_argument(
        "--category",
        default=DEFAULT_CATEGORY,
        metavar="CHUYÊN_MỤC",
        help=f"chuyên mục khi trang cũ không ghi rõ (mặc định: {DEFAULT_CATEGORY})",
    )
    parser.add_argument(
        "--map-category",
        action="append",
        default=[],
        metavar="TÊN_CŨ=TÊN_MỚI",
        help='đổi chuyên mục cũ sang chuyên mục mới, ví dụ "Tin tức - Sự kiện='
        'Tin hoạt động" (ghi nhiều lần được)',
    )
    parser.add_argument(
        "--settings",
        default="pelicanconf.py",
        metavar="TỆP",
        help="tệp cấu hình Pelican (mặc định: pelicanconf.py)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        categories = list(load_settings(args.settings).get("CATEGORIES") or [])
        options = ImportOptions.from_args(args, categories)
    except InputError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
    importer = Importer(options)
    for source in args.sources:
        importer.import_source(Path(source))
    return importer.finish()


# --- options --------------------------------------------------------------------


@dataclass
class ImportOptions:
    out: Path
    assets: Path
    categories: list[str]
    default_category: str
    category_map: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_args(cls, args: argparse.Namespace, categories: list[str]):
        default = match_category(args.category, categories)
        if default is None:
            raise InputError(unknown_category_message(args.category, categories))
        return cls(
            out=Path(args.out),
            assets=Path(args.assets),
            categories=categories,
            default_category=default,
            category_map=parse_category_map(args.map_category, categories),
        )


def parse_category_map(pairs: list[str], categories: list[str]) -> dict[str, str]:
    """{slug of the old name: configured category} from "Old=New" arguments."""
    mapping = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        target = match_category(new, categories) if sep else None
        if not slugify(old) or target is None:
            raise InputError(
                f'--map-category "{pair}" không hợp lệ: hãy viết "Tên cũ=Tên mới", '
                f"tên mới là một chuyên mục trong danh sách:\n"
                + "\n".join(f"  - {name}" for name in categories)
            )
        mapping[slugify(old)] = target
    return mapping


# --- the article model ----------------------------------------------------------


@dataclass
class Block:
    """One Markdown block; list items of the same kind are joined without a gap."""

    markdown: str
    text: str = ""
    kind: str = "p"  # "p", "ul" or "ol" (a list item)


@dataclass
class LegacyArticle:
    source: Path
    title: str
    date: datetime
    category: str
    blocks: list[Block]
    author: str = ""
    summary: str = ""
    legacy_url: str = ""
    attachments: list[str] = field(default_factory=list)


class Problems:
    """Errors and warnings of one source file."""

    def __init__(self, source: Path):
        self.source = source
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, message: str) -> None:
        self.errors.append(message)

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def report(self) -> None:
        for message in self.errors:
            print(f"LỖI: {self.source}: {message}", file=sys.stderr)
        for message in self.warnings:
            print(f"CẢNH BÁO: {self.source}: {message}", file=sys.stderr)


class Skip(Exception):
    """The file cannot be imported; the message says why, in Vietnamese."""


# --- the importer ---------------------------------------------------------------


@dataclass
class Accepted:
    """A page read and checked, waiting to be written."""

    article: LegacyArticle
    assets: AssetStore
    problems: Problems
    target: Path


class Importer:
    """Reads every page first, then writes: links between imported pages need to
    know where each page goes."""

    def __init__(self, options: ImportOptions):
        self.options = options
        self.imported = 0
        self.skipped = 0
        self.errors = 0
        self.existing = ExistingArticles.scan(options.out)
        self.accepted: list[Accepted] = []

    def import_source(self, source: Path) -> None:
        if not source.exists():
            self.fail(source, "không tìm thấy tệp hoặc thư mục này.")
            return
        for path in page_files(source):
            self.read(path, search_root=source if source.is_dir() else path.parent)

    def read(self, path: Path, search_root: Path) -> None:
        problems = Problems(path)
        assets = AssetStore(self.options.assets, path, search_root)
        try:
            article = read_page(path, self.options, assets, problems)
            self.existing.check_new(article)
        except Skip as reason:
            problems.error(f"{reason} Đã bỏ qua tệp này.")
            problems.report()
            self.skipped += 1
            return
        target = self.free_target(article, problems)
        self.existing.add(article, target)  # a second copy in this run is refused
        self.accepted.append(Accepted(article, assets, problems, target))

    def free_target(self, article: LegacyArticle, problems: Problems) -> Path:
        folder = self.options.out / str(article.date.year)
        wanted = target = folder / f"{article_slug(article.title)}.md"
        taken = {accepted.target for accepted in self.accepted}
        # Another article already has this file name: never overwrite it.
        while target.exists() or target in taken:
            target = free_name_among(target, taken)
        if target != wanted:
            problems.warn(
                f"đã có bài khác tên tệp {wanted.name} (tiêu đề giống hoặc chỉ khác "
                f"dấu), bài này được ghi thành {target.name}."
            )
        return target

    def write(self, accepted: Accepted) -> None:
        article, problems, target = accepted.article, accepted.problems, accepted.target
        text = render_markdown(article, lambda url: self.link_to(url, target), problems)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with target.open("x", encoding="utf-8") as handle:
                handle.write(text)
        except FileExistsError:
            problems.error(f"tệp {target} vừa được tạo bởi người khác. Đã bỏ qua.")
            self.skipped += 1
        else:
            accepted.assets.copy_all()
            self.imported += 1
            self.errors += bool(problems.errors)
            print(f"Đã nhập: {article.source} → {target}")
        problems.report()

    def link_to(self, legacy_url: str, source: Path) -> str | None:
        """A `{filename}` link from `source` to the article with `legacy_url`."""
        found = self.existing.by_legacy_url.get(legacy_key(legacy_url))
        if found is None:
            return None
        content_root = self.options.assets.resolve()
        found = found.resolve()
        if found.is_relative_to(content_root):
            return "{filename}/" + found.relative_to(content_root).as_posix()
        relative = os.path.relpath(found, source.resolve().parent)
        return "{filename}" + Path(relative).as_posix()

    def fail(self, source: Path, message: str) -> None:
        print(f"LỖI: {source}: {message}", file=sys.stderr)
        self.skipped += 1

    def finish(self) -> int:
        for accepted in self.accepted:
            self.write(accepted)
        print(f"Đã nhập {self.imported} bài, bỏ qua {self.skipped}.")
        if self.errors:
            print(
                f"Có {self.errors} bài đã nhập nhưng còn lỗi (xem các dòng LỖI ở "
                "trên), hãy kiểm tra lại các bài đó."
            )
        return 1 if self.skipped or self.errors else 0


def free_name_among(path: Path, taken: set[Path]) -> Path:
    candidate = free_name(path)
    number = 3
    while candidate in taken:
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def page_files(source: Path) -> list[Path]:
    """The saved pages in `source`, in a stable order; browser `_files` folders
    hold the page's images and scripts, not pages."""
    if source.is_file():
        return [source]
    return sorted(
        path
        for path in source.rglob("*")
        if path.is_file()
        and path.suffix.lower() in PAGE_SUFFIXES
        and not any(part.endswith("_files") for part in path.relative_to(source).parts)
        and not is_mirrored_asset(path.relative_to(source))
    )


def is_mirrored_asset(relative: Path) -> bool:
    """Files under a mirrored `Portals/` tree are attachments, not pages."""
    return any(part.lower() == "portals" for part in relative.parts[:-1])


def article_slug(title: str) -> str:
    slug = slugify(title)
    if len(slug) <= MAX_SLUG_LENGTH:
        return slug
    return slug[: MAX_SLUG_LENGTH + 1].rsplit("-", 1)[0]


class ExistingArticles:
    """Articles already in the output folder, to refuse importing one twice."""

    def __init__(self):
        self.by_legacy_url: dict[str, Path] = {}
        self.by_title_and_date: dict[tuple[str, str], Path] = {}

    @classmethod
    def scan(cls, folder: Path) -> ExistingArticles:
        existing = cls()
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            header = read_header(path)
            existing.remember(
                header.get("legacyurl", ""),
                header.get("title", ""),
                header.get("date", ""),
                path,
            )
        return existing

    def remember(self, legacy_url: str, title: str, date: str, path: Path) -> None:
        if legacy_url:
            self.by_legacy_url[legacy_key(legacy_url)] = path
        if title and date:
            self.by_title_and_date[(fold(title), date_key(date))] = path

    def add(self, article: LegacyArticle, path: Path) -> None:
        date = f"{article.date:%d/%m/%Y %H:%M}"
        self.remember(article.legacy_url, article.title, date, path)

    def check_new(self, article: LegacyArticle) -> None:
        if article.legacy_url:
            found = self.by_legacy_url.get(legacy_key(article.legacy_url))
            if found:
                raise Skip(
                    f"bài này đã được nhập: {found} có cùng LegacyURL "
                    f"{article.legacy_url}."
                )
        found = self.by_title_and_date.get(
            (fold(article.title), f"{article.date:%d/%m/%Y %H:%M}")
        )
        if found:
            raise Skip(f"bài này đã được nhập: {found} có cùng tiêu đề và ngày đăng.")


def read_header(path: Path) -> dict[str, str]:
    header = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return header
    for line in lines:
        if not line.strip():
            break
        key, sep, value = line.partition(":")
        if sep:
            header[key.strip().lower()] = nfc(value.strip())
    return header


def legacy_key(url: str) -> str:
    return url.strip().lstrip("/").lower()


def date_key(text: str) -> str:
    try:
        return f"{parse_date(text):%d/%m/%Y %H:%M}"
    except ValueError:
        return text


# --- reading a page -------------------------------------------------------------


def read_page(
    path: Path, options: ImportOptions, assets: AssetStore, problems: Problems
) -> LegacyArticle:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise Skip(f"không đọc được tệp ({error.strerror}).") from None
    if path.suffix.lower() == ".txt":
        return read_text_capture(path, decode_text(data, problems), options, problems)
    return read_html_page(path, decode_html(data), options, assets, problems)


def decode_text(data: bytes, problems: Problems) -> str:
    """The capture's text in Unicode, with text typed in a legacy font
    (TCVN3, VNI) converted; a file that is not UTF-8 is the font's own bytes
    when they read as such, else Windows-1258."""
    text, utf8 = decode_legacy_bytes(data)
    lines = text.splitlines()
    if not utf8 and not legacy_lines(lines):
        problems.warn("tệp không phải UTF-8, đã đọc theo bảng mã Windows-1258.")
        return nfc(data.decode("cp1258", errors="replace"))
    report_legacy(legacy_lines(lines), problems)
    return "\n".join(convert_lines(lines))


def report_legacy(hits: list[tuple[int, str]], problems: Problems) -> None:
    for encoding in sorted({encoding for _, encoding in hits}):
        count = sum(found == encoding for _, found in hits)
        problems.warn(
            f"{count} đoạn gõ bằng bảng mã cũ {ENCODING_NAMES[encoding]} đã được "
            "chuyển sang Unicode; hãy đọc lại bài."
        )


def convert_legacy_strings(soup: BeautifulSoup, problems: Problems) -> None:
    """Text typed in a legacy font, converted in place before anything is read
    from the page (the byline and the lead are found by their letters)."""
    strings = [
        string
        for string in soup.find_all(string=True)
        if not isinstance(string, Comment) and string.parent.name not in SKIPPED_TAGS
    ]
    hits = legacy_lines([str(string) for string in strings])
    for index, encoding in hits:
        strings[index].replace_with(from_legacy(str(strings[index]), encoding))
    report_legacy(hits, problems)


def decode_html(data: bytes) -> str:
    """Decode, then NFC (some pages are NFD).

    UTF-8 is tried first: saved pages are often re-encoded as UTF-8 but keep their
    old `charset=windows-1258` meta, and legacy Vietnamese text is practically
    never valid UTF-8. Otherwise the declared charset is used.
    """
    dammit = UnicodeDammit(data, ["utf-8"], is_html=True)
    return nfc(dammit.unicode_markup or data.decode("utf-8", errors="replace"))


def parse_day_first(text: str) -> datetime | None:
    """The first dd/mm/yyyy [HH:MM [AM|PM|SA|CH]] in `text`."""
    match = DATE_TEXT.search(text)
    if not match:
        return None
    try:
        day = parse_date(match["date"])
    except ValueError:
        return None
    hour, minute = int(match["hour"] or 0), int(match["minute"] or 0)
    half = (match["half"] or "").upper()
    if half in ("PM", "CH") and hour < 12:
        hour += 12
    elif half in ("AM", "SA") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return day.replace(hour=hour, minute=minute)


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def split_byline(text: str) -> str | None:
    """ "Name - Unit" when `text` looks like a byline, else None."""
    match = BYLINE.match(one_line(text))
    if not match:
        return None
    name, unit = match["name"], match["unit"].strip()
    if not all(word[0].isupper() for word in name.split()) or not unit[0].isupper():
        return None
    return f"{name} - {unit}"


def choose_category(
    names: list[str], options: ImportOptions, problems: Problems
) -> str:
    """The configured category named by the breadcrumb (nearest first)."""
    for name in reversed(names):
        mapped = options.category_map.get(slugify(name)) or match_category(
            name, options.categories
        )
        if mapped:
            return mapped
    found = f"đường dẫn: {' › '.join(names)}" if names else "trang cũ không ghi"
    problems.warn(
        f"không xác định được chuyên mục ({found}), dùng chuyên mục "
        f'"{options.default_category}". Có thể đổi bằng --category hoặc '
        "--map-category."
    )
    return options.default_category


# --- plain-text captures --------------------------------------------------------


def read_text_capture(
    path: Path, text: str, options: ImportOptions, problems: Problems
) -> LegacyArticle:
    lines = [one_line(line) for line in text.splitlines()]
    filled = [index for index, line in enumerate(lines) if line]
    if len(filled) < 3:
        raise Skip("bản chữ quá ngắn: cần tiêu đề, ngày đăng và nội dung.")
    title, date_line = lines[filled[0]], lines[filled[1]]
    date = parse_day_first(date_line)
    if date is None:
        raise Skip(
            f'dòng thứ hai "{date_line}" phải là ngày đăng, ví dụ 16/11/2017 10:00.'
        )
    body = body_lines(lines[filled[1] + 1 :])
    author = ""
    if body and (byline := split_byline(body[-1])):
        author = byline
        body.pop()
    if not body:
        raise Skip("không có nội dung bài viết.")
    problems.warn("bản chữ không có địa chỉ trang cũ, bài sẽ không có LegacyURL.")
    return LegacyArticle(
        source=path,
        title=title,
        date=date,
        category=choose_category([], options, problems),
        blocks=[text_block(line) for line in body],
        author=author,
    )


def body_lines(lines: list[str]) -> list[str]:
    """Non-empty lines up to the first sidebar widget title."""
    body = []
    for line in lines:
        if SIDEBAR_LINES.match(fold(line)):
            break
        if line:
            body.append(line)
    return body


def text_block(line: str) -> Block:
    marker = LIST_MARKER.match(line)
    if marker:
        item = line[marker.end() :]
        return Block(f"- {escape_markdown(item)}", item, kind="ul")
    return Block(escape_line_start(escape_markdown(line)), line)


# --- HTML pages -----------------------------------------------------------------


def read_html_page(
    path: Path,
    html: str,
    options: ImportOptions,
    assets: AssetStore,
    problems: Problems,
) -> LegacyArticle:
    soup = BeautifulSoup(html, "html.parser")
    convert_legacy_strings(soup, problems)
    title_element = find_part(soup, TITLE_IDS, TITLE_CLASSES) or soup.find("h1")
    title = one_line(title_element.get_text(" ")) if title_element else ""
    if not title:
        raise Skip("không thấy tiêu đề bài viết: có phải trang chi tiết tin bài không?")
    body_element = find_part(soup, BODY_IDS, BODY_CLASSES)
    if body_element is None:
        raise Skip("không thấy phần nội dung bài viết (lblNoiDung).")
    date = page_date(soup, title_element)
    if date is None:
        raise Skip("không thấy ngày đăng dạng dd/mm/yyyy HH:MM.")
    legacy_url = page_legacy_url(soup, html)
    if not legacy_url:
        problems.warn("không thấy địa chỉ trang cũ, bài sẽ không có LegacyURL.")
    converter = MarkdownConverter(assets, date.year, legacy_host(soup, html), problems)
    blocks = converter.blocks(body_element)
    lead_element = find_part(soup, LEAD_IDS, LEAD_CLASSES)
    lead = one_line(lead_element.get_text(" ")) if lead_element else ""
    if lead and blocks and fold(blocks[0].text) == fold(lead):
        blocks.pop(0)  # some pages repeat the lead as the first paragraph
    author = page_author(soup, blocks)
    if not blocks:
        raise Skip("phần nội dung bài viết trống.")
    return LegacyArticle(
        source=path,
        title=title,
        date=date,
        category=choose_category(breadcrumb_names(soup), options, problems),
        blocks=blocks,
        author=author,
        summary=lead,
        legacy_url=legacy_url,
        attachments=converter.attachments,
    )


def find_part(soup: BeautifulSoup, ids: tuple, classes: tuple) -> Tag | None:
    """The element whose id ends with one of `ids`, or that has one of `classes`."""
    for suffix in ids:
        found = soup.find(id=lambda value, s=suffix: bool(value) and value.endswith(s))
        if found:
            return found
    for name in classes:
        found = soup.find(class_=name)
        if found:
            return found
    return None


def page_date(soup: BeautifulSoup, title_element: Tag) -> datetime | None:
    element = find_part(soup, DATE_IDS, DATE_CLASSES)
    if element is not None:
        return parse_day_first(element.get_text(" "))
    # No date element: the first date written after the title.
    for string in title_element.find_all_next(string=True, limit=40):
        date = parse_day_first(str(string))
        if date is not None:
            return date
    return None


def page_author(soup: BeautifulSoup, blocks: list[Block]) -> str:
    element = find_part(soup, AUTHOR_IDS, AUTHOR_CLASSES)
    if element is not None and (byline := split_byline(element.get_text(" "))):
        return byline
    if blocks and blocks[-1].kind == "p" and (byline := split_byline(blocks[-1].text)):
        blocks.pop()  # the byline paragraph closes the body on the old portal
        return byline
    return ""


def breadcrumb_names(soup: BeautifulSoup) -> list[str]:
    """The names in the page's breadcrumb ("Trang chủ » Tin tức » Tin hoạt động")."""
    element = soup.find(id=BREADCRUMB) or soup.find(class_=BREADCRUMB)
    if element is None:
        return []
    if element.name == "a":
        element = element.parent  # DotNetNuke puts the class on each link
    parts = element.find_all(["a", "span", "li"]) or [element]
    names = []
    for part in parts:
        for name in BREADCRUMB_SEPARATORS.split(one_line(part.get_text(" "))):
            if name and name not in names:
                names.append(name)
    return names


def page_urls(soup: BeautifulSoup, html: str) -> list[str]:
    """Where the page came from, best evidence first."""
    urls = []
    canonical = soup.find("link", rel="canonical")
    if canonical and canonical.get("href"):
        urls.append(canonical["href"])
    og_url = soup.find("meta", property="og:url")
    if og_url and og_url.get("content"):
        urls.append(og_url["content"])
    comment = soup.find(string=lambda s: isinstance(s, Comment) and "saved from" in s)
    saved_from = SAVED_FROM.search(str(comment or "")) or SAVED_FROM.search(html[:500])
    if saved_from:
        urls.append(saved_from[1])
    form = soup.find("form", action=True)
    if form:
        urls.append(form["action"])
    return urls


def page_legacy_url(soup: BeautifulSoup, html: str) -> str:
    for url in page_urls(soup, html):
        legacy = to_legacy_path(url)
        if legacy:
            return legacy
    return ""


def legacy_host(soup: BeautifulSoup, html: str) -> str:
    for url in page_urls(soup, html):
        host = urlsplit(url).netloc.lower()
        if host:
            return host
    return ""


def to_legacy_path(url: str) -> str:
    """The old-site address of `url`, relative to the old site's root.

    "http://host/ChiTietTinTuc.aspx?nid=7705&tabid=3" → "ChiTietTinTuc.aspx?nid=7705".

    The old portal identified an article by `nid`; other parameters were menu
    state, so they are dropped to give one address per article.
    """
    parts = urlsplit(url.strip())
    if parts.scheme and parts.scheme not in ("http", "https"):
        return ""
    path = re.sub(r"^(?:\./|/)+", "", parts.path)
    if not path or ".." in path.split("/"):
        return ""
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    nid = [value for key, value in pairs if key.lower() == "nid"]
    query = f"nid={nid[0]}" if nid else parts.query
    return f"{path}?{query}" if query else path


# --- HTML to Markdown -----------------------------------------------------------


def escape_markdown(text: str) -> str:
    """Text that Markdown shows as written: no emphasis, links or raw HTML."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"([*_`\[\]])", r"\\\1", text)
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    return text.replace("<", "&lt;")


def escape_line_start(markdown: str) -> str:
    """Keep "1. Mục tiêu" or "# 5" a paragraph, not a list or a heading."""
    markdown = re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", markdown)
    return re.sub(r"^([#>+-])", r"\\\1", markdown)


def safe_url(url: str) -> str:
    """A URL that cannot end the Markdown link early."""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._{}")


class MarkdownConverter:
    """Turns the article body of an old page into Markdown blocks."""

    def __init__(self, assets: AssetStore, year: int, host: str, problems: Problems):
        self.assets = assets
        self.year = year
        self.host = host
        self.problems = problems
        self.attachments: list[str] = []

    # Blocks

    def blocks(self, element: Tag) -> list[Block]:
        blocks: list[Block] = []
        inline: list[str] = []
        texts: list[str] = []

        def flush() -> None:
            block = self.paragraph("".join(inline), "".join(texts))
            if block:
                blocks.append(block)
            inline.clear()
            texts.clear()

        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                inline.append(self.text(child))
                texts.append(str(child))
            elif child.name in SKIPPED_TAGS:
                continue
            elif child.name == "br":
                flush()  # the old editor used <br> between paragraphs
            elif child.name in BLOCK_TAGS or child.name in HEADINGS | {"ul", "ol"}:
                flush()
                blocks.extend(self.block(child))
            elif child.name == "table":
                flush()
                blocks.extend(self.table(child))
            elif child.name == "hr":
                flush()
                blocks.append(Block("* * *"))
            elif has_blocks(child):
                # <font> or <span> wrapping whole paragraphs, as the old editor did.
                flush()
                blocks.extend(self.blocks(child))
            else:
                inline.append(self.inline(child))
                texts.append(child.get_text())
        flush()
        return blocks

    def block(self, element: Tag) -> list[Block]:
        if element.name in ("ul", "ol"):
            return self.list_items(element, indent="")
        if element.name in HEADINGS:
            text = self.inline_children(element).strip()
            level = max(2, int(element.name[1]))
            return [Block(f"{'#' * level} {text}", element.get_text())] if text else []
        return self.blocks(element)

    def paragraph(self, markdown: str, text: str) -> Block | None:
        markdown, text = one_line(markdown), one_line(text)
        if not markdown:
            return None
        if LIST_MARKER.match(text):
            # "- Về nội dung …" paragraphs were the old editor's lists.
            item = re.sub(r"^((?:\*{1,2})?)\\?[-–+•]\s*", r"\1", markdown)
            return Block(f"- {item}", LIST_MARKER.sub("", text), kind="ul")
        return Block(escape_line_start(markdown), text)

    def list_items(self, element: Tag, indent: str) -> list[Block]:
        kind = element.name
        items = []
        for number, item in enumerate(element.find_all("li", recursive=False), 1):
            nested = item.find_all(["ul", "ol"], recursive=False)
            for child in nested:
                child.extract()
            text = one_line(self.inline_children(item))
            marker = f"{number}." if kind == "ol" else "-"
            if text:
                items.append(Block(f"{indent}{marker} {text}", item.get_text(), kind))
            for child in nested:
                items.extend(self.list_items(child, indent + "    "))
        return items

    def table(self, element: Tag) -> list[Block]:
        rows = []
        for row in element.find_all("tr"):
            cells = [
                one_line(self.inline_children(cell)).replace("|", "\\|")
                for cell in row.find_all(["td", "th"])
            ]
            if any(cells):
                rows.append(cells)
        if not rows:
            return []
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = [f"| {' | '.join(rows[0])} |", f"|{' --- |' * width}"]
        lines += [f"| {' | '.join(row)} |" for row in rows[1:]]
        return [Block("\n".join(lines), element.get_text(" "))]

    # Inline content

    def text(self, string: str) -> str:
        return escape_markdown(re.sub(r"\s+", " ", string))

    def inline_children(self, element: Tag, bold=False, italic=False) -> str:
        parts = []
        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(self.text(child))
            elif child.name == "br":
                parts.append(" ")
            elif child.name not in SKIPPED_TAGS:
                parts.append(self.inline(child, bold, italic))
        return "".join(parts)

    def inline(self, element: Tag, bold=False, italic=False) -> str:
        name = element.name
        if name in SKIPPED_TAGS:
            return ""
        if name == "img":
            return self.image(element)
        if name == "a":
            return self.link(element, bold, italic)
        if name in ("strong", "b") and not bold:
            return emphasis(self.inline_children(element, True, italic), "**")
        if name in ("em", "i") and not italic:
            return emphasis(self.inline_children(element, bold, True), "*")
        return self.inline_children(element, bold, italic)

    def image(self, element: Tag) -> str:
        source = element.get("src", "")
        alt = one_line(element.get("alt") or element.get("title") or "")
        if not self.assets.is_local(source, self.host):
            self.problems.error(
                f"ảnh {short(source)} ở trang web khác, không tải về (không dùng "
                "mạng); ảnh đã bị bỏ khỏi bài, hãy tự lưu ảnh vào content/images."
            )
            return ""
        planned = self.assets.plan(source, "images", self.year, self.host)
        if planned is None:
            self.problems.error(
                f"không tìm thấy tệp ảnh {short(source)} (cần thư mục _files của "
                "trang đã lưu hoặc bản sao thư mục Portals), ảnh đã bị bỏ khỏi bài."
            )
            return ""
        if not alt:
            self.problems.warn(
                f"ảnh {short(source)} không có mô tả (alt), hãy bổ sung."
            )
        return f"![{escape_markdown(alt)}]({{static}}/{safe_url(planned)})"

    def link(self, element: Tag, bold: bool, italic: bool) -> str:
        label = self.inline_children(element, bold, italic).strip()
        href = (element.get("href") or "").strip()
        target = self.link_target(href)
        if not label or not target:
            return label
        if target.startswith("\x00"):
            return f"[{label}]({target})"
        return f"[{label}]({safe_url(target)})"

    def link_target(self, href: str) -> str:
        parts = urlsplit(href)
        if not href or href.startswith("#") or parts.scheme == "javascript":
            return ""
        if parts.scheme == "mailto":
            return href
        own_site = not parts.netloc or parts.netloc.lower() == self.host
        if not own_site:
            return href
        suffix = Path(unquote(parts.path)).suffix.lower()
        if suffix in IMAGE_SUFFIXES:
            # A thumbnail linking to the full picture: link to the copied picture.
            planned = self.assets.plan(href, "images", self.year, self.host)
            return f"{{static}}/{planned}" if planned else ""
        if suffix in ATTACHMENT_SUFFIXES:
            return self.attachment(href)
        # Another page of the old portal: resolved when every page's file is known.
        legacy = to_legacy_path(href).replace("\x00", "")
        return f"\x00{legacy}\x00" if legacy else ""

    def attachment(self, href: str) -> str:
        planned = self.assets.plan(href, "files", self.year, self.host)
        if planned is None:
            self.problems.error(
                f"không tìm thấy tệp đính kèm {short(href)} (cần bản sao thư mục "
                "Portals của trang cũ), liên kết đã bị bỏ."
            )
            return ""
        if planned not in self.attachments:
            self.attachments.append(planned)
        return f"{{static}}/{planned}"


def short(url: str, limit: int = 80) -> str:
    """A URL for a message: data: URLs can be megabytes long."""
    return url if len(url) <= limit else url[: limit - 1] + "…"


def has_blocks(element: Tag) -> bool:
    return (
        element.find(["br", "hr", "table", "ul", "ol", *BLOCK_TAGS, *HEADINGS])
        is not None
    )


def emphasis(markdown: str, marker: str) -> str:
    """`**text**` with the surrounding spaces kept outside the markers."""
    stripped = markdown.strip()
    if not stripped:
        return markdown
    lead = " " if markdown[:1].isspace() else ""
    trail = " " if markdown[-1:].isspace() else ""
    return f"{lead}{marker}{stripped}{marker}{trail}"


# --- images and attachments -----------------------------------------------------


class AssetStore:
    """Finds a page's images and attachments on disk and copies them into
    content/images/<year>/ and content/files/<year>/ once the page is imported."""

    def __init__(self, root: Path, page: Path, search_root: Path):
        self.root = root
        self.page = page
        self.search_root = search_root.resolve()
        self.pending: dict[Path, Path] = {}  # destination → source

    def plan(self, url: str, kind: str, year: int, host: str) -> str | None:
        """The destination (relative to the assets root), or None if not found."""
        source = self.find(url, host)
        if source is None:
            return None
        folder = self.root / kind / str(year)
        destination = self.destination(folder, source)
        self.pending[destination] = source
        return destination.relative_to(self.root).as_posix()

    @staticmethod
    def is_local(url: str, host: str) -> bool:
        """True for a file of the old site itself (we never use the network)."""
        parts = urlsplit(url.strip())
        if parts.netloc:
            return parts.netloc.lower() == host
        return parts.scheme in ("", "http", "https")

    def find(self, url: str, host: str) -> Path | None:
        if not self.is_local(url, host):
            return None
        relative = unquote(urlsplit(url.strip()).path)
        if not relative:
            return None
        for candidate in self.candidates(relative):
            if candidate.is_file():
                return candidate
        return None

    def candidates(self, path: str) -> list[Path]:
        name = Path(path).name
        folder = self.page.parent
        found = [folder / f"{self.page.stem}_files" / name]
        if not path.startswith("/"):
            found.insert(0, folder / path)
        # A mirror of the old site: Portals/0/... in the folder given or above the page.
        for ancestor in [folder.resolve(), *folder.resolve().parents]:
            found.append(ancestor / path.lstrip("/"))
            if ancestor == self.search_root:
                break
        return found

    def destination(self, folder: Path, source: Path) -> Path:
        stem = slugify(source.stem) or "tep"
        candidate = folder / f"{stem}{source.suffix.lower()}"
        number = 2
        while not self.usable(candidate, source):
            candidate = folder / f"{stem}-{number}{source.suffix.lower()}"
            number += 1
        return candidate

    def usable(self, candidate: Path, source: Path) -> bool:
        planned = self.pending.get(candidate)
        if planned is not None:
            return planned == source
        return not candidate.exists() or filecmp.cmp(candidate, source, shallow=False)

    def copy_all(self) -> None:
        for destination, source in self.pending.items():
            if not destination.exists():
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, destination)


# --- writing --------------------------------------------------------------------


# [label](\x00old address\x00), left by MarkdownConverter.link().
OLD_PAGE_LINK = re.compile(
    r"\[(?P<label>(?:\\.|[^\]\\])*)\]\(\x00(?P<url>[^\x00]*)\x00\)"
)


def resolve_old_links(markdown: str, link_to, problems: Problems) -> str:
    """Links to other old pages: to the imported article, or plain text."""

    def replace(match: re.Match) -> str:
        target = link_to(match["url"])
        if target:
            return f"[{match['label']}]({target})"
        problems.warn(
            f"liên kết tới trang cũ {match['url']} chưa có bài tương ứng trong "
            "content, đã giữ chữ và bỏ liên kết; hãy nhập bài đó rồi thêm lại "
            "liên kết {filename}/articles/..."
        )
        return match["label"]

    return OLD_PAGE_LINK.sub(replace, markdown)


def render_markdown(article: LegacyArticle, link_to, problems: Problems) -> str:
    """The article file; `link_to(old address)` gives a link or None."""
    lines = [
        f"Title: {one_line(article.title)}",
        f"Date: {article.date:%d/%m/%Y %H:%M}",
        f"Category: {article.category}",
    ]
    if article.author:
        lines.append(f"Author: {article.author}")
    if article.summary:
        lines.append(f"Summary: {escape_line_start(escape_markdown(article.summary))}")
    if article.attachments:
        lines.append(f"Attachments: {', '.join(article.attachments)}")
    if article.legacy_url:
        lines.append(f"LegacyURL: {article.legacy_url}")
    body = resolve_old_links(join_blocks(article.blocks), link_to, problems)
    return nfc("\n".join(lines) + "\n\n" + body + "\n")


def join_blocks(blocks: list[Block]) -> str:
    """Blocks separated by a blank line; items of one list stay together."""
    text = ""
    previous = None
    for block in blocks:
        if previous is not None:
            same_list = block.kind != "p" and block.kind == previous.kind
            text += "\n" if same_list else "\n\n"
        text += block.markdown
        previous = block
    return text
