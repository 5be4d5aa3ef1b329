"""The Decap CMS configuration, made from the site's settings on each request.

Categories, folders, the documents' lists, the work calendar and the linked
websites file are read from pelicanconf.py, so a category added there is in the
desk's list at once and nothing is written twice. Field names are the header
keys in lower case, as desk/static/formats.js reads and writes them; a
document's fields have official_documents' names and labels, so its problems
(which name their field) point at them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from official_documents import FIELD_LABELS, FILE_FORMATS

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
    collections = [articles(settings, folders, now)]
    if settings.get("DOCUMENTS_PATH"):
        collections.append(documents(settings, folders, now))
    collections.append(pages(settings, folders))
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


def documents(settings, folders: Folders, now: datetime) -> dict:
    """Văn bản: the form checks the build's rules that span fields (formats.js,
    documentProblems) through each field's `document_check`."""
    label = FIELD_LABELS
    kinds = list(settings.get("DOCUMENT_KINDS") or [])
    upload = folders.uploads["files"]
    formats = [suffix.lstrip(".") for suffix in FILE_FORMATS]
    names = ", ".join(FILE_FORMATS.values())

    def day(name: str, hint: str, required: bool = False, **extra) -> dict:
        return {
            "name": name,
            "label": label[name],
            "widget": "ngay-gio",
            "time": False,
            "required": required,
            "document_check": name,
            "hint": hint,
            **extra,
        }

    # Required except in a draft for comment: the label says required, and
    # the document's checks (not Decap's) ask for the value.
    unless_draft = {"required": True, "unless_draft": True}

    def line(name: str, field_label: str, hint: str = "", **extra) -> dict:
        """A line of text; `name` is its path in the data ("signer.name")."""
        return {
            "name": name.rpartition(".")[2],
            "label": field_label,
            "widget": "chu",
            "required": False,
            "document_check": name,
            **({"hint": hint} if hint else {}),
            **extra,
        }

    def related(name: str, hint: str) -> dict:
        return {
            "name": name,
            "label": label[name],
            "widget": "van-ban-lien-quan",
            "required": False,
            "hint": hint,
        }

    return {
        "name": "van-ban",
        "label": "Văn bản",
        "label_singular": "văn bản",
        "description": "Văn bản đăng trên cổng (quyết định, kế hoạch, thông báo…) và "
        "dự thảo lấy ý kiến. Bấm vào một văn bản để sửa, hoặc thêm văn bản mới.",
        "folder": folders.of(settings["DOCUMENTS_PATH"]),
        "extension": "md",
        "format": "sokhcn-van-ban",
        "create": True,
        "delete": True,
        "path": "{{_nam}}/{{slug}}",
        "slug": "{{fields._ten}}",
        "identifier_field": "number",
        "summary": "{{issued | date('DD/MM/YYYY')}} · {{kind}} số {{number}}: "
        "{{summary}}",
        "sortable_fields": [
            {"field": "issued", "label": label["issued"], "default_sort": "desc"},
            {"field": "number", "label": label["number"]},
        ],
        "view_filters": [
            {"label": name, "field": "kind", "pattern": f"^{escape(name)}$"}
            for name in kinds
        ],
        "editor": {"preview": False},
        "fields": [
            {
                "name": "number",
                "label": label["number"],
                "widget": "string",
                "hint": "Số và ký hiệu như trên văn bản, ví dụ 215/QĐ-UBND",
            },
            {
                "name": "kind",
                "label": label["kind"],
                "widget": "danh-sach",
                "options": kinds,
            },
            {
                "name": "issuer",
                "label": label["issuer"],
                "widget": "danh-sach",
                "options": list(settings.get("DOCUMENT_ISSUERS") or []),
            },
            {
                "name": "signer",
                "label": label["signer"],
                "widget": "object",
                "collapsed": False,
                "hint": "Dự thảo lấy ý kiến có thể bỏ trống",
                "fields": [
                    line("signer.name", "Họ tên", **unless_draft),
                    line(
                        "signer.title",
                        "Chức vụ",
                        "Ví dụ: Giám đốc, Phó Chủ tịch",
                        **unless_draft,
                    ),
                ],
            },
            day("issued", "Ngày trước tháng: 22/01/2024", required=True),
            day(
                "effective",
                "Từ ngày ban hành trở đi. Dự thảo lấy ý kiến có thể bỏ trống",
                **unless_draft,
            ),
            day(
                "expires",
                "Ngày đầu tiên văn bản không còn hiệu lực; bỏ trống nếu không có "
                "hạn. Văn bản bị thay thế tự hết hiệu lực",
            ),
            {
                "name": "sectors",
                "label": label["sectors"],
                "widget": "nhieu-lua-chon",
                "options": list(settings.get("DOCUMENT_SECTORS") or []),
                "hint": "Chọn một hoặc nhiều lĩnh vực",
            },
            {"name": "summary", "label": label["summary"], "widget": "text"},
            {
                "name": "files",
                "label": label["files"],
                "label_singular": "tệp",
                "widget": "list",
                "collapsed": False,
                "summary": "{{fields.file}}",
                "hint": f"Một hoặc nhiều tệp {names}, đến {upload['max_mb']} MB mỗi "
                "tệp",
                "field": {
                    "name": "file",
                    "label": label["files"],
                    "widget": "file",
                    "choose_url": False,
                    "pattern": [
                        # Decap checks the file's name, not its folder.
                        f"\\.({'|'.join(any_case(f) for f in formats)})$",
                        f"chỉ nhận tệp {names}",
                    ],
                    **folders.upload_field("files"),
                },
            },
            related(
                "replaces",
                "Văn bản (đã có trên cổng) mà văn bản này thay thế: gõ số ký hiệu "
                "rồi chọn trong danh sách gợi ý",
            ),
            related("amends", "Văn bản (đã có trên cổng) mà văn bản này sửa đổi"),
            {
                "name": "draft",
                "label": "Dự thảo lấy ý kiến",
                "widget": "boolean",
                "required": False,
                "hint": "Bật khi đăng dự thảo để lấy ý kiến góp ý; điền thêm ba ô "
                "dưới đây",
            },
            day("comment_from", "Bỏ trống thì lấy ngày ban hành"),
            day("comment_until", "Bắt buộc với dự thảo: ngày cuối nhận góp ý"),
            line(
                "comment_email",
                label["comment_email"],
                # In `…`: Decap's hints would make the address a mailto link.
                "Địa chỉ thư nhận góp ý; bỏ trống thì dùng "
                f"`{settings.get('DOCUMENTS_COMMENT_EMAIL') or 'địa chỉ của Sở'}`",
            ),
            {**body_field(folders), "required": False, "hint": "Không bắt buộc"},
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


def any_case(extension: str) -> str:
    """ "pdf" → "[pP][dD][fF]": Decap's patterns take no flags."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in extension)


def escape(text: str) -> str:
    return "".join(f"\\{c}" if c in r".^$*+?()[]{}|\-/" else c for c in text)
