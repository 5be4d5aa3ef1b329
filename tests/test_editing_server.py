"""The department's editing server (docs/deploy.md): the documented nginx with
TLS and a login per editor, in front of `sokhcn serve` and decap-server."""

from __future__ import annotations

import base64
import io
import json
import ssl
import struct
import subprocess
import threading
import urllib.error
import urllib.request
import zipfile
import zlib

import pytest
from desk_site import (
    children_of,
    editing_server,
    git,
    listening_addresses,
    pdf_bytes,
)

USERS = {"binh": "mat-khau-cua-binh", "lan": "mat-khau-cua-lan"}
NO_VERIFY = ssl.create_default_context()
NO_VERIFY.check_hostname = False
NO_VERIFY.verify_mode = ssl.CERT_NONE
ARTICLE = "Title: {title}\nDate: 01/12/2026 08:00\nCategory: Thông báo\n\n{title}.\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with editing_server(tmp_path_factory.mktemp("bientap"), USERS) as running:
        yield running


def request(server, path, user=None, body=None, method=None, headers=None):
    """(status, headers, body) of one request, with a login when `user` is given."""
    data = json.dumps(body).encode() if body is not None else None
    sent = {"Content-Type": "application/json", **(headers or {})}
    if user:
        token = base64.b64encode(f"{user}:{server.users[user]}".encode()).decode()
        sent["Authorization"] = f"Basic {token}"
    call = urllib.request.Request(
        server.base + path, data=data, headers=sent, method=method
    )
    try:
        with urllib.request.urlopen(call, context=NO_VERIFY, timeout=120) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as answer:
        return answer.code, answer.headers, answer.read()


def api(server, user, action, **params):
    status, _, body = request(
        server,
        "/quan-tri/api/v1",
        user,
        {"action": action, "params": {"branch": "main", **params}},
    )
    return status, json.loads(body or b"null")


DESK_ADDRESSES = [
    ("GET", "/"),
    ("GET", "/tin-tuc/2026/hop-giao-ban-thang-11/"),
    ("GET", "/khong-co/"),
    ("GET", "/quan-tri/"),
    ("GET", "/quan-tri/desk.js"),
    ("GET", "/quan-tri/cms/decap-cms.js"),
    ("GET", "/quan-tri/xem-truoc.html"),
    ("GET", "/quan-tri/api/cau-hinh"),
    ("GET", "/quan-tri/api/kiem-tra?tep=content/pages/gioi-thieu.md"),
    ("GET", "/quan-tri/api/xem-truoc?tep=content/pages/gioi-thieu.md"),
    ("GET", "/quan-tri/api/xuat-ban"),
    ("GET", "/quan-tri/api/van-ban"),
    ("POST", "/quan-tri/api/v1"),
    ("POST", "/quan-tri/api/xuat-ban"),
]


@pytest.mark.parametrize(("method", "path"), DESK_ADDRESSES)
def test_every_address_needs_a_login(server, method, path):
    body = {"action": "info", "params": {}} if method == "POST" else None
    status, headers, _ = request(server, path, body=body, method=method)
    assert status == 401
    assert headers["WWW-Authenticate"].startswith("Basic")
    wrong = {"Authorization": "Basic " + base64.b64encode(b"binh:sai").decode()}
    assert request(server, path, body=body, method=method, headers=wrong)[0] == 401


def test_with_a_login_the_desk_and_the_preview_answer(server):
    status, headers, body = request(server, "/quan-tri/", "binh")
    assert status == 200 and b"decap-cms.js" in body
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-eval'" in policy and "unsafe-inline" in policy
    assert headers["Cache-Control"] == "no-store"
    status, headers, _ = request(server, "/tin-tuc/2026/hop-giao-ban-thang-11/", "binh")
    assert status == 200
    assert "unsafe" not in headers["Content-Security-Policy"]  # the site's own policy
    status, _, body = request(server, "/quan-tri/api/cau-hinh", "lan")
    assert status == 200 and json.loads(body)["editor"] == "lan"


@pytest.mark.parametrize(
    "path",
    [
        "../pelicanconf.md",
        "content/../pelicanconf.md",
        "/etc/passwd.md",
        "pelicanconf.md",
        "content\\..\\x.md",
        "content/articles/../../x.md",
        "content/ra-ngoai/bai.md",  # a symlink out of content/
        "content/articles/lien-ket.md",  # a symlinked file
    ],
)
def test_paths_that_leave_content_are_refused(server, path):
    project = server.served.project
    outside = project.parent / "ngoai"
    outside.mkdir(exist_ok=True)
    (outside / "bi-mat.md").write_text("Title: bí mật\n", "utf-8")
    for link, target in (
        (project / "content/ra-ngoai", outside),
        (project / "content/articles/lien-ket.md", outside / "bi-mat.md"),
    ):
        if not link.is_symlink():
            link.symlink_to(target)
    before = {p: p.read_bytes() for p in outside.iterdir()}
    entry = {"path": path, "slug": "x", "raw": "Title: x\n\nx\n"}
    for action, params in (
        (
            "persistEntry",
            {"entry": entry, "assets": [], "options": {"commitMessage": "x"}},
        ),
        ("getEntry", {"path": path}),
        ("deleteFile", {"path": path, "options": {"commitMessage": "x"}}),
    ):
        status, answer = api(server, "binh", action, **params)
        assert status == 422, (action, answer)
        assert (
            "ngoài thư mục content" in answer["error"]
            or "không hợp lệ" in answer["error"]
        )
    assert {p: p.read_bytes() for p in outside.iterdir()} == before
    assert (
        not (project / "pelicanconf.md").exists()
        and not (project.parent / "x.md").exists()
    )


def test_two_editors_saving_at_once_lose_nothing(server):
    project = server.served.project
    # Not content: the desk's commits leave it alone.
    (project / "ghi-chu-ky-thuat.txt").write_text(
        "việc của bộ phận kỹ thuật\n", "utf-8"
    )
    results = {}

    def save(user, slug):
        title = f"Bài của {user}"
        data_file = {
            "path": f"content/articles/2026/{slug}.md",
            "slug": slug,
            "raw": ARTICLE.format(title=title),
        }
        # As Decap's proxy backend sends a save.
        results[user] = api(
            server,
            user,
            "persistEntry",
            dataFiles=[data_file],
            assets=[],
            options={
                "collectionName": "tin-tuc",
                "commitMessage": f"desk: create {slug}",
                "useWorkflow": False,
                "status": "draft",
            },
        )

    threads = [
        threading.Thread(target=save, args=(user, f"bai-cua-{user}")) for user in USERS
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(status == 200 for status, _ in results.values()), results
    for user in USERS:
        text = (project / f"content/articles/2026/bai-cua-{user}.md").read_text("utf-8")
        assert text == ARTICLE.format(title=f"Bài của {user}")
        author = git(
            project,
            "log",
            "-1",
            "--format=%an <%ae>",
            "--",
            f"content/articles/2026/bai-cua-{user}.md",
        )
        assert author.strip() == f"{user} <{user}@ban-bien-tap>"
    assert git(project, "status", "--porcelain", "--", "content") == ""
    assert "?? ghi-chu-ky-thuat.txt" in git(project, "status", "--porcelain")


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def upload(server, path: str, content: bytes):
    asset = {
        "path": path,
        "content": base64.b64encode(content).decode(),
        "encoding": "base64",
    }
    return api(
        server, "lan", "persistMedia", asset=asset, options={"commitMessage": "x"}
    )


def test_a_picture_is_accepted_into_its_year_folder(server):
    status, answer = upload(server, "content/images/2026/anh-hoi-nghi.png", png_bytes())
    assert status == 200, answer
    assert (
        server.served.project / "content/images/2026/anh-hoi-nghi.png"
    ).read_bytes() == png_bytes()


def office_file(part: str) -> bytes:
    """A small Office Open XML package (DOCX, XLSX are zip files)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("content/files/2026/quyet-dinh-35-qd-skhcn.pdf", pdf_bytes("QD 35")),
        ("content/files/2026/du-thao-quy-che.docx", office_file("word/document.xml")),
        ("content/files/2026/phu-luc-kinh-phi.xlsx", office_file("xl/workbook.xml")),
    ],
)
def test_a_documents_files_are_accepted_into_their_year_folder(server, path, content):
    status, answer = upload(server, path, content)
    assert status == 200, answer
    assert (server.served.project / path).read_bytes() == content


@pytest.mark.parametrize(
    ("path", "content", "message"),
    [
        (
            "content/images/2026/gia-anh.png",
            b"MZ\x90\x00 not a picture",
            "không phải là ảnh PNG thật",
        ),
        (
            "content/images/2026/chuong-trinh.exe",
            b"MZ\x90\x00",
            "chỉ nhận các loại jpg, jpeg",
        ),
        ("content/images/2026/so-do.svg", b"<svg/>", "chỉ nhận các loại"),
        (
            "content/images/2026/anh-lon.jpg",
            b"\xff\xd8\xff" + bytes(6 << 20),
            "quá giới hạn 5 MB",
        ),
        ("content/files/2026/bao-cao.exe", b"MZ", "tệp đính kèm chỉ nhận các loại pdf"),
        ("content/images/2026/Ảnh Hội Nghị.png", png_bytes(), "Tên tệp"),
        ("content/images/anh.png", png_bytes(), "thư mục năm"),
        ("content/articles/2026/anh.png", png_bytes(), "chỉ được đặt trong"),
    ],
)
def test_uploads_that_do_not_fit_are_refused_with_a_message(
    server, path, content, message
):
    status, answer = upload(server, path, content)
    assert status in (413, 422), answer
    assert message in answer["error"]
    assert not (server.served.project / path).exists()


def test_the_backends_listen_on_127_0_0_1_only(server):
    serve = server.served.process.pid
    processes = {serve, *children_of(serve)}
    addresses = set().union(*(listening_addresses(pid) for pid in processes))
    assert addresses, "no listening socket found"
    assert all(address.startswith("127.0.0.1:") for address in addresses), addresses
    names = {
        subprocess.run(
            ["ps", "-o", "args=", "-p", str(pid)], capture_output=True, text=True
        ).stdout
        for pid in processes
    }
    assert any("desk/backend/server.js" in name for name in names)
