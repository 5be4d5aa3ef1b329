"""`sokhcn new`: create a new article file with a correct header.

Meant for editors who are not programmers: every missing required field is asked
for when a person is at the keyboard, every message is in Vietnamese, and an
existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from content_check import PLACEHOLDER_BODY
from vietnamese import fold, nfc, parse_date, slugify

HELP = "Tạo bài viết mới (tệp Markdown có sẵn phần đầu đúng mẫu)."

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
# Exit codes: 1 = the file already exists, 2 = missing or invalid input.
EXIT_EXISTS = 1
EXIT_USAGE = 2
EXAMPLE = (
    '  sokhcn new --title "Họp giao ban tháng 10" --category "Tin hoạt động" '
    '--author "Trương Thế Bình - Văn phòng"'
)


class InputError(Exception):
    """A problem with what the editor typed; the message is in Vietnamese."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", metavar="TIÊU_ĐỀ", help="tiêu đề bài viết")
    parser.add_argument("--category", metavar="CHUYÊN_MỤC", help=category_help())
    parser.add_argument(
        "--tags", metavar="THẺ", help="các thẻ, cách nhau bằng dấu phẩy"
    )
    parser.add_argument(
        "--author", metavar="TÁC_GIẢ", help='tác giả, dạng "Tên - Đơn vị"'
    )
    parser.add_argument(
        "--summary", metavar="LỜI_DẪN", help="lời dẫn (sapo), không bắt buộc"
    )
    parser.add_argument("--hot", action="store_true", help="đánh dấu Tin nóng")
    parser.add_argument(
        "--featured", action="store_true", help="đánh dấu Tin tiêu điểm"
    )
    parser.add_argument(
        "--date", metavar="NGÀY", help="ngày đăng dd/mm/yyyy HH:MM (mặc định: bây giờ)"
    )
    parser.add_argument(
        "--content-dir",
        default="content",
        metavar="THƯ_MỤC",
        help="thư mục nội dung (mặc định: content)",
    )
    parser.add_argument(
        "--settings",
        default="pelicanconf.py",
        metavar="TỆP",
        help="tệp cấu hình Pelican (mặc định: pelicanconf.py)",
    )


def category_help(settings_path: str = "pelicanconf.py") -> str:
    """The --category help with the categories of the settings file: read as
    text, not run, since every `sokhcn` call builds every subcommand's help."""
    try:
        tree = ast.parse(Path(settings_path).read_text(encoding="utf-8"))
        categories = next(
            ast.literal_eval(node.value)
            for node in tree.body
            if isinstance(node, ast.Assign)
            and any(getattr(t, "id", None) == "CATEGORIES" for t in node.targets)
        )
    except (OSError, SyntaxError, ValueError, StopIteration):
        return f"chuyên mục, một trong CATEGORIES của {settings_path}"
    return "chuyên mục, một trong: " + "; ".join(categories)


def run(args: argparse.Namespace) -> int:
    try:
        settings = load_settings(args.settings)
        categories = list(settings.get("CATEGORIES") or [])
        fill_in_interactively(args, categories)
        article = build_article(args, categories, settings)
    except InputError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return EXIT_USAGE
    target = article_path(Path(args.content_dir), article)
    try:
        write_new_file(target, render_article(article))
    except FileExistsError:
        print(exists_message(target), file=sys.stderr)
        return EXIT_EXISTS
    print(f"Đã tạo bản nháp: {target}")
    print(
        "Hãy mở tệp này để viết nội dung bài. Khi viết xong, xoá dòng "
        '"Status: draft" để bài được đăng.'
    )
    return 0


# --- settings and categories ----------------------------------------------------


def load_settings(path: str) -> dict:
    """Read the Pelican settings file (for CATEGORIES and TIMEZONE)."""
    from pelican.settings import read_settings

    if not Path(path).is_file():
        raise InputError(
            f"không tìm thấy tệp cấu hình {path}. Hãy chạy lệnh trong thư mục "
            "của dự án hoặc chỉ rõ tệp bằng --settings."
        )
    return read_settings(path)


def match_category(name: str, categories: list[str]) -> str | None:
    """The configured spelling of `name`, ignoring case, diacritics and punctuation
    ("tieu chuan do luong chat luong" is "Tiêu chuẩn - Đo lường - Chất lượng")."""
    wanted = slugify(name)
    if not wanted:
        return None
    for category in categories:
        if slugify(category) == wanted:
            return category
    return None


def numbered(categories: list[str]) -> str:
    return "\n".join(f"  {number}. {name}" for number, name in enumerate(categories, 1))


def unknown_category_message(name: str, categories: list[str]) -> str:
    return (
        f'chuyên mục "{name}" không có trong danh sách. '
        f"Các chuyên mục hợp lệ:\n{numbered(categories)}"
    )


# --- interactive questions ------------------------------------------------------


def fill_in_interactively(args: argparse.Namespace, categories: list[str]) -> None:
    """Ask for the missing required fields, or fail when nobody can answer."""
    missing = [name for name in ("title", "category") if not getattr(args, name)]
    if not missing:
        return
    if not sys.stdin.isatty():
        labels = {"title": "--title (tiêu đề)", "category": "--category (chuyên mục)"}
        needed = ", ".join(labels[name] for name in missing)
        raise InputError(f"thiếu {needed}. Hãy ghi đủ khi chạy lệnh, ví dụ:\n{EXAMPLE}")
    try:
        if not args.title:
            args.title = ask_text("Tiêu đề bài viết: ", required=True)
        if not args.category:
            args.category = ask_category(categories)
        # Optional fields are offered once, in the same session.
        if args.tags is None:
            args.tags = ask_text("Thẻ, cách nhau bằng dấu phẩy (Enter để bỏ qua): ")
        if args.author is None:
            args.author = ask_text('Tác giả, dạng "Tên - Đơn vị" (Enter để bỏ qua): ')
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        raise InputError("đã dừng, chưa tạo bài viết nào.") from None


def ask_text(prompt: str, required: bool = False) -> str:
    while True:
        answer = input(prompt).strip()
        if answer or not required:
            return answer
        print("Mục này không được để trống.")


def ask_category(categories: list[str]) -> str:
    print("Chọn chuyên mục:")
    print(numbered(categories))
    while True:
        answer = input(f"Số thứ tự chuyên mục (1-{len(categories)}): ").strip()
        if answer.isdigit() and 1 <= int(answer) <= len(categories):
            return categories[int(answer) - 1]
        # A typed name is accepted too.
        if answer and match_category(answer, categories):
            return match_category(answer, categories)
        print("Không có chuyên mục này, hãy gõ một số trong danh sách.")


# --- the article ----------------------------------------------------------------


def one_line(text: str | None) -> str:
    """NFC text on a single line: a header value cannot span lines."""
    return re.sub(r"\s+", " ", nfc(text or "")).strip()


def split_tags(text: str | None) -> list[str]:
    tags: list[str] = []
    for raw in one_line(text).split(","):
        tag = raw.strip()
        if tag and fold(tag) not in {fold(seen) for seen in tags}:
            tags.append(tag)
    return tags


def article_date(text: str | None, settings: dict) -> datetime:
    if text:
        try:
            return parse_date(text)
        except ValueError as error:
            raise InputError(str(error)) from None
    zone = ZoneInfo(settings.get("TIMEZONE") or DEFAULT_TIMEZONE)
    return datetime.now(zone).replace(second=0, microsecond=0, tzinfo=None)


def build_article(
    args: argparse.Namespace, categories: list[str], settings: dict
) -> dict:
    title = one_line(args.title)
    if not title or not slugify(title):
        raise InputError("tiêu đề phải có chữ hoặc số.")
    category = match_category(one_line(args.category), categories)
    if category is None:
        raise InputError(unknown_category_message(one_line(args.category), categories))
    return {
        "title": title,
        "date": article_date(args.date, settings),
        "category": category,
        "tags": split_tags(args.tags),
        "author": one_line(args.author),
        "summary": one_line(getattr(args, "summary", None)),
        "hot": bool(args.hot),
        "featured": bool(args.featured),
        "slug": slugify(title),
    }


def render_article(article: dict) -> str:
    """The Markdown file: the header in the project's field order, then the body.

    A draft: the body is a placeholder until the editor writes it, and the
    content check flags the placeholder left as it is."""
    lines = [
        f"Title: {article['title']}",
        f"Date: {article['date']:%d/%m/%Y %H:%M}",
        f"Category: {article['category']}",
    ]
    if article["tags"]:
        lines.append(f"Tags: {', '.join(article['tags'])}")
    if article["author"]:
        lines.append(f"Author: {article['author']}")
    if article["summary"]:
        lines.append(f"Summary: {article['summary']}")
    if article["hot"]:
        lines.append("Hot: yes")
    if article["featured"]:
        lines.append("Featured: yes")
    lines.append("Status: draft")
    return "\n".join(lines) + f"\n\n{PLACEHOLDER_BODY}\n"


def article_path(content_dir: Path, article: dict) -> Path:
    year = str(article["date"].year)
    return content_dir / "articles" / year / f"{article['slug']}.md"


def write_new_file(path: Path, text: str) -> None:
    """Create `path`; FileExistsError if it exists ("x" mode: no race, no overwrite)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)


def free_name(path: Path) -> Path:
    """The first `<slug>-N.md` next to `path` that does not exist yet."""
    number = 2
    while (candidate := path.with_name(f"{path.stem}-{number}{path.suffix}")).exists():
        number += 1
    return candidate


def exists_message(path: Path) -> str:
    return (
        f"Lỗi: đã có bài viết {path}, không ghi đè lên bài này. "
        "Hãy đặt tiêu đề khác (tiêu đề chỉ khác dấu cho cùng tên tệp), "
        f"hoặc tự tạo tệp với tên khác, ví dụ {free_name(path).name}."
    )
