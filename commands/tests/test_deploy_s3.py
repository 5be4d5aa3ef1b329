"""`sokhcn deploy s3://...` against a real S3-compatible server on 127.0.0.1.

The server is moto's (`python -m moto.server`, its own process, over HTTP). Its
access log has one line per request, written when the response starts: the tests
read it to see which requests reached the server and in what order.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import boto3
import pytest

from commands.main import main

ARTICLE = {
    "articles/2020/hoi-nghi.md": """
        Title: Hội nghị tổng kết
        Date: 16/11/2020 10:00
        Category: Tin hoạt động
        Author: Trương Thế Bình - Văn phòng
        Summary: Lời dẫn của bài.
        LegacyURL: ChiTietTinTuc.aspx?nid=7705

        Nội dung bài viết về hội nghị tổng kết khoa học và công nghệ.
        """,
    "articles/2020/hoi-thao.md": """
        Title: Hội thảo chuyển đổi số
        Date: 20/11/2020 08:00
        Category: Tin hoạt động
        Author: Trương Thế Bình - Văn phòng
        Summary: Lời dẫn của bài.

        Nội dung bài viết về hội thảo chuyển đổi số.
        """,
    # An attachment that is an archive, not a precompressed copy of a page.
    "files/so-lieu.csv.gz": "không phải bản nén của tệp nào",
}
# What publishconf.py turns on, minus safe publishing (the fixture's own folder).
PUBLISH = {
    "FINGERPRINT_ASSETS": True,
    "PRECOMPRESS": True,
    "CONTENT_PROBLEMS_SAVE_AS": "",
    "LINKED_WEBSITES_FILE": "",
}
IMMUTABLE = "public, max-age=31536000, immutable"
HASHED_ASSET = re.compile(r"\.[0-9a-f]{10}\.(css|js)$")
HASHED_INDEX = re.compile(r"^tim-kiem/chi-muc/[0-9a-f]{12}/")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# 127.0.0.1 - - [27/Nov/2026 01:35:55] "PUT /bucket/key HTTP/1.1" 200 -
ACCESS_LINE = re.compile(r'"([A-Z]+) (\S+) HTTP/[0-9.]+" (\d+)')


@dataclass
class Request:
    method: str
    bucket: str
    key: str
    query: str


@dataclass
class Server:
    url: str
    log: Path

    def requests(self) -> list[Request]:
        found = []
        for line in self.log.read_text(encoding="utf-8").splitlines():
            match = ACCESS_LINE.search(line)
            if match:
                parts = urlsplit(match[2])
                bucket, _, key = unquote(parts.path).lstrip("/").partition("/")
                found.append(Request(match[1], bucket, key, parts.query))
        return found


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory):
    log = tmp_path_factory.mktemp("s3") / "access.log"
    port = free_port()
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    with log.open("w") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=sink)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/moto-api/data.json", timeout=5)
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(log.read_text(encoding="utf-8"))
                time.sleep(0.2)
        yield Server(url, log)
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(autouse=True)
def credentials(monkeypatch, tmp_path):
    """Test keys from the environment, as documented; nothing from ~/.aws, and no
    instance-metadata lookup (no network here beyond 127.0.0.1)."""
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL_S3", raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "sokhcn-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "sokhcn-test-secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-keys"))


@pytest.fixture
def client(s3_server):
    return boto3.session.Session().client("s3", endpoint_url=s3_server.url)


@pytest.fixture
def bucket(client) -> str:
    name = f"sokhcn-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    return name


@pytest.fixture
def published(make_site) -> Path:
    return make_site(ARTICLE, **PUBLISH).output


def deploy(s3_server, output: Path, target: str, capsys, *extra) -> tuple[int, str]:
    arguments = ["deploy", target, "--output", str(output)]
    arguments += ["--endpoint-url", s3_server.url, *extra]
    code = main(arguments)
    return code, capsys.readouterr().out


def summary(out: str) -> str:
    return out.strip().splitlines()[-1]


def stored(client, bucket: str, prefix: str = "") -> dict[str, str]:
    """{key under the prefix: ETag} of what the bucket holds."""
    pages = client.get_paginator("list_objects_v2").paginate(
        Bucket=bucket, Prefix=prefix
    )
    return {
        item["Key"][len(prefix) :]: item["ETag"].strip('"')
        for page in pages
        for item in page.get("Contents", [])
    }


def is_copy(path: Path) -> bool:
    return path.suffix in {".gz", ".br"} and path.with_suffix("").is_file()


def remove(path: Path) -> None:
    """A file gone from the site, with its .gz/.br copies, as a rebuild leaves it."""
    for name in (path.name, path.name + ".gz", path.name + ".br"):
        path.with_name(name).unlink(missing_ok=True)


def site_files(output: Path) -> set[str]:
    """What should be online: every file but the .gz/.br copies of another."""
    return {
        path.relative_to(output).as_posix()
        for path in output.rglob("*")
        if path.is_file() and not is_copy(path)
    }


def activity(s3_server, bucket: str, since: int) -> list[Request]:
    """Requests that change the bucket, received after the first `since`."""
    return [
        request
        for request in s3_server.requests()[since:]
        if request.bucket == bucket and request.method in {"PUT", "POST", "DELETE"}
    ]


def test_first_upload_sends_the_site_without_precompressed_copies(
    s3_server, client, bucket, published, capsys
):
    assert any(published.rglob("*.br")) and any(published.rglob("*.gz"))
    code, out = deploy(s3_server, published, f"s3://{bucket}/web", capsys)
    assert code == 0, out
    objects = stored(client, bucket, "web/")
    expected = site_files(published)
    assert set(objects) == expected
    assert "files/so-lieu.csv.gz" in objects  # an archive, not a copy
    assert not [key for key in objects if key.endswith(".br")]
    page = "tin-tuc/2020/hoi-nghi/index.html"
    body = client.get_object(Bucket=bucket, Key=f"web/{page}")["Body"].read()
    assert body == (published / page).read_bytes()
    copies = sum(1 for path in published.rglob("*") if is_copy(path))
    assert summary(out) == (
        f"Đã tải lên {len(expected)} tệp, 0 tệp không đổi, đã xoá 0 tệp "
        f"(bỏ qua {copies} bản nén .gz/.br)."
    )


def test_uploads_go_assets_first_and_pages_last(s3_server, bucket, published, capsys):
    since = len(s3_server.requests())
    code, out = deploy(s3_server, published, f"s3://{bucket}", capsys)
    assert code == 0, out
    keys = [request.key for request in activity(s3_server, bucket, since)]
    assert len(keys) == len(site_files(published))
    hashed = [i for i, key in enumerate(keys) if HASHED_ASSET.search(key)]
    index_data = [i for i, key in enumerate(keys) if HASHED_INDEX.match(key)]
    pages = [i for i, key in enumerate(keys) if key.endswith((".html", ".aspx"))]
    assert hashed and index_data and pages
    assert max(hashed + index_data) < min(pages)
    # The search manifest only after the data folder it names.
    assert keys.index("tim-kiem/chi-muc/meta.bin") > max(index_data)


def test_second_run_uploads_nothing(s3_server, client, bucket, published, capsys):
    target = f"s3://{bucket}/web/"
    deploy(s3_server, published, target, capsys)
    before = stored(client, bucket)
    since = len(s3_server.requests())
    code, out = deploy(s3_server, published, target, capsys)
    assert code == 0, out
    assert activity(s3_server, bucket, since) == []
    assert stored(client, bucket) == before
    assert summary(out).startswith(
        f"Đã tải lên 0 tệp, {len(before)} tệp không đổi, đã xoá 0 tệp"
    )


def test_changed_file_is_sent_and_removed_file_deleted_last(
    s3_server, client, bucket, published, capsys
):
    target = f"s3://{bucket}/web"
    deploy(s3_server, published, target, capsys)
    changed = published / "tin-tuc/2020/hoi-nghi/index.html"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    remove(published / "tin-tuc/2020/hoi-thao/index.html")
    since = len(s3_server.requests())
    code, out = deploy(s3_server, published, target, capsys)
    assert code == 0, out

    requests = activity(s3_server, bucket, since)
    assert [(r.method, r.key) for r in requests] == [
        ("PUT", "web/tin-tuc/2020/hoi-nghi/index.html"),
        ("POST", ""),  # DeleteObjects, after the upload
    ]
    assert requests[1].query == "delete"

    objects = stored(client, bucket, "web/")
    assert set(objects) == site_files(published)
    body = client.get_object(Bucket=bucket, Key="web/tin-tuc/2020/hoi-nghi/index.html")
    assert body["Body"].read() == changed.read_bytes()
    lines = out.strip().splitlines()
    assert lines[:2] == [
        "tải lên  tin-tuc/2020/hoi-nghi/index.html",
        "xoá      tin-tuc/2020/hoi-thao/index.html",
    ]
    assert summary(out).startswith(
        f"Đã tải lên 1 tệp, {len(objects) - 1} tệp không đổi, đã xoá 1 tệp"
    )


def test_objects_carry_content_type_and_cache_control(
    s3_server, client, bucket, published, capsys
):
    code, out = deploy(s3_server, published, f"s3://{bucket}", capsys)
    assert code == 0, out
    keys = stored(client, bucket)
    (css,) = [key for key in keys if HASHED_ASSET.search(key) and key.endswith("css")]
    index_data = next(key for key in keys if HASHED_INDEX.match(key))
    expected = {
        "index.html": ("text/html; charset=utf-8", "no-cache"),
        "ChiTietTinTuc.aspx": ("text/html; charset=utf-8", "no-cache"),
        css: ("text/css; charset=utf-8", IMMUTABLE),
        "theme/css/site.css": ("text/css; charset=utf-8", "no-cache"),
        index_data: ("application/octet-stream", IMMUTABLE),
        "tim-kiem/chi-muc/meta.bin": ("application/octet-stream", "no-cache"),
        "feeds/all.atom.xml": ("application/atom+xml; charset=utf-8", "no-cache"),
        "sitemap.xml": ("application/xml; charset=utf-8", "no-cache"),
        "du-lieu/bai-viet.json": ("application/json; charset=utf-8", "no-cache"),
        "lich-cong-tac/lich-cong-tac.ics": ("text/calendar; charset=utf-8", "no-cache"),
        "files/so-lieu.csv.gz": ("application/gzip", "no-cache"),
    }
    js = [key for key in keys if HASHED_ASSET.search(key) and key.endswith(".js")]
    expected.update({key: ("text/javascript; charset=utf-8", IMMUTABLE) for key in js})
    assert js
    for key, (kind, cache) in expected.items():
        head = client.head_object(Bucket=bucket, Key=key)
        assert (key, head["ContentType"], head["CacheControl"]) == (key, kind, cache)
        assert "ContentEncoding" not in head


def test_dry_run_lists_changes_and_changes_nothing(
    s3_server, client, bucket, published, capsys
):
    target = f"s3://{bucket}"
    deploy(s3_server, published, target, capsys)
    (published / "index.html").write_text("trang chủ mới", encoding="utf-8")
    remove(published / "robots.txt")
    before = {
        key: client.get_object(Bucket=bucket, Key=key)["Body"].read()
        for key in stored(client, bucket)
    }
    since = len(s3_server.requests())
    code, out = deploy(s3_server, published, target, capsys, "--dry-run")
    assert code == 0, out
    assert activity(s3_server, bucket, since) == []
    after = {
        key: client.get_object(Bucket=bucket, Key=key)["Body"].read()
        for key in stored(client, bucket)
    }
    assert after == before
    assert out.strip().splitlines()[:2] == [
        "tải lên  index.html",
        "xoá      robots.txt",
    ]
    assert summary(out).startswith(
        f"Sẽ tải lên 1 tệp, {len(before) - 2} tệp không đổi, sẽ xoá 1 tệp"
    )
    assert summary(out).endswith("Chạy thử: chưa thay đổi gì.")


def test_a_preview_build_is_refused(s3_server, client, bucket, make_site, capsys):
    preview = make_site(ARTICLE, LINKED_WEBSITES_FILE="").output
    assert (preview / "loi-noi-dung").is_dir()
    since = len(s3_server.requests())
    code, out = deploy(s3_server, preview, f"s3://{bucket}", capsys)
    assert code == 2
    assert "bản xem trước" in out
    assert [r for r in s3_server.requests()[since:] if r.bucket == bucket] == []
    assert stored(client, bucket) == {}


@pytest.fixture
def tiny_output(tmp_path) -> Path:
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("trang chủ", encoding="utf-8")
    return output


def test_a_missing_bucket_is_a_clear_error(s3_server, client, tiny_output, capsys):
    code, out = deploy(s3_server, tiny_output, "s3://khong-co-bucket-nay", capsys)
    assert code != 0
    assert out.startswith("Lỗi: không có bucket khong-co-bucket-nay trên http")
    names = [entry["Name"] for entry in client.list_buckets()["Buckets"]]
    assert "khong-co-bucket-nay" not in names


def test_missing_credentials_are_a_clear_error(
    s3_server, client, bucket, tiny_output, monkeypatch, capsys
):
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    since = len(s3_server.requests())
    code, out = deploy(s3_server, tiny_output, f"s3://{bucket}", capsys)
    assert code != 0
    assert out.startswith("Lỗi: chưa có thông tin đăng nhập S3: đặt biến môi trường")
    assert "AWS_ACCESS_KEY_ID" in out
    assert [r for r in s3_server.requests()[since:] if r.bucket == bucket] == []
    assert stored(client, bucket) == {}


def test_the_endpoint_option_is_only_for_s3(tiny_output, tmp_path, capsys):
    code = main(
        ["deploy", str(tmp_path / "server"), "--output", str(tiny_output)]
        + ["--endpoint-url", "http://127.0.0.1:9"]
    )
    assert code == 2
    assert "--endpoint-url chỉ dùng với nơi nhận s3://" in capsys.readouterr().out
    assert not (tmp_path / "server").exists()


def test_an_endpoint_without_scheme_is_a_clear_error(tiny_output, capsys):
    code = main(
        ["deploy", "s3://web", "--output", str(tiny_output)]
        + ["--endpoint-url", "s3.example.vn"]
    )
    assert code == 2
    assert capsys.readouterr().out == (
        "Lỗi: --endpoint-url s3.example.vn không hợp lệ: "
        "cần địa chỉ đầy đủ, ví dụ https://s3.example.vn\n"
    )
