"""A small site in a git repository, served by `sokhcn serve` (the preview and
the desk), for the desk's tests; and the editing server's nginx over it."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from local_nginx import NGINX, free_port, run_or_explain, wait_for_port

from commands.tests.fixtures.make_binaries import pdf as pdf_bytes

PROJECT = Path(__file__).resolve().parent.parent
DEPLOY = PROJECT / "deploy" / "nginx"
ARTICLE = """\
Title: {title}
Date: {date}
Category: {category}
Author: Trương Thế Bình - Văn phòng{extra}

{body}
"""
WEEK = """\
# Lịch công tác tuần 48 năm 2026

## Thứ Hai, 23/11/2026
- Sáng 8h00: Giao ban Lãnh đạo Sở đầu tuần
  - Chủ trì: Giám đốc Sở
  - Địa điểm: Phòng họp tầng 5
"""
LINKS = """\
## Trung ương

- [Cổng Thông tin điện tử Chính phủ](https://chinhphu.vn)
"""
PAGE = "Title: Giới thiệu\nOrder: 1\n\nSở Khoa học và Công nghệ tỉnh Quảng Ninh.\n"
DOCUMENT = """\
Số ký hiệu: 15/KH-SKHCN
Loại văn bản: Kế hoạch
Cơ quan ban hành: Sở Khoa học và Công nghệ tỉnh Quảng Ninh
Người ký: Phạm Quang Minh - Giám đốc
Ngày ban hành: 20/01/2026
Ngày hiệu lực: 20/01/2026
Lĩnh vực: Chuyển đổi số
Trích yếu: Kế hoạch chuyển đổi số năm 2026 của Sở Khoa học và Công nghệ
Tệp: files/2026/kh-15-skhcn-chuyen-doi-so-2026.pdf
"""


def small_content(root: Path) -> None:
    files = {
        "articles/2026/hop-giao-ban-thang-11.md": ARTICLE.format(
            title="Họp giao ban tháng 11",
            date="16/11/2026 10:00",
            category="Tin hoạt động",
            body="Sở Khoa học và Công nghệ họp giao ban tháng 11.",
            extra="\nLegacyURL: ChiTietTinTuc.aspx?nid=7705",
        ),
        "articles/2026/thong-bao-tiep-cong-dan.md": ARTICLE.format(
            title="Thông báo lịch tiếp công dân",
            date="20/11/2026 08:00",
            category="Thông báo",
            body="Lịch tiếp công dân tháng 12.",
            extra="",
        ),
        "pages/gioi-thieu.md": PAGE,
        "schedule/2026/2026-W48.md": WEEK,
        "data/website-lien-ket.md": LINKS,
        "van-ban/2026/kh-15-skhcn-chuyen-doi-so-2026.md": DOCUMENT,
    }
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "images").mkdir(exist_ok=True)
    # The document's file, and the request forms of "Tiếp cận thông tin".
    for relative in (
        "files/2026/kh-15-skhcn-chuyen-doi-so-2026.pdf",
        "files/tiep-can-thong-tin/phieu-yeu-cau-cung-cap-thong-tin.pdf",
        "files/tiep-can-thong-tin/phieu-yeu-cau-qua-nguoi-dai-dien.pdf",
    ):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(pdf_bytes(Path(relative).stem))


def git(repo: Path, *argv: str) -> str:
    done = subprocess.run(
        ["git", *argv], cwd=repo, capture_output=True, text=True, check=True
    )
    return done.stdout


def make_project(root: Path, settings: str = "", publish_settings: str = "") -> Path:
    """A project folder: content/ in a git repository, the project's settings
    (with `settings` and `publish_settings` appended), its theme and plugins
    linked."""
    root.mkdir(parents=True, exist_ok=True)
    small_content(root / "content")
    for name in ("theme", "plugins"):
        (root / name).symlink_to(PROJECT / name)
    publish = (PROJECT / "publishconf.py").read_text(encoding="utf-8")
    (root / "publishconf.py").write_text(
        publish + textwrap.dedent(publish_settings), "utf-8"
    )
    conf = (PROJECT / "pelicanconf.py").read_text(encoding="utf-8")
    (root / "pelicanconf.py").write_text(conf + textwrap.dedent(settings), "utf-8")
    (root / ".gitignore").write_text(
        "preview/\noutput/\ncache/\n__pycache__/\n", "utf-8"
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(
        root,
        "-c",
        "user.name=Setup",
        "-c",
        "user.email=setup@x",
        "commit",
        "-qm",
        "init",
    )
    return root


@dataclass
class Served:
    base: str
    project: Path
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def serving_desk(
    project: Path, *extra: str, port: int | None = None
) -> Iterator[Served]:
    """`sokhcn serve` in `project` until the block ends; waits for the first
    preview build."""
    port = port or free_port()
    log = project / "serve.log"
    with log.open("w", encoding="utf-8") as handle:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "commands.main",
                "serve",
                "--port",
                str(port),
                *extra,
            ],
            cwd=project,
            stdout=handle,
            stderr=subprocess.STDOUT,
            env={**os.environ, "COLUMNS": "200", "PYTHONUNBUFFERED": "1"},
        )
    served = Served(f"http://127.0.0.1:{port}", project, process, log)
    try:
        wait_until(
            lambda: (project / "preview" / "index.html").is_file(), process, log, 180
        )
        wait_for_port(process, port, log)
        yield served
    finally:
        stop(process)


def wait_until(ready, process: subprocess.Popen, log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(
                f"the preview server did not start:\n{log.read_text()[-3000:]}"
            )
        time.sleep(0.1)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def children_of(pid: int) -> set[int]:
    """Every process below `pid` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def listening_addresses(pid: int) -> set[str]:
    """The "address:port" of every TCP socket `pid` listens on (from /proc)."""
    inodes = set()
    try:
        descriptors = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return set()  # the process has ended (the preview's watcher comes and goes)
    for fd in descriptors:
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            parts = line.split()
            if parts[3] == "0A" and parts[9] in inodes:  # 0A: LISTEN
                address, port = parts[1].split(":")
                if len(address) == 8:
                    address = socket.inet_ntoa(bytes.fromhex(address)[::-1])
                found.add(f"{address}:{int(port, 16)}")
    return found


@dataclass
class EditingServer:
    base: str
    served: Served
    users: dict[str, str]


def password_line(user: str, password: str) -> str:
    hashed = subprocess.run(
        ["openssl", "passwd", "-6", password],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return f"{user}:{hashed}\n"


def editing_nginx_config(
    root: Path, port: int, upstream: int, users: dict[str, str]
) -> Path:
    """deploy/nginx's editing server as documented, with this folder's
    certificate, password file and ports."""
    run_or_explain(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-keyout", str(root / "bientap.key"),
         "-out", str(root / "bientap.crt")]
    )  # fmt: skip
    (root / "sokhcn-bientap.htpasswd").write_text(
        "".join(password_line(user, password) for user, password in users.items()),
        "utf-8",
    )
    snippets = {}
    for name in (
        "sokhcn-headers.conf",
        "sokhcn-desk-headers.conf",
        "sokhcn-desk-proxy.conf",
    ):
        text = (DEPLOY / name).read_text(encoding="utf-8")
        text = text.replace("http://127.0.0.1:8000", f"http://127.0.0.1:{upstream}")
        (root / name).write_text(text, encoding="utf-8")
        snippets[f"/etc/nginx/snippets/{name}"] = str(root / name)
    site = (DEPLOY / "sokhcn-bientap.conf").read_text(encoding="utf-8")
    for old, new in {
        **snippets,
        "/etc/ssl/sokhcn/bientap.crt": str(root / "bientap.crt"),
        "/etc/ssl/sokhcn/bientap.key": str(root / "bientap.key"),
        "/etc/nginx/sokhcn-bientap.htpasswd": str(root / "sokhcn-bientap.htpasswd"),
        "listen 443 ssl;": f"listen 127.0.0.1:{port} ssl;",
        "listen 80;": f"listen 127.0.0.1:{free_port()};",
    }.items():
        site = site.replace(old, new)
    (root / "sokhcn-bientap.conf").write_text(site, encoding="utf-8")
    main = root / "nginx.conf"
    main.write_text(
        f"""
daemon off;
master_process off;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    include {root}/sokhcn-bientap.conf;
}}
""",
        encoding="utf-8",
    )
    return main


@contextlib.contextmanager
def editing_server(root: Path, users: dict[str, str]) -> Iterator[EditingServer]:
    """The editing server of docs/deploy.md: nginx with TLS and a login per
    editor, in front of `sokhcn serve --login-header X-Remote-User`."""
    project = make_project(root / "project")
    upstream, port = free_port(), free_port()
    origin = f"https://127.0.0.1:{port}"
    nginx_root = root / "nginx"
    nginx_root.mkdir()
    extra = ["--origin", origin, "--login-header", "X-Remote-User"]
    with serving_desk(project, *extra, port=upstream) as served:
        config = editing_nginx_config(nginx_root, port, upstream, users)
        run_or_explain([NGINX, "-t", "-c", str(config)])
        server = subprocess.Popen([NGINX, "-c", str(config)])
        try:
            wait_for_port(server, port, nginx_root / "error.log")
            yield EditingServer(origin, served, users)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
