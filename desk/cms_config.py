"""The Decap CMS configuration, made from the site's settings on each request.

Categories, folders, the work calendar and the linked websites file are read
from pelicanconf.py, so a category added there is in the desk's list at once
and nothing is written twice. Field names are the header keys in lower case,
as desk/static/formats.js reads and writes them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from .rules import upload_rules

API = "/quan-tri/api/v1"
SLUG = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
# Commits read as the project's own history (English); the git author is the editor.
COMMIT_MESSAGES = {
    "create": "desk: create {{path}}",
    "update": "desk: update {{path}}",
    "delete": "desk: delete {{path}}",
    "uploadMedia": "desk: upload {{path}}",
    "deleteMedia": "desk: delete {{path}}",
}
BODY_BUTTONS = [
    "bold",
    "italic",
    "link",
    "heading-two",
    "heading-three",
    "quote",
    "bulleted-list",
    "numbered-list",
]


def cms_config(settings, *, content_prefix: str, branch: str, origin: str) -> dict:
    """The whole configuration; `content_prefix` is the content folder from the
    git repository's root ("content"), `branch` the branch the desk commits to,
    `origin` the address editors open ("http://127.0.0.1:8000").

    Decap's own preview links are off: its link appears only on entries opened
    after they were saved, never right after a new entry's first save; the
    desk's bar has "Xem trước" for every saved entry instead (desk.js)."""
    now = datetime.now(ZoneInfo(settings.get("TIMEZONE") or "Asia/Ho_Chi_Minh"))
    year = str(now.year)
    folders = Folders(settings, content_prefix)
    collections = [articles(settings, folders, now), pages(settings, folders)]
    if settings.get("SCHEDULE_PATH"):
        collections.append(schedule(folders, now))
    if settings.get("LINKED_WEBSITES_FILE"):
        collections.append(linked_websites(settings, folders))
    return {
        "backend": {
            "name": "proxy",
            "proxy_url": API,
            "branch": branch,
            "commit_messages": COMMIT_MESSAGES,
        },
        "locale": "vi",
        "load_config_file": False,
        "site_url": origin,
        "display_url": origin,
        "logo_url": "/theme/img/emblem.svg",
        "show_preview_links": False,
        "media_folder": folders.images(year),
        "public_folder": folders.public("images", year),
        "slug": SLUG,
        "collections": collections,
    }


class Folders:
    """Paths from the repository root, as decap-server wants them."""

    def __init__(self, settings, content_prefix: str):
        self.settings = settings
        self.content = PurePosixPath(content_prefix)
        self.uploads = upload_rules(settings, content_prefix)

    def of(self, relative: str) -> str:
        return str(self.content / relative.strip("/"))

    def images(self, year: str) -> str:
        return str(self.content / "images" / year)

    def public(self, kind: str, year: str) -> str:
        return f"{kind}/{year}"

    def upload_field(self, kind: str, public_prefix: str = "") -> dict:
        """media_folder and public_folder of an upload field: the year folder of
        the entry (its `_nam`), as the content keeps them."""
        rule = self.uploads[kind]
        return {
            "media_folder": f"/{self.content}/{kind}/{{{{fields._nam}}}}",
            "public_folder": f"{public_prefix}{kind}/{{{{fields._nam}}}}",
            "media_library": {"config": {"max_file_size": rule["max_bytes"]}},
        }


def hidden(name: str, default: str = "") -> dict:
    return {
        "name": name,
        "label": name,
        "widget": "hidden",
        "default": default,
        "required": False,
    }


def articles(settings, folders: Folders, now: datetime) -> dict:
    categories = list(settings.get("CATEGORIES") or [])
    return {
        "name": "tin-tuc",
        "label": "Tin bài",
        "label_singular": "tin bài",
        "description": "Tin, bài của cổng. Bấm vào một bài để sửa, hoặc viết bài mới.",
        "folder": folders.of(settings["ARTICLE_PATHS"][0]),
        "extension": "md",
        "format": "sokhcn-bai-viet",
        "create": True,
        "delete": True,
        "path": "{{_nam}}/{{slug}}",
        "slug": "{{fields._ten}}",
        "identifier_field": "title",
        "summary": "{{date | date('DD/MM/YYYY')}} · {{title}}",
        "sortable_fields": [
            {"field": "date", "label": "Ngày đăng", "default_sort": "desc"},
            {"field": "title", "label": "Tiêu đề"},
        ],
        "view_filters": [
            {"label": name, "field": "category", "pattern": f"^{escape(name)}$"}
            for name in categories
        ],
        "editor": {"preview": False},
        "fields": [
            {"name": "title", "label": "Tiêu đề", "widget": "string"},
            {
                "name": "date",
                "label": "Ngày đăng",
                "widget": "ngay-gio",
                "hint": "Ngày trước tháng, có giờ: 16/11/2017 10:00",
                "default": f"{now:%Y-%m-%dT%H:%M}",
            },
            {
                "name": "category",
                "label": "Chuyên mục",
                "widget": "danh-sach",
                "options": categories,
            },
            {
                "name": "tags",
                "label": "Thẻ",
                "widget": "list",
                "required": False,
                "hint": "Cách nhau bằng dấu phẩy, ví dụ: họp giao ban, kế hoạch",
            },
            {
                "name": "author",
                "label": "Tác giả",
                "widget": "object",
                "required": False,
                "collapsed": False,
                "fields": [
                    {
                        "name": "name",
                        "label": "Họ tên",
                        "widget": "string",
                        "required": False,
                    },
                    {
                        "name": "unit",
                        "label": "Đơn vị",
                        "widget": "string",
                        "required": False,
                    },
                ],
            },
            {
                "name": "image",
                "label": "Ảnh đại diện",
                "widget": "image",
                "required": False,
                "choose_url": False,
                "hint": picture_hint(folders),
                **folders.upload_field("images"),
            },
            {
                "name": "imagealt",
                "label": "Mô tả ảnh",
                "widget": "mo-ta-anh",
                "required": False,
                "hint": "Bắt buộc khi có ảnh: ảnh cho thấy gì, cho người không xem ảnh",
            },
            {
                "name": "attachments",
                "label": "Tệp đính kèm",
                "label_singular": "tệp",
                "widget": "list",
                "required": False,
                "hint": attachment_hint(folders),
                "field": {
                    "name": "file",
                    "label": "Tệp",
                    "widget": "file",
                    "choose_url": False,
                    **folders.upload_field("files"),
                },
            },
            {
                "name": "hot",
                "label": "Tin nóng",
                "widget": "boolean",
                "required": False,
            },
            {
                "name": "hotuntil",
                "label": "Tin nóng đến ngày",
                "widget": "ngay-gio",
                "time": False,
                "required": False,
                "hint": "Bỏ trống nếu tin nóng không có hạn",
            },
            {
                "name": "featured",
                "label": "Tin tiêu điểm",
                "widget": "boolean",
                "required": False,
            },
            {
                "name": "summary",
                "label": "Tóm tắt",
                "widget": "text",
                "required": False,
            },
            body_field(folders),
            {
                "name": "draft",
                "label": "Bản nháp",
                "widget": "boolean",
                "required": False,
                "hint": "Bản nháp chỉ hiện khi xem trước, không được xuất bản",
            },
            hidden("_nam", str(now.year)),
            hidden("_ten"),
        ],
    }


def pages(settings, folders: Folders) -> dict:
    return {
        "name": "trang",
        "label": "Trang",
        "label_singular": "trang",
        "description": "Các trang giới thiệu, liên hệ… và các trang tiếng Anh.",
        "folder": folders.of(settings["PAGE_PATHS"][0]),
        "extension": "md",
        "format": "sokhcn-trang",
        "create": True,
        "delete": True,
        "slug": "{{fields._ten}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        "sortable_fields": [
            {"field": "title", "label": "Tiêu đề", "default_sort": "asc"}
        ],
        "view_filters": [
            {"label": "Tiếng Việt", "field": "lang", "pattern": "^(vi)?$"},
            {"label": "Tiếng Anh", "field": "lang", "pattern": "^en$"},
        ],
        "editor": {"preview": False},
        "fields": [
            {"name": "title", "label": "Tiêu đề", "widget": "string"},
            {
                "name": "lang",
                "label": "Ngôn ngữ",
                "widget": "danh-sach",
                "options": [
                    {"label": "Tiếng Việt", "value": "vi"},
                    {"label": "Tiếng Anh (trang ở /en/)", "value": "en"},
                ],
                "default": settings.get("DEFAULT_LANG") or "vi",
            },
            {
                "name": "translation",
                "label": "Trang cùng nội dung ở ngôn ngữ kia",
                "widget": "string",
                "required": False,
                "hint": "Tên tệp của trang kia, ví dụ gioi-thieu cho trang About us",
            },
            {
                "name": "order",
                "label": "Thứ tự trong danh mục",
                "widget": "string",
                "required": False,
                "pattern": ["^[0-9]*$", "chỉ viết số, ví dụ 3"],
            },
            {
                "name": "summary",
                "label": "Tóm tắt",
                "widget": "text",
                "required": False,
            },
            body_field(folders),
            {
                "name": "draft",
                "label": "Bản nháp",
                "widget": "boolean",
                "required": False,
            },
            hidden("_nam", str(datetime.now().year)),
            hidden("_ten"),
        ],
    }


def schedule(folders: Folders, now: datetime) -> dict:
    detail = {"widget": "string", "required": False}
    return {
        "name": "lich-cong-tac",
        "label": "Lịch công tác",
        "label_singular": "lịch tuần",
        "description": "Lịch công tác của Lãnh đạo Sở, mỗi tuần một lịch.",
        "folder": folders.of(folders.settings["SCHEDULE_PATH"]),
        "extension": "md",
        "format": "sokhcn-lich-tuan",
        "create": True,
        "delete": False,
        "path": "{{_nam}}/{{slug}}",
        "slug": "{{fields.week}}",
        "identifier_field": "week",
        "summary": "{{_tieu_de}}",
        "sortable_fields": [{"field": "week", "label": "Tuần", "default_sort": "desc"}],
        "editor": {"preview": False},
        "fields": [
            {"name": "week", "label": "Tuần", "widget": "tuan"},
            {
                "name": "note",
                "label": "Ghi chú của tuần",
                "widget": "string",
                "required": False,
            },
            {
                "name": "items",
                "label": "Mục lịch",
                "label_singular": "mục lịch",
                "widget": "list",
                "required": False,
                "summary": "{{fields.day | date('DD/MM')}} {{fields.session}} "
                "{{fields.time}} — {{fields.content}}",
                "fields": [
                    {"name": "day", "label": "Ngày", "widget": "ngay-trong-tuan"},
                    {
                        "name": "session",
                        "label": "Buổi",
                        "widget": "danh-sach",
                        "options": ["Sáng", "Chiều", "Tối", "Cả ngày"],
                        "required": False,
                    },
                    {
                        "name": "time",
                        "label": "Giờ",
                        "required": False,
                        "widget": "string",
                        "hint": "Ví dụ 8h30, 14h00 - 16h30; bỏ trống khi chỉ có buổi",
                    },
                    {
                        "name": "mark",
                        "label": "Đánh dấu",
                        "widget": "danh-sach",
                        "options": ["Bổ sung", "Thay đổi"],
                        "required": False,
                    },
                    {"name": "content", "label": "Nội dung", "widget": "text"},
                    {"name": "chair", "label": "Chủ trì", **detail},
                    {"name": "participants", "label": "Thành phần", **detail},
                    {"name": "location", "label": "Địa điểm", **detail},
                    {"name": "preparation", "label": "Chuẩn bị", **detail},
                    {"name": "note", "label": "Ghi chú", **detail},
                ],
            },
            hidden("_nam", str(now.year)),
        ],
    }


def linked_websites(settings, folders: Folders) -> dict:
    return {
        "name": "du-lieu",
        "label": "Website liên kết",
        "description": "Các website liên kết ở cột bên của cổng, theo nhóm.",
        "format": "sokhcn-website-lien-ket",
        "delete": False,
        "editor": {"preview": False},
        "files": [
            {
                "name": "website-lien-ket",
                "label": "Website liên kết",
                "file": folders.of(settings["LINKED_WEBSITES_FILE"]),
                "fields": [
                    {
                        "name": "groups",
                        "label": "Nhóm website",
                        "label_singular": "nhóm",
                        "widget": "list",
                        "summary": "{{fields.name}}",
                        "fields": [
                            {"name": "name", "label": "Tên nhóm", "widget": "string"},
                            {
                                "name": "links",
                                "label": "Website",
                                "label_singular": "website",
                                "widget": "list",
                                "summary": "{{fields.name}}",
                                "fields": [
                                    {
                                        "name": "name",
                                        "label": "Tên",
                                        "widget": "string",
                                    },
                                    {
                                        "name": "url",
                                        "label": "Địa chỉ",
                                        "widget": "string",
                                        "pattern": [
                                            "^https?://[^\\s/]+\\.[^\\s]+$",
                                            "địa chỉ phải bắt đầu bằng https:// hoặc http://",
                                        ],
                                    },
                                ],
                            },
                        ],
                    }
                ],
            }
        ],
    }


def body_field(folders: Folders) -> dict:
    return {
        "name": "body",
        "label": "Nội dung",
        "widget": "markdown",
        "buttons": BODY_BUTTONS,
        "editor_components": ["image"],
        "modes": ["rich_text", "raw"],
        **folders.upload_field("images", public_prefix="{static}/"),
    }


def picture_hint(folders: Folders) -> str:
    rule = folders.uploads["images"]
    return f"Ảnh {', '.join(rule['extensions'])}, đến {rule['max_mb']} MB"


def attachment_hint(folders: Folders) -> str:
    rule = folders.uploads["files"]
    return f"Tệp {', '.join(rule['extensions'])}, đến {rule['max_mb']} MB"


def escape(text: str) -> str:
    return "".join(f"\\{c}" if c in r".^$*+?()[]{}|\-/" else c for c in text)
