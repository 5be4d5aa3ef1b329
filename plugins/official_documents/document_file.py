"""Reading one document file (văn bản) from content/van-ban/<year>/.

The header is `Nhãn: giá trị` lines, as in articles, with Vietnamese labels
matched without regard to case or diacritics ("So ky hieu" is "Số ký hiệu").
It ends at the first blank line; the Markdown body after it is optional:

    Số ký hiệu: 215/QĐ-UBND
    Loại văn bản: Quyết định
    Cơ quan ban hành: Ủy ban nhân dân tỉnh Quảng Ninh
    Người ký: Nguyễn Văn A - Phó Chủ tịch
    Ngày ban hành: 22/01/2024
    Ngày hiệu lực: 22/01/2024
    Lĩnh vực: Khoa học và công nghệ, Sở hữu trí tuệ
    Trích yếu: Về việc công bố danh mục thủ tục hành chính ...
    Tệp: files/2024/quyet-dinh-215.pdf

Every problem is reported with its line and a fix; nothing is dropped quietly.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from newsroom import parse_flag, split_byline
from vietnamese import fold, parse_date

ERROR = "lỗi"
WARNING = "cảnh báo"
# A label is a few words before the first colon ("Trích yếu: Về việc: ...").
HEADER_LINE = re.compile(r"^(?P<label>[^:\d][^:]{0,40}?)\s*:\s*(?P<value>.*)$")
CONTINUATION = re.compile(r"^[ \t]{2,}(?P<value>\S.*)$")
EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
FILE_FORMATS = {".pdf": "PDF", ".docx": "DOCX", ".xlsx": "XLSX"}
# A reference may name the year of issue when a number repeats across years:
# "215/QĐ-UBND (2024)".
REFERENCE = re.compile(r"^(?P<number>.+?)\s*(?:\((?:năm\s*)?(?P<year>\d{4})\))?$")

# Folded label -> field name. The first label of each field is the one shown.
LABELS = {
    "so ky hieu": "number",
    "loai van ban": "kind",
    "loai": "kind",
    "co quan ban hanh": "issuer",
    "co quan": "issuer",
    "nguoi ky": "signer",
    "ngay ban hanh": "issued",
    "ngay hieu luc": "effective",
    "ngay co hieu luc": "effective",
    "ngay het hieu luc": "expires",
    "linh vuc": "sectors",
    "trich yeu": "summary",
    "tep": "files",
    "tep dinh kem": "files",
    "thay the": "replaces",
    "sua doi": "amends",
    "sua doi, bo sung": "amends",
    "du thao": "draft",
    "lay y kien tu": "comment_from",
    "lay y kien den": "comment_until",
    "gop y gui ve": "comment_email",
}
FIELD_LABELS = {
    "number": "Số ký hiệu",
    "kind": "Loại văn bản",
    "issuer": "Cơ quan ban hành",
    "signer": "Người ký",
    "issued": "Ngày ban hành",
    "effective": "Ngày hiệu lực",
    "expires": "Ngày hết hiệu lực",
    "sectors": "Lĩnh vực",
    "summary": "Trích yếu",
    "files": "Tệp",
    "replaces": "Thay thế",
    "amends": "Sửa đổi",
    "draft": "Dự thảo",
    "comment_from": "Lấy ý kiến từ",
    "comment_until": "Lấy ý kiến đến",
    "comment_email": "Góp ý gửi về",
}
DATE_FIELDS = ("issued", "effective", "expires", "comment_from", "comment_until")
REQUIRED = ("number", "kind", "issuer", "issued", "sectors", "summary", "files")
REQUIRED_UNLESS_DRAFT = ("signer", "effective")
DRAFT_ONLY = ("comment_from", "comment_until", "comment_email")
DATE_FIX = "ngày viết trước tháng, theo dạng dd/mm/yyyy, ví dụ 05/02/2024 là ngày 5/2"


@dataclass(frozen=True)
class Problem:
    """`path:line: severity: message (fix)`, as content_check prints problems."""

    path: str
    line: int
    message: str
    fix: str = ""
    severity: str = ERROR
    # The field it is about ("effective"): the desk points at it in its form.
    field: str = field(default="", compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        fix = f" ({self.fix})" if self.fix else ""
        return f"{self.path}:{self.line}: {self.severity}: {self.message}{fix}"


@dataclass(frozen=True)
class Attachment:
    """A file to download: `path` from the content folder, as Pelican copies it."""

    path: str
    size: int

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def format(self) -> str:
        return FILE_FORMATS[PurePosixPath(self.path).suffix.lower()]

    @property
    def size_text(self) -> str:
        """ "24,3 KB", "1,2 MB": the size in the Vietnamese number style."""
        for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
            if self.size >= scale:
                return f"{self.size / scale:.1f} {unit}".replace(".", ",")
        return f"{self.size} byte"


@dataclass(frozen=True)
class Reference:
    """Another document named by its số ký hiệu, and the year when it is given."""

    number: str
    year: int | None
    line: int
    field: str  # "replaces" or "amends"

    @property
    def text(self) -> str:
        return f"{self.number} ({self.year})" if self.year else self.number


@dataclass(eq=False)
class Document:
    """One document of the database. Links to others are set by the library."""

    source_path: str  # as shown to the editor
    file_stem: str
    number: str = ""
    kind: str = ""
    issuer: str = ""
    signer_name: str = ""
    signer_title: str = ""
    issued: date | None = None
    effective: date | None = None
    expires: date | None = None
    sectors: list[str] = field(default_factory=list)
    summary: str = ""
    files: list[Attachment] = field(default_factory=list)
    replaces_refs: list[Reference] = field(default_factory=list)
    amends_refs: list[Reference] = field(default_factory=list)
    draft: bool = False
    comment_from: date | None = None
    comment_until: date | None = None
    comment_email: str = ""
    named_files: list[str] = field(default_factory=list)  # found or not
    body: str = ""  # Markdown
    body_line: int = 0
    lines: dict[str, int] = field(default_factory=dict)
    # Set by the library once every file is read.
    url: str = ""
    save_as: str = ""
    content_html: str = ""
    replaces: list[Document] = field(default_factory=list)
    replaced_by: list[Document] = field(default_factory=list)
    amends: list[Document] = field(default_factory=list)
    amended_by: list[Document] = field(default_factory=list)
    ends: date | None = None  # the expiry, or when a replacing document starts

    @property
    def title(self) -> str:
        """ "Quyết định số 215/QĐ-UBND", "Dự thảo Quyết định ..." for a draft."""
        prefix = "Dự thảo " if self.draft else ""
        kind = f"{prefix}{self.kind}".strip()
        return f"{kind} số {self.number}" if kind else self.number

    @property
    def signer(self) -> str:
        return " - ".join(filter(None, (self.signer_name, self.signer_title)))

    def line_of(self, name: str) -> int:
        return self.lines.get(name, 1)


@dataclass
class HeaderField:
    name: str
    label: str
    value: str
    line: int


class DocumentReader:
    """Reads one file's lines into a Document, collecting problems."""

    def __init__(self, display: str, stem: str, lists: dict[str, list[str]]):
        self.document = Document(display, stem)
        self.display = display
        self.lists = lists
        self.problems: list[Problem] = []
        self.fields: dict[str, HeaderField] = {}
        self.header_end = 1

    def problem(self, line: int, message: str, fix: str = "", severity=ERROR):
        self.problems.append(Problem(self.display, line, message, fix, severity))

    def field_problem(self, name: str, message: str, fix: str, severity=ERROR):
        """A problem of one field, at its line (line 1 when the field is missing)."""
        problem = Problem(self.display, self.line(name), message, fix, severity, name)
        self.problems.append(problem)

    def read(self, text: str, content_root: Path) -> Document:
        lines = [unicodedata.normalize("NFC", line) for line in text.splitlines()]
        body_start = self.read_header(lines)
        self.header_end = max(body_start - 1, 1)
        body = "\n".join(lines[body_start - 1 :]).strip("\n")
        self.document.body, self.document.body_line = body, body_start
        self.document.lines = {name: f.line for name, f in self.fields.items()}
        self.fill(content_root)
        return self.document

    # --- the header --------------------------------------------------------

    def read_header(self, lines: list[str]) -> int:
        """Reads `Label: value` lines; returns the number of the body's first line."""
        last: HeaderField | None = None
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                return number + 1
            continuation = CONTINUATION.match(line)
            if continuation and last is not None:
                last.value = f"{last.value} {continuation['value'].strip()}"
                continue
            match = HEADER_LINE.match(line.strip())
            if match is None:
                self.problem(
                    number,
                    f'dòng "{line.strip()}" ở phần đầu tệp không có dạng '
                    '"Nhãn: giá trị"',
                    "thêm nhãn và dấu hai chấm, hoặc để một dòng trống trước nội dung",
                )
                last = None
                continue
            last = self.add_field(number, match["label"].strip(), match["value"])
        return len(lines) + 1

    def add_field(self, number: int, label: str, value: str) -> HeaderField | None:
        name = LABELS.get(" ".join(fold(label).split()))
        if name is None:
            guess = difflib.get_close_matches(fold(label), list(LABELS), n=1)
            hint = f'có phải là "{FIELD_LABELS[LABELS[guess[0]]]}"?' if guess else ""
            self.problem(
                number,
                f'nhãn "{label}" không được hỗ trợ',
                hint or "dùng các nhãn trong docs/editors.md, mục Văn bản",
                WARNING,
            )
            return None
        found = HeaderField(name, label, value.strip(), number)
        if name in self.fields:
            first = self.fields[name].line
            message = f'"{label}" đã có ở dòng {first}'
            fix = "giữ một dòng; dòng đầu tiên được dùng"
            self.problems.append(
                Problem(self.display, number, message, fix, WARNING, name)
            )
            return found  # continuation lines go to this copy, not the first
        self.fields[name] = found
        return found

    def value(self, name: str) -> str:
        found = self.fields.get(name)
        return found.value.strip() if found else ""

    def line(self, name: str) -> int:
        found = self.fields.get(name)
        return found.line if found else 1

    # --- the fields --------------------------------------------------------

    def fill(self, content_root: Path) -> None:
        document = self.document
        document.draft = self.read_flag("draft")
        for name in REQUIRED + (() if document.draft else REQUIRED_UNLESS_DRAFT):
            if not self.value(name):
                self.missing(name)
        document.number = " ".join(self.value("number").split())
        document.summary = " ".join(self.value("summary").split())
        document.kind = self.listed("kind", "DOCUMENT_KINDS")
        document.issuer = self.listed("issuer", "DOCUMENT_ISSUERS")
        document.sectors = [
            self.checked_item("sectors", "DOCUMENT_SECTORS", item)
            for item in split_list(self.value("sectors"))
        ]
        document.sectors = [item for item in document.sectors if item]
        self.read_signer()
        for name in DATE_FIELDS:
            setattr(document, name, self.read_date(name))
        self.check_date_order()
        self.read_comments()
        document.files = self.read_files(content_root)
        document.replaces_refs = self.read_references("replaces")
        document.amends_refs = self.read_references("amends")

    def missing(self, name: str) -> None:
        label = FIELD_LABELS[name]
        self.field_problem(
            name,
            f'thiếu "{label}"',
            f'thêm dòng "{label}: ..." vào phần đầu tệp (dòng 1 đến '
            f"{self.header_end}, trước dòng trống)",
        )

    def read_flag(self, name: str) -> bool:
        value = self.value(name)
        if not value:
            return False
        try:
            return parse_flag(value)
        except ValueError:
            self.field_problem(
                name,
                f'"{FIELD_LABELS[name]}: {value}" không rõ',
                'viết "Dự thảo: có" cho dự thảo lấy ý kiến, hoặc bỏ dòng này',
            )
            return False

    def listed(self, name: str, setting: str) -> str:
        value = " ".join(self.value(name).split())
        return self.checked_item(name, setting, value) if value else ""

    def checked_item(self, name: str, setting: str, value: str) -> str:
        """`value` when it is in the settings list, else "" and a problem."""
        allowed = self.lists.get(setting) or []
        if not allowed or value in allowed:
            return value
        by_fold = {fold(item): item for item in allowed}
        guess = by_fold.get(fold(value)) or next(
            iter(difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)), None
        )
        label = FIELD_LABELS[name]
        hint = f'có phải là "{guess}"?' if guess else "chọn một giá trị trong danh sách"
        self.field_problem(
            name,
            f'{label} "{value}" không có trong danh sách ({setting} trong '
            f"pelicanconf.py): {'; '.join(allowed)}",
            hint,
        )
        return ""

    def read_signer(self) -> None:
        value = " ".join(self.value("signer").split())
        if not value:
            return
        name, title = split_byline(value)
        self.document.signer_name, self.document.signer_title = name, title or ""
        if not title:
            self.field_problem(
                "signer",
                f'Người ký "{value}" chưa có chức vụ',
                'viết "Họ tên - Chức vụ", ví dụ "Phạm Quang Minh - Giám đốc"',
                WARNING,
            )

    def read_date(self, name: str) -> date | None:
        value = self.value(name)
        if not value:
            return None
        try:
            return parse_date(value).date()
        except ValueError:
            self.field_problem(
                name,
                f'{FIELD_LABELS[name]}: ngày "{value}" không có thật hoặc sai dạng',
                DATE_FIX,
            )
            return None

    def check_date_order(self) -> None:
        document = self.document
        pairs = (
            ("issued", "effective"),
            ("effective", "expires"),
            ("issued", "expires"),
            ("comment_from", "comment_until"),
        )
        for earlier, later in pairs:
            first, second = getattr(document, earlier), getattr(document, later)
            strict = later == "expires"  # a document in effect for no day
            if first and second and (second <= first if strict else second < first):
                self.field_problem(
                    later,
                    f"{FIELD_LABELS[later]} ({second:%d/%m/%Y}) "
                    f"{'không sau' if strict else 'trước'} "
                    f"{FIELD_LABELS[earlier]} ({first:%d/%m/%Y})",
                    f"kiểm tra lại hai ngày; {FIELD_LABELS[later]} phải "
                    f"{'sau' if strict else 'từ'} {FIELD_LABELS[earlier]} trở đi",
                )
                if earlier == "issued" and later == "expires":
                    continue
                setattr(document, later, None)

    def read_comments(self) -> None:
        document = self.document
        if not document.draft:
            for name in DRAFT_ONLY:
                if self.value(name):
                    self.field_problem(
                        name,
                        f'"{FIELD_LABELS[name]}" chỉ dùng cho dự thảo lấy ý kiến',
                        'thêm dòng "Dự thảo: có", hoặc bỏ dòng này',
                        WARNING,
                    )
            document.comment_from = document.comment_until = None
            return
        document.comment_from = document.comment_from or document.issued
        if not self.value("comment_until"):
            self.missing("comment_until")
        email = self.value("comment_email")
        if email and not EMAIL.match(email):
            self.field_problem(
                "comment_email",
                f'địa chỉ thư "{email}" không hợp lệ',
                "viết một địa chỉ thư điện tử, ví dụ gopy@quangninh.gov.vn",
            )
            email = ""
        document.comment_email = email

    def read_files(self, content_root: Path) -> list[Attachment]:
        found = []
        for path in split_list(self.value("files")):
            relative = path.lstrip("/")
            self.document.named_files.append(relative)
            suffix = PurePosixPath(relative).suffix.lower()
            target = content_root / PurePosixPath(relative)
            if suffix not in FILE_FORMATS:
                self.field_problem(
                    "files",
                    f'tệp "{path}" không phải PDF, DOCX hay XLSX',
                    "đăng tệp .pdf, .docx hoặc .xlsx (có thể đăng nhiều tệp, "
                    "cách nhau bởi dấu phẩy)",
                )
            elif not relative.startswith("files/"):
                self.field_problem(
                    "files",
                    f'tệp "{path}" không nằm trong content/files/',
                    "đặt tệp trong content/files/<năm>/ và ghi files/<năm>/<tên tệp>",
                )
            elif not target.is_file():
                self.field_problem(
                    "files",
                    f'không tìm thấy tệp "{path}"',
                    "kiểm tra tên tệp (phân biệt chữ hoa, thường) và thư mục "
                    "content/files/<năm>/",
                )
            else:
                found.append(Attachment(relative, target.stat().st_size))
        return found

    def read_references(self, name: str) -> list[Reference]:
        refs = []
        for item in split_list(self.value(name), separators=";,"):
            match = REFERENCE.match(item)
            year = int(match["year"]) if match["year"] else None
            refs.append(
                Reference(
                    " ".join(match["number"].split()), year, self.line(name), name
                )
            )
        return refs


def split_list(value: str, separators: str = ",;") -> list[str]:
    parts = re.split(f"[{re.escape(separators)}]", value)
    return [part.strip() for part in parts if part.strip()]


def number_key(number: str) -> str:
    """215/QĐ-UBND, 215/QD-UBND and "215 / qđ - ubnd" are one number."""
    return "".join(fold(number).split())


def read_document(
    path: Path, display: str, content_root: Path, lists: dict[str, list[str]]
) -> tuple[Document | None, list[Problem]]:
    """The document in one file and every problem in it, with line numbers."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        fix = "mở tệp và lưu lại với mã hoá UTF-8"
        return None, [Problem(display, 1, "tệp không được lưu bằng mã UTF-8", fix)]
    reader = DocumentReader(display, path.stem, lists)
    document = reader.read(text, content_root)
    return document, reader.problems
