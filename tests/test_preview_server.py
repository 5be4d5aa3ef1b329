"""`sokhcn serve`: the preview as nginx serves the site, and the desk's API."""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from desk_site import make_project, serving_desk
from local_nginx import DEPLOY

from desk.server import security_headers


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("xem-truoc") / "project")
    with serving_desk(project) as running:
        yield running


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(served, path, method="GET", body=None, headers=None):
    opener = urllib.request.build_opener(NoRedirect)
    data = json.dumps(body).encode() if body is not None else None
    sent = {"Content-Type": "application/json", **(headers or {})}
    request = urllib.request.Request(
        served.base + path, data=data, method=method, headers=sent
    )
    try:
        with opener.open(request, timeout=60) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as answer:
        return answer.code, answer.headers, answer.read()


def test_a_missing_page_gets_the_404_page_with_status_404(served):
    status, headers, body = get(served, "/khong-co-trang-nay/")
    assert status == 404
    assert body == (served.project / "preview/404.html").read_bytes()
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert get(served, "/tin-tuc/2099/khong-co/", method="HEAD")[0] == 404


def test_pages_folders_and_headers_as_nginx_serves_them(served):
    status, headers, body = get(served, "/tin-tuc/2026/hop-giao-ban-thang-11/")
    assert status == 200 and "Họp giao ban tháng 11".encode() in body
    site = dict(security_headers(DEPLOY / "sokhcn-headers.conf"))
    assert headers["Content-Security-Policy"] == site["Content-Security-Policy"]
    assert headers["Cache-Control"] == "no-cache"
    status, headers, _ = get(served, "/tin-tuc/2026/hop-giao-ban-thang-11")
    assert (
        status == 301 and headers["Location"] == "/tin-tuc/2026/hop-giao-ban-thang-11/"
    )
    status, headers, _ = get(served, "/quan-tri/")
    desk = dict(security_headers(DEPLOY / "sokhcn-desk-headers.conf"))
    assert headers["Content-Security-Policy"] == desk["Content-Security-Policy"]
    assert get(served, "/../pelicanconf.py")[0] == 404


def test_old_portal_addresses_redirect_as_nginx_does(served):
    status, headers, _ = get(served, "/ChiTietTinTuc.aspx?nid=7705")
    assert status == 301
    assert headers["Location"] == "/tin-tuc/2026/hop-giao-ban-thang-11/"
    # Other spellings reach the script page, served as a page, not a download.
    status, headers, body = get(served, "/ChiTietTinTuc.aspx?NID=7705&tabid=59")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert b"legacy-redirect.js" in body


def test_the_desk_is_configured_from_the_site_settings(served):
    config = json.loads(get(served, "/quan-tri/api/cau-hinh")[2])["config"]
    names = [c["name"] for c in config["collections"]]
    assert names == ["tin-tuc", "van-ban", "trang", "lich-cong-tac", "du-lieu"]
    articles = config["collections"][0]
    category = next(f for f in articles["fields"] if f["name"] == "category")
    assert category["label"] == "Chuyên mục"
    assert (
        category["options"][0] == "Tin hoạt động" and "Thông báo" in category["options"]
    )
    labels = [f["label"] for f in articles["fields"] if f["widget"] != "hidden"]
    assert labels == [
        "Tiêu đề", "Ngày đăng", "Chuyên mục", "Thẻ", "Tác giả", "Ảnh đại diện",
        "Mô tả ảnh", "Tệp đính kèm", "Tin nóng", "Tin nóng đến ngày", "Tin tiêu điểm",
        "Tóm tắt", "Nội dung", "Bản nháp",
    ]  # fmt: skip
    assert articles["folder"] == "content/articles"
    # A category added to the settings is in the desk at once.
    settings = served.project / "pelicanconf.py"
    original = settings.read_text("utf-8")
    try:
        settings.write_text(
            original + '\nCATEGORIES = [*CATEGORIES, "Hợp tác quốc tế"]\n'
        )
        again = json.loads(get(served, "/quan-tri/api/cau-hinh")[2])["config"]
        fields = again["collections"][0]["fields"]
        assert (
            "Hợp tác quốc tế"
            in next(f for f in fields if f["name"] == "category")["options"]
        )
    finally:
        settings.write_text(original, "utf-8")


def test_the_documents_collection_is_made_from_the_settings(served):
    def documents():
        config = json.loads(get(served, "/quan-tri/api/cau-hinh")[2])["config"]
        return next(c for c in config["collections"] if c["name"] == "van-ban")

    collection = documents()
    assert collection["folder"] == "content/van-ban"
    assert collection["format"] == "sokhcn-van-ban"
    assert collection["path"] == "{{_nam}}/{{slug}}"
    fields = {f["name"]: f for f in collection["fields"]}
    labels = [f["label"] for f in collection["fields"] if f["widget"] != "hidden"]
    assert labels == [
        "Số ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Người ký", "Ngày ban hành",
        "Ngày hiệu lực", "Ngày hết hiệu lực", "Lĩnh vực", "Trích yếu", "Tệp",
        "Thay thế", "Sửa đổi", "Dự thảo lấy ý kiến", "Lấy ý kiến từ",
        "Lấy ý kiến đến", "Góp ý gửi về", "Nội dung",
    ]  # fmt: skip
    assert [f["label"] for f in fields["signer"]["fields"]] == ["Họ tên", "Chức vụ"]
    assert fields["kind"]["options"][:2] == ["Nghị quyết", "Quyết định"]
    assert "Ủy ban nhân dân tỉnh Quảng Ninh" in fields["issuer"]["options"]
    assert "Chuyển đổi số" in fields["sectors"]["options"]
    upload = fields["files"]["field"]
    assert upload["media_folder"] == "/content/files/{{fields._nam}}"
    assert upload["public_folder"] == "files/{{fields._nam}}"
    pattern = re.compile(upload["pattern"][0])
    assert pattern.search("quyet-dinh.pdf") and pattern.search("phu-luc.XLSX")
    assert not pattern.search("anh.png") and not pattern.search("bao-cao.doc")
    # A kind added to the settings is in the form at once.
    settings = served.project / "pelicanconf.py"
    original = settings.read_text("utf-8")
    try:
        settings.write_text(
            original + '\nDOCUMENT_KINDS = [*DOCUMENT_KINDS, "Thông tư"]\n', "utf-8"
        )
        kinds = next(f for f in documents()["fields"] if f["name"] == "kind")
        assert kinds["options"][-1] == "Thông tư"
    finally:
        settings.write_text(original, "utf-8")


def test_the_documents_a_document_can_name(served):
    answer = json.loads(get(served, "/quan-tri/api/van-ban")[2])
    assert answer["documents"] == [
        {
            "number": "15/KH-SKHCN",
            "year": 2026,
            "title": "Kế hoạch số 15/KH-SKHCN",
            "summary": "Kế hoạch chuyển đổi số năm 2026 của Sở Khoa học và Công nghệ",
            "issued": "20/01/2026",
        }
    ]


def test_a_documents_problems_point_at_their_fields(served):
    bad = served.project / "content/van-ban/2026/tb-loi.md"
    bad.write_text(
        "Số ký hiệu: 16/TB-SKHCN\nLoai van ban: Thông báo\n"
        "Cơ quan ban hành: Sở Khoa học và Công nghệ tỉnh Quảng Ninh\n"
        "Ngày ban hành: 10/02/2026\nNgày hiệu lực: 01/02/2026\n"
        "Lĩnh vực: Chuyển đổi số, Khoa hoc\nTrích yếu: Thông báo thử\n"
        "Tệp: files/2026/khong-co.pdf\nThay thế: 99/KH-SKHCN\nGhi chu: x\n",
        "utf-8",
    )
    try:
        status, _, body = get(
            served, "/quan-tri/api/kiem-tra?tep=content/van-ban/2026/tb-loi.md"
        )
        assert status == 200
        problems = json.loads(body)["problems"]
        by_field = {p["field"]: p for p in problems}
        assert set(by_field) == {
            "signer", "effective", "sectors", "files", "replaces", None,
        }  # fmt: skip
        assert by_field["signer"]["message"] == 'thiếu "Người ký"'
        assert by_field["effective"]["line"] == 5 and by_field["effective"]["is_error"]
        assert '"Khoa hoc"' in by_field["sectors"]["message"]
        assert "khong-co.pdf" in by_field["files"]["message"]
        assert "99/KH-SKHCN" in by_field["replaces"]["message"]
        # A line the form has no field for: the desk names its line.
        assert by_field[None]["line"] == 10 and not by_field[None]["is_error"]
    finally:
        bad.unlink()


def test_a_files_problems_point_at_their_fields(served):
    bad = served.project / "content/articles/2026/bai-loi.md"
    bad.write_text(
        "Title: Bài lỗi\nDate: 31/02/2026 08:00\nCategory: Tin hoat dong\n"
        "Image: images/2026/khong-co.jpg\n\nNội dung.\n\n<iframe src='x'></iframe>\n",
        "utf-8",
    )
    try:
        status, _, body = get(
            served, "/quan-tri/api/kiem-tra?tep=content/articles/2026/bai-loi.md"
        )
        assert status == 200
        by_field = {p["field"]: p for p in json.loads(body)["problems"]}
        assert "tháng 2 năm 2026 chỉ có 28 ngày" in by_field["date"]["message"]
        assert by_field["category"]["is_error"]
        assert by_field["image"]["line"] == 4
        assert (
            "<iframe>" in by_field["body"]["message"]
            and not by_field["body"]["is_error"]
        )
    finally:
        bad.unlink()
    status, _, body = get(served, "/quan-tri/api/kiem-tra?tep=../pelicanconf.py")
    assert status == 404


def test_the_preview_waits_for_the_saved_page_or_names_its_errors(served):
    source = served.project / "content/articles/2026/thong-bao-tiep-cong-dan.md"
    address = (
        "/quan-tri/api/xem-truoc?tep=content/articles/2026/thong-bao-tiep-cong-dan.md"
    )
    original = source.read_text("utf-8")
    try:
        source.write_text(original.replace("tháng 12.", "tháng 12 năm 2026."), "utf-8")
        saved = time.monotonic()
        answer = json.loads(get(served, address)[2])
        waited = time.monotonic() - saved
        assert answer == {
            "ready": True,
            "url": "/tin-tuc/2026/thong-bao-tiep-cong-dan/",
        }
        page = (
            served.project / "preview/tin-tuc/2026/thong-bao-tiep-cong-dan/index.html"
        )
        assert "tháng 12 năm 2026".encode() in page.read_bytes()
        print(f"preview page ready {waited:.2f} s after the save")
        source.write_text(original.replace("20/11/2026", "31/11/2026"), "utf-8")
        answer = json.loads(get(served, address)[2])
        assert answer["ready"] is False
        assert "tháng 11 năm 2026 chỉ có 30 ngày" in answer["problems"][0]["message"]
    finally:
        source.write_text(original, "utf-8")


def publish(served, file: str) -> dict:
    status, _, body = get(
        served, "/quan-tri/api/xuat-ban", method="POST", body={"tep": file}
    )
    assert status == 202, body
    deadline = time.monotonic() + 300
    while True:
        state = json.loads(get(served, "/quan-tri/api/xuat-ban")[2])
        if not state["running"]:
            return state
        assert time.monotonic() < deadline
        time.sleep(0.3)


def test_the_preview_and_the_publish_name_a_documents_page(served):
    file = "content/van-ban/2026/kh-15-skhcn-chuyen-doi-so-2026.md"
    answer = json.loads(get(served, f"/quan-tri/api/xem-truoc?tep={file}")[2])
    assert answer == {
        "ready": True,
        "url": "/van-ban/2026/kh-15-skhcn-chuyen-doi-so-2026/",
    }
    state = publish(served, file)
    assert state["code"] == 0, state["lines"]
    assert state["address"] == (
        "https://sokhcn.quangninh.gov.vn/van-ban/2026/kh-15-skhcn-chuyen-doi-so-2026/"
    )
    page = served.project / "output/van-ban/2026/kh-15-skhcn-chuyen-doi-so-2026"
    assert "15/KH-SKHCN" in (page / "index.html").read_text("utf-8")


def test_publishing_from_the_desk(served):
    output = served.project / "output"
    state = publish(served, "content/articles/2026/hop-giao-ban-thang-11.md")
    assert state["code"] == 0, state["lines"]
    assert state["address"] == (
        "https://sokhcn.quangninh.gov.vn/tin-tuc/2026/hop-giao-ban-thang-11/"
    )
    assert any(line.startswith("Xong: 2 bài") for line in state["lines"])
    assert (output / "tin-tuc/2026/hop-giao-ban-thang-11/index.html").is_file()
    assert not (output / "quan-tri").exists()  # the public site has no desk
    before = (output / "index.html").read_bytes()
    bad = served.project / "content/articles/2026/bai-loi.md"
    bad.write_text("Title: Lỗi\nDate: 31/02/2026\nCategory: Thông báo\n\nx\n", "utf-8")
    try:
        state = publish(served, "content/articles/2026/bai-loi.md")
    finally:
        bad.unlink()
    assert state["code"] == 1
    text = "\n".join(state["lines"])
    assert "không xuất bản, giữ nguyên bản cũ" in text and "Traceback" not in text
    assert (output / "index.html").read_bytes() == before


def test_a_second_publish_waits_for_the_first(served):
    first = get(served, "/quan-tri/api/xuat-ban", method="POST", body={})
    second = get(served, "/quan-tri/api/xuat-ban", method="POST", body={})
    assert first[0] == 202
    assert second[0] == 409 and "Đang xuất bản" in json.loads(second[2])["error"]
    while json.loads(get(served, "/quan-tri/api/xuat-ban")[2])["running"]:
        time.sleep(0.3)


def test_writes_from_another_site_are_refused(served):
    status, _, body = get(
        served,
        "/quan-tri/api/xuat-ban",
        method="POST",
        body={},
        headers={"Origin": "https://trang-la.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert status == 403 and "trang khác" in json.loads(body)["error"]
    status, _, _ = get(
        served,
        "/quan-tri/api/v1",
        method="POST",
        body={},
        headers={"Content-Type": "text/plain"},
    )
    assert status == 403


def test_the_preview_build_is_separate_from_the_published_one(served):
    assert (served.project / "preview/loi-noi-dung/index.html").is_file()
    assert (
        Path(served.project / "preview").resolve()
        != Path(served.project / "output").resolve()
    )


CRASHING_PLUGIN = """
from pelican import signals

def crash(generator):
    if any("LAM-HONG" in page.content for page in generator.pages):
        raise RuntimeError("a plugin crashed on purpose")

def register():
    signals.page_generator_finalized.connect(crash)
"""


def test_a_crashed_build_is_said_not_waited_for(tmp_path):
    plugins = tmp_path / "test_plugins" / "lam_hong"
    plugins.mkdir(parents=True)
    (plugins / "__init__.py").write_text(CRASHING_PLUGIN, "utf-8")
    project = make_project(
        tmp_path / "project",
        settings=f"""
        PLUGIN_PATHS = [*PLUGIN_PATHS, {str(tmp_path / "test_plugins")!r}]
        PLUGINS = [*PLUGINS, "lam_hong"]
        """,
    )
    with serving_desk(project) as served:
        # A new page: no quick page before the full build, which crashes.
        # (A saved article's page is written first, full build or not.)
        source = project / "content/pages/trang-moi.md"
        source.write_text("Title: Trang mới\n\nLAM-HONG\n", "utf-8")
        address = "/quan-tri/api/xem-truoc?tep=content/pages/trang-moi.md"
        answer = json.loads(get(served, address)[2])
        assert answer["ready"] is False
        assert answer["error"].startswith("Dựng trang xem trước bị lỗi kỹ thuật")
        said = served.output()
    assert "Lỗi kỹ thuật khi dựng trang xem trước" in said and "Traceback" not in said
    log = (project / "cache/desk/loi-dung-trang.log").read_text("utf-8")
    assert "a plugin crashed on purpose" in log
