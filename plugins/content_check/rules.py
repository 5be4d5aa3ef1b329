"""Checks of one content file: header fields, body, Unicode."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator

from newsroom import parse_flag
from vietnamese import fold, parse_date

from .header import SourceFile
from .problems import Problem, error, warning

ARTICLE_FIELDS = {
    "title", "date", "modified", "category", "tags", "author", "summary", "image",
    "imagealt", "hot", "hotuntil", "featured", "status", "legacyurl",
    "attachments", "slug", "related", "lang",
}  # fmt: skip
PAGE_FIELDS = {
    "title", "slug", "order", "summary", "lang", "status", "modified", "legacyurl",
    "translation",
}  # fmt: skip
STATUSES = {"published", "draft", "hidden"}
LANGUAGES = {"vi", "en"}
ETH = "\u00d0"  # Ð, the Icelandic letter that looks like Đ (U+0110)


def check_article(source: SourceFile, settings) -> Iterator[Problem]:
    yield from check_known_fields(source, ARTICLE_FIELDS)
    yield from check_required(source, ("title", "date", "category"))
    yield from check_date_fields(source, ("date", "modified", "hotuntil"))
    yield from check_category(source, settings.get("CATEGORIES") or [])
    yield from check_flags(source, ("hot", "featured"))
    yield from check_image(source)
    yield from check_hot_until(source)
    yield from check_status(source)
    yield from check_body(source)
    yield from check_text(source)


def check_page(source: SourceFile, _settings) -> Iterator[Problem]:
    yield from check_known_fields(source, PAGE_FIELDS)
    yield from check_required(source, ("title",))
    yield from check_date_fields(source, ("modified",))
    yield from check_status(source)
    yield from check_language(source)
    yield from check_body(source)
    yield from check_text(source)


def check_known_fields(source: SourceFile, known: set[str]) -> Iterator[Problem]:
    for key, found in source.fields.items():
        if key in ("save_as", "url"):
            yield warning(
                source.display,
                found.line,
                f'trường "{found.name}" đặt đường dẫn bằng tay',
                "hãy bỏ dòng này: đường dẫn được tạo từ tên tệp",
            )
        elif key not in known:
            guess = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f'có phải là "{guess[0].capitalize()}"?' if guess else "hãy xoá"
            yield warning(
                source.display,
                found.line,
                f'trường "{found.name}" không được hỗ trợ, có thể viết sai',
                hint,
            )
    for found in source.repeated:
        yield warning(
            source.display,
            found.line,
            f'trường "{found.name}" được khai báo hai lần',
            "giữ một dòng; dòng đầu tiên được dùng",
        )


def check_required(source: SourceFile, keys) -> Iterator[Problem]:
    for key in keys:
        if not source.get(key):
            yield error(
                source.display,
                source.line_of(key),
                f'thiếu trường bắt buộc "{key.capitalize()}"',
                f'thêm dòng "{key.capitalize()}: ..." vào đầu tệp, trước dòng trống',
            )


def check_date_fields(source: SourceFile, keys) -> Iterator[Problem]:
    for key in keys:
        value = source.get(key)
        if not value:
            continue
        try:
            parse_date(value)
        except ValueError as problem:
            yield error(
                source.display,
                source.line_of(key),
                f"{key.capitalize()}: {problem}",
                "viết một ngày có thật, ngày trước tháng: 05/02/2020 là ngày 5 tháng 2",
            )


def check_category(source: SourceFile, categories: list[str]) -> Iterator[Problem]:
    value = source.get("category")
    if not value or not categories or value in categories:
        return
    folded = {fold(name): name for name in categories}
    guess = folded.get(fold(value)) or next(
        iter(difflib.get_close_matches(value, categories, n=1)), None
    )
    hint = f'có phải là "{guess}"?' if guess else "chọn một chuyên mục trong danh sách"
    yield error(
        source.display,
        source.line_of("category"),
        f'chuyên mục "{value}" không có trong danh sách: {", ".join(categories)}',
        hint,
    )


def check_flags(source: SourceFile, keys) -> Iterator[Problem]:
    for key in keys:
        value = source.get(key)
        if value is None:
            continue
        try:
            parse_flag(value)
        except ValueError as problem:
            yield error(source.display, source.line_of(key), str(problem))


def check_image(source: SourceFile) -> Iterator[Problem]:
    if source.get("image") and not source.get("imagealt"):
        yield error(
            source.display,
            source.line_of("image"),
            "ảnh đại diện chưa có lời mô tả (ImageAlt)",
            'thêm dòng "ImageAlt: mô tả nội dung ảnh" cho người không xem được ảnh',
        )


def check_hot_until(source: SourceFile) -> Iterator[Problem]:
    if source.get("hotuntil") and not source.get("hot"):
        yield warning(
            source.display,
            source.line_of("hotuntil"),
            "có HotUntil nhưng bài không phải tin nóng",
            'thêm dòng "Hot: yes" hoặc bỏ dòng HotUntil',
        )


def check_status(source: SourceFile) -> Iterator[Problem]:
    value = source.get("status")
    if value and value.lower() not in STATUSES:
        yield error(
            source.display,
            source.line_of("status"),
            f'trạng thái "{value}" không hợp lệ',
            "dùng published (xuất bản) hoặc draft (bản nháp)",
        )


def check_language(source: SourceFile) -> Iterator[Problem]:
    value = source.get("lang")
    if value and value not in LANGUAGES:
        yield error(
            source.display,
            source.line_of("lang"),
            f'ngôn ngữ "{value}" không hỗ trợ',
            "dùng vi hoặc en",
        )


def check_body(source: SourceFile) -> Iterator[Problem]:
    if not any(text.strip() for _, text in source.body()):
        yield error(
            source.display,
            source.body_start,
            "bài chưa có nội dung",
            "viết nội dung sau phần đầu tệp, cách một dòng trống",
        )


def check_text(source: SourceFile) -> Iterator[Problem]:
    """Warn once about decomposed Unicode, and on each line with the Ð look-alike."""
    decomposed = [
        number
        for number, line in enumerate(source.raw_lines, start=1)
        if not unicodedata.is_normalized("NFC", line)
    ]
    if decomposed:
        yield warning(
            source.display,
            decomposed[0],
            f"{len(decomposed)} dòng có chữ ở dạng tổ hợp (không phải Unicode NFC)",
            "trang vẫn hiển thị đúng; nên gõ bằng bảng mã Unicode dựng sẵn",
        )
    for number, line in enumerate(source.lines, start=1):
        if ETH in line:
            yield warning(
                source.display,
                number,
                "có chữ Ð (U+00D0) giống chữ Đ",
                "thay bằng chữ Đ của tiếng Việt (U+0110)",
            )
