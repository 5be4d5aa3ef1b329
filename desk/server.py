"""The preview server: the preview build, the desk and the desk's API.

- `/` and below: the preview build (OUTPUT_PATH), as nginx serves the published
  site: directories give their index.html, a missing page gets 404.html with
  status 404, the old portal's addresses redirect (redirects/legacy.json) and
  other `.aspx` addresses are pages, with the security headers of deploy/nginx.
- `/quan-tri/`: the desk (desk/static/ and Decap CMS from node_modules).
- `/quan-tri/api/v1`: decap-server behind its guard (desk/backend/server.js),
  told which editor is saving.
- `/quan-tri/api/cau-hinh`, `kiem-tra`, `xem-truoc`, `xuat-ban`, `van-ban`:
  the desk's configuration, a file's problems, a page's readiness after a
  save, publishing, and the documents a document can replace or amend.
"""

from __future__ import annotations

import json
import mimetypes
import posixpath
import re
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from pelican.settings import read_settings

from .addresses import page_of
from .backend import Backend
from .checks import problems_of
from .cms_config import cms_config
from .documents import known_documents
from .preview_build import read_state
from .publishing import Publisher

DESK = "/quan-tri/"
STATIC = Path(__file__).resolve().parent / "static"
HEADER_LINE = re.compile(r'^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;', re.MULTILINE)
CMS_FILE = re.compile(r"^[\w.-]+\.(?:js|wasm)$")
DESK_FILE = re.compile(r"^[\w.-]+\.(?:html|js|css|svg|png)$")
TEXT_TYPES = {
    "text/html", "text/css", "text/javascript", "application/javascript",
    "application/json", "application/xml", "text/plain", "image/svg+xml",
    "text/calendar", "application/atom+xml", "application/rss+xml",
}  # fmt: skip
TYPES = {
    ".aspx": "text/html", ".js": "text/javascript", ".wasm": "application/wasm",
    ".ics": "text/calendar", ".map": "text/plain", ".webp": "image/webp",
    ".bin": "application/octet-stream", ".svg": "image/svg+xml",
    ".json": "application/json",
}  # fmt: skip
PREVIEW_WAIT = 10.0  # seconds one request waits for a page before answering
BUILD_FAILED = (
    "Dựng trang xem trước bị lỗi kỹ thuật, không do bài: báo cho bộ phận kỹ thuật "
    "(chi tiết ở cache/desk/loi-dung-trang.log)."
)


def security_headers(file: Path) -> list[tuple[str, str]]:
    """The headers an nginx snippet of deploy/nginx adds, to send the same."""
    return HEADER_LINE.findall(file.read_text(encoding="utf-8"))


@dataclass
class Desk:
    project: Path
    settings_file: Path
    publish_settings: Path
    origin: str
    login_header: str | None
    backend: Backend
    publisher: Publisher
    content_prefix: str
    branch: str

    def __post_init__(self):
        nginx = self.project / "deploy" / "nginx"
        self.site_headers = security_headers(nginx / "sokhcn-headers.conf")
        self.desk_headers = security_headers(nginx / "sokhcn-desk-headers.conf")
        self.settings = self.read_settings()
        self.preview = Path(self.settings["OUTPUT_PATH"]).resolve()
        self.content = Path(self.settings["PATH"]).resolve()

    def read_settings(self) -> dict:
        return read_settings(
            str(self.settings_file), override={"SITE_ORIGIN": self.origin}
        )

    def content_file(self, path: str) -> Path | None:
        """A path the desk gave ("content/articles/2026/bai.md"), checked to be a
        file inside the content folder."""
        clean = posixpath.normpath(path or "")
        prefix = f"{self.content_prefix}/"
        if not clean.startswith(prefix) or "\\" in clean:
            return None
        file = (self.content / clean[len(prefix) :]).resolve()
        if not file.is_relative_to(self.content) or not file.is_file():
            return None
        return file


class Handler(BaseHTTPRequestHandler):
    server_version = "sokhcn"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    @property
    def desk(self) -> Desk:
        return self.server.desk

    def log_message(self, *args) -> None:
        pass

    # --- answering -----------------------------------------------------------

    def answer(
        self, status: int, body: bytes, kind: str, headers=(), head=False
    ) -> None:
        self.send_response(status)
        if kind.split(";")[0] in TEXT_TYPES and "charset" not in kind:
            kind += "; charset=utf-8"
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        in_desk = urlsplit(self.path).path.startswith(DESK)
        for name, value in (
            self.desk.desk_headers if in_desk else self.desk.site_headers
        ):
            self.send_header(name, value)
        if not in_desk:
            self.send_header("Cache-Control", "no-cache")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def json(self, data, status: int = 200) -> None:
        body = json.dumps(data, ensure_ascii=False).encode()
        self.answer(status, body, "application/json")

    def redirect(self, location: str, status: int = 301) -> None:
        self.answer(status, b"", "text/plain", [("Location", location)])

    def error(self, status: int, message: str) -> None:
        self.json({"error": message}, status)

    # --- routing ---------------------------------------------------------------

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:
        url = urlsplit(self.path)
        path = unquote(url.path)
        query = parse_qs(url.query)
        if path == DESK.rstrip("/"):
            return self.redirect(DESK)
        if path.startswith(DESK):
            return self.desk_get(path[len(DESK) :], query, head)
        return self.site_get(path, head)

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        if not path.startswith(DESK + "api/"):
            return self.error(405, "Không hỗ trợ yêu cầu này.")
        refusal = self.cross_site_refusal()
        if refusal:
            return self.error(403, refusal)
        length = int(self.headers.get("Content-Length") or 0)
        limit = self.desk.backend.rules["max_request_bytes"]
        if length > limit:
            self.close_connection = True
            return self.error(
                413, f"Tệp quá lớn: mỗi lần chỉ gửi được {limit >> 20} MB."
            )
        body = self.rfile.read(length)
        if path == DESK + "api/v1":
            return self.proxy_to_backend(body)
        if path == DESK + "api/xuat-ban":
            return self.start_publishing(body)
        return self.error(404, "Không có địa chỉ này.")

    def cross_site_refusal(self) -> str | None:
        """The desk's writes come from its own page: another site's form or
        script cannot use the editor's login (the browser says where a request
        comes from in Sec-Fetch-Site and Origin)."""
        fetch_site = self.headers.get("Sec-Fetch-Site")
        if fetch_site and fetch_site not in ("same-origin", "none"):
            return "Yêu cầu từ trang khác bị từ chối."
        origin = self.headers.get("Origin")
        host = self.headers.get("X-Forwarded-Host") or self.headers.get("Host") or ""
        if origin and urlsplit(origin).netloc != host:
            return "Yêu cầu từ trang khác bị từ chối."
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            return "Yêu cầu không hợp lệ."
        return None

    def editor(self) -> str | None:
        header = self.desk.login_header
        return (self.headers.get(header) or "").strip() or None if header else None

    # --- the site ----------------------------------------------------------------

    def site_get(self, path: str, head: bool) -> None:
        preview = self.desk.preview
        legacy = self.legacy_redirect()
        if legacy:
            return self.redirect(legacy)
        relative = posixpath.normpath(path).lstrip("/")
        target = (
            (preview / relative).resolve() if relative not in ("", ".") else preview
        )
        if not target.is_relative_to(preview):
            return self.not_found(head)
        if target.is_dir():
            if not path.endswith("/"):
                return self.redirect(path + "/")
            target = target / "index.html"
        if not target.is_file():
            return self.not_found(head)
        self.send_file(target, head)

    def legacy_redirect(self) -> str | None:
        """The old portal's addresses, as deploy/nginx's map answers them."""
        table = self.desk.preview / "redirects" / "legacy.json"
        if (
            not urlsplit(self.path).path.lower().endswith(".aspx")
            or not table.is_file()
        ):
            return None
        try:
            redirects = json.loads(table.read_text(encoding="utf-8"))
        except ValueError:
            return None
        return redirects.get(self.path) or redirects.get(self.path.lower())

    def not_found(self, head: bool) -> None:
        page = self.desk.preview / "404.html"
        if page.is_file():
            body = page.read_bytes()
        else:
            body = (
                "<!doctype html><html lang='vi'><meta charset='utf-8'>"
                "<title>Đang dựng</title><p>Trang xem trước đang được dựng lần đầu. "
                "Hãy tải lại sau ít giây.</p>"
            ).encode()
        self.answer(404, body, "text/html", head=head)

    def send_file(self, file: Path, head: bool) -> None:
        kind = TYPES.get(file.suffix.lower()) or mimetypes.guess_type(file.name)[0]
        self.answer(
            200, file.read_bytes(), kind or "application/octet-stream", head=head
        )

    # --- the desk ----------------------------------------------------------------

    def desk_get(self, rest: str, query: dict, head: bool) -> None:
        def one(name: str) -> str:
            return (query.get(name) or [""])[0]

        if rest == "":
            return self.send_file(STATIC / "index.html", head)
        if rest == "api/cau-hinh":
            return self.json(self.configuration())
        if rest == "api/kiem-tra":
            return self.file_problems(one("tep"))
        if rest == "api/xem-truoc":
            return self.preview_state(one("tep"))
        if rest == "api/xuat-ban":
            return self.json(self.desk.publisher.snapshot())
        if rest == "api/van-ban":
            documents = known_documents(self.desk.read_settings())
            return self.json({"documents": documents})
        if rest == "vntext.js":
            return self.send_file(self.desk.project / "theme/static/js/vntext.js", head)
        if rest.startswith("cms/") and CMS_FILE.match(rest[4:]):
            file = self.desk.project / "node_modules/decap-cms/dist" / rest[4:]
            if file.is_file():
                return self.send_file(file, head)
        if DESK_FILE.match(rest) and (STATIC / rest).is_file():
            return self.send_file(STATIC / rest, head)
        self.error(404, "Không có địa chỉ này trong bàn biên tập.")

    def configuration(self) -> dict:
        settings = self.desk.read_settings()
        return {
            "config": cms_config(
                settings,
                content_prefix=self.desk.content_prefix,
                branch=self.desk.branch,
                origin=self.desk.origin,
            ),
            "editor": self.editor(),
            "site_name": settings.get("SITENAME"),
            "backend": self.desk.backend.mode,
        }

    def file_problems(self, path: str) -> None:
        file = self.desk.content_file(path)
        if file is None:
            return self.error(404, f"Không tìm thấy tệp {path}.")
        settings = self.desk.read_settings()
        self.json({"file": path, "problems": problems_of(settings, file)})

    def preview_state(self, path: str) -> None:
        """Waits (up to PREVIEW_WAIT) for the file's page to be built after the
        file's last change; answers its address, or the file's errors."""
        file = self.desk.content_file(path)
        if file is None:
            return self.error(404, f"Không tìm thấy tệp {path}.")
        settings = self.desk.read_settings()
        deadline = time.monotonic() + PREVIEW_WAIT
        while True:
            page = page_of(settings, file)
            if page is not None and self.page_is_current(file, page):
                return self.json({"ready": True, "url": "/" + page})
            if self.build_failed_since(file):
                return self.json({"ready": False, "error": BUILD_FAILED})
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        problems = [p for p in problems_of(settings, file) if p["is_error"]]
        self.json({"ready": False, "page": page, "problems": problems})

    def page_is_current(self, file: Path, page: str) -> bool:
        built = self.desk.preview / page
        if page.endswith("/"):
            built = built / "index.html"
        try:
            page_time = built.stat().st_mtime_ns
            file_time = file.stat().st_mtime_ns
        except OSError:
            return False
        if page_time >= file_time:
            return True
        # A page whose bytes did not change is not written again: then a whole
        # build that started after the save is as good.
        state = read_state(self.desk.settings)
        return bool(state.get("ok")) and state.get("started", 0) >= file_time

    def build_failed_since(self, file: Path) -> bool:
        state = read_state(self.desk.settings)
        try:
            saved = file.stat().st_mtime_ns
        except OSError:
            return False
        return state.get("ok") is False and state.get("started", 0) >= saved

    def proxy_to_backend(self, body: bytes) -> None:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.desk.backend.port}/api/v1",
            data=body,
            headers={"Content-Type": "application/json"},
        )
        editor = self.editor()
        if editor:
            request.add_header("X-Sokhcn-Editor", editor)
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                status, data = response.status, response.read()
        except urllib.error.HTTPError as refused:
            status, data = refused.code, refused.read()
        except OSError:
            return self.error(
                502, "Máy chủ của bàn biên tập không trả lời: hãy chạy lại."
            )
        self.answer(status, data, "application/json")

    def start_publishing(self, body: bytes) -> None:
        try:
            file = json.loads(body or b"{}").get("tep") or None
        except ValueError:
            return self.error(400, "Yêu cầu không hợp lệ.")
        if file and self.desk.content_file(file) is None:
            return self.error(404, f"Không tìm thấy tệp {file}.")
        if not self.desk.publisher.start(file, self.editor()):
            return self.error(409, "Đang xuất bản: hãy chờ lần này xong.")
        self.json(self.desk.publisher.snapshot(), HTTPStatus.ACCEPTED)


class DeskServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64
    allow_reuse_address = True

    def __init__(self, address, desk: Desk):
        super().__init__(address, Handler)
        self.desk = desk


def git_branch(repo: Path) -> str | None:
    done = subprocess.run(
        ["git", "symbolic-ref", "--short", "HEAD"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip() if done.returncode == 0 else None


def git_root(folder: Path) -> Path | None:
    done = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    return Path(done.stdout.strip()).resolve() if done.returncode == 0 else None
