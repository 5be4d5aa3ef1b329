"""The desk in Chromium, as an editor uses it (issue 19, part 4): open the desk,
write an article with a picture, meet a field's error and fix it, save and open
the preview, publish and find the article on the published site and through
its search page, then edit a week of the work calendar and see its page change.
A document (Văn bản, issue 21 §6) goes the same way: its PDF, an effective date
before the issue date stopped in the form, the file written as typed by hand,
its page in the preview, on /van-ban/ and published.
Each desk screen is photographed at 1280 and 390 px (test-artifacts/desk/), none
may show a string of Decap's English, and each passes axe-core at both widths,
Decap's own parts included (desk/static/accessible.js), whose repaired controls
an editor reaches and uses with the keyboard."""

from __future__ import annotations

import json
import re
import struct
import subprocess
import time
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from desk_site import git, make_project, pdf_bytes, serving_desk
from local_nginx import NGINX, free_port, nginx_config, run_or_explain, wait_for_port
from playwright.sync_api import expect

from conftest import NODE_MODULES

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "desk"
TITLE = "Hội nghị tổng kết khoa học và công nghệ năm 2026"
SLUG = "hoi-nghi-tong-ket-khoa-hoc-va-cong-nghe-nam-2026"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
# Names, the same in Vietnamese.
NAMES = {"Markdown"}
# Words an English screen would show that Decap's locale does not cover.
ENGLISH_WORDS = re.compile(
    r"\b(Save|Publish|Delete|Image|Images|Choose|Upload|Loading|Entries|Collection|"
    r"Search|Failed|Error|Draft|Title|Alt Text|Add|Remove|Close|Copy|Media)\b"
)


def english_strings() -> list[str]:
    """Every fixed piece of Decap's English locale, from node_modules."""
    script = (
        "import('./node_modules/decap-cms-locales/dist/esm/en/index.js').then(m => {"
        "const out = []; const walk = o => Object.values(o).forEach(v =>"
        " typeof v === 'object' ? walk(v) : out.push(v)); walk(m.default);"
        " console.log(JSON.stringify(out)); })"
    )
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        cwd=NODE_MODULES.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    pieces = set()
    for text in json.loads(done.stdout):
        for piece in re.split(r"%\{\w+\}|\|\|\|\|", text):
            piece = piece.strip(" .:\"'“”\n")
            if len(piece) >= 5 and re.search(r"[A-Za-z]{3}", piece):
                pieces.add(piece)
    return sorted(pieces - NAMES)


def picture(path: Path) -> Path:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + bytes([30, 90, 160]) * 96 for _ in range(64))
    header = struct.pack(">IIBBBBB", 96, 64, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The desk of a small site; its publish build is served by deploy/nginx."""
    root = tmp_path_factory.mktemp("ban-bien-tap")
    public_port = free_port()
    origin = f"http://127.0.0.1:{public_port}"
    project = make_project(
        root / "project",
        publish_settings=f"""
        SITEURL = SITE_ORIGIN = FEED_DOMAIN = {origin!r}
        """,
    )
    with serving_desk(project) as served:
        served.public_origin = origin
        served.public_port = public_port
        served.root = root
        yield served


class Screens:
    """Photographs a screen at 1280 and 390 px and checks it has no English."""

    def __init__(self, browser, english):
        self.browser = browser
        self.english = english
        ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def check(self, page, name: str) -> None:
        page.screenshot(path=str(ARTIFACTS / f"{name}-1280.png"))
        text = page.evaluate(
            """() => [document.body.innerText,
                ...[...document.querySelectorAll('[title],[aria-label],[placeholder],[alt]')]
                  .filter(e => e.offsetParent !== null)
                  .map(e => [e.title, e.getAttribute('aria-label'), e.placeholder,
                    e.alt]
                    .join(' '))
               ].join('\\n')"""
        )
        found = [s for s in self.english if s in text]
        assert found == [], (name, found)
        assert not ENGLISH_WORDS.search(text), (name, ENGLISH_WORDS.search(text)[0])

    def narrow(self, url: str, name: str, prepare=None) -> None:
        page = self.browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(url)
        page.locator(".desk-bar, .desk-waiting").first.wait_for()
        page.wait_for_timeout(1500)
        if prepare:
            prepare(page)
        page.wait_for_timeout(400)
        page.screenshot(path=str(ARTIFACTS / f"{name}-390.png"))
        page.close()


def policy_errors_of(page) -> list[str]:
    """The Content Security Policy's complaints on `page`, as they come."""
    errors = []
    page.on(
        "console",
        lambda m: "Content Security Policy" in m.text and errors.append(m.text),
    )
    return errors


def save(page) -> None:
    page.get_by_role("button", name="Lưu", exact=True).first.click()
    page.get_by_text("Lưu ngay").click()


def test_an_editor_writes_previews_publishes_and_edits_the_calendar(
    browser, site, tmp_path
):
    screens = Screens(browser, english_strings())
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    policy_errors = policy_errors_of(page)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))

    # 1. The desk opens on the articles, under the desk's CSP.
    page.goto(f"{site.base}/quan-tri/")
    page.get_by_role("heading", name="Tin bài").wait_for()
    page.get_by_text("Họp giao ban tháng 11").wait_for()
    screens.check(page, "1-danh-sach-tin-bai")
    screens.narrow(f"{site.base}/quan-tri/", "1-danh-sach-tin-bai")

    # 2. A new article with a picture.
    page.get_by_role("link", name="Viết tin bài mới").click()
    page.get_by_label("Tiêu đề", exact=True).fill(TITLE)
    page.get_by_label("Chuyên mục").select_option("Tin hoạt động")
    page.get_by_label("Họ tên").fill("Trương Thế Bình")
    page.get_by_label("Đơn vị").fill("Văn phòng")
    page.get_by_role("button", name="Chọn ảnh").click()
    page.get_by_text("Tải lên", exact=True).wait_for()
    screens.check(page, "2-thu-vien-anh")
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Tải lên", exact=True).click()
    chooser.value.set_files(str(picture(tmp_path / "Ảnh Hội nghị tổng kết.png")))
    page.get_by_text("anh-hoi-nghi-tong-ket.png").wait_for()
    page.get_by_role("button", name="Dùng tệp đã chọn").click()
    body = page.locator("[contenteditable=true]").last
    body.click()
    page.keyboard.type(
        "Sáng nay, Sở Khoa học và Công nghệ tổ chức hội nghị tổng kết năm 2026."
    )

    # 3. The picture has no description: the form says so, at the field.
    save(page)
    error = page.get_by_text("Có ảnh đại diện thì phải có mô tả ảnh")
    error.wait_for()
    error.scroll_into_view_if_needed()
    screens.check(page, "3-loi-o-truong")
    assert list((site.project / "content/articles").rglob(f"{SLUG}.md")) == []
    page.get_by_label("Mô tả ảnh").fill("Toàn cảnh hội nghị tổng kết")
    save(page)
    page.wait_for_url(f"**/entries/2026/{SLUG}")
    page.get_by_text("Bài không có lỗi").wait_for()
    article = site.project / f"content/articles/2026/{SLUG}.md"
    text = article.read_text("utf-8")
    assert text.startswith(f"Title: {TITLE}\nDate: ")
    assert "Category: Tin hoạt động\nAuthor: Trương Thế Bình - Văn phòng\n" in text
    assert "Image: images/2026/anh-hoi-nghi-tong-ket.png\n" in text
    assert "ImageAlt: Toàn cảnh hội nghị tổng kết\n\nSáng nay," in text
    assert (site.project / "content/images/2026/anh-hoi-nghi-tong-ket.png").is_file()
    assert git(site.project, "log", "-1", "--format=%s").strip() == (
        f"desk: create content/articles/2026/{SLUG}.md"
    )
    screens.check(page, "4-bai-da-luu")

    # 4. Xem trước: the real page of the preview build.
    with context.expect_page() as opened:
        saved = time.monotonic()
        page.locator(".desk-bar").get_by_role("button", name="Xem trước").click()
    preview = opened.value
    preview.wait_for_url(f"**/tin-tuc/2026/{SLUG}/", timeout=60000)
    print(
        f"Xem trước: the page opened {time.monotonic() - saved:.2f} s after the click"
    )
    assert preview.locator("h1").inner_text() == TITLE
    assert preview.locator("img[src$='anh-hoi-nghi-tong-ket.png']").count() == 1
    preview.close()

    # 5. Xuất bản: progress, then the published article's address.
    page.locator(".desk-bar").get_by_role("button", name="Xuất bản").click()
    dialog = page.get_by_role("dialog")
    screens.check(page, "5-xuat-ban")
    dialog.get_by_role("button", name="Xuất bản").click()
    dialog.get_by_text("Đã xuất bản.").wait_for(timeout=300000)
    address = f"{site.public_origin}/tin-tuc/2026/{SLUG}/"
    assert dialog.get_by_role("link", name=address).is_visible()
    screens.check(page, "6-da-xuat-ban")
    dialog.get_by_role("button", name="Đóng").click()
    public = site.root / "public"
    public.mkdir()
    config = nginx_config(public, site.project / "output", site.public_port)
    run_or_explain([NGINX, "-t", "-c", str(config)])
    nginx = subprocess.Popen([NGINX, "-c", str(config)])
    try:
        wait_for_port(nginx, site.public_port, public / "error.log")
        published = context.new_page()
        published.goto(address)
        assert published.locator("h1").inner_text() == TITLE
        assert published.evaluate("fetch('/quan-tri/').then(r => r.status)") == 404
        published.goto(f"{site.public_origin}/tim-kiem/?q=hoi+nghi+tong+ket+2026")
        result = published.locator("[data-search-results] a", has_text=TITLE)
        result.wait_for(timeout=20000)
        assert result.get_attribute("href").endswith(f"/tin-tuc/2026/{SLUG}/")
        published.close()
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)

    # 6. A week of the work calendar: one more item, and the week page shows it.
    page.goto(f"{site.base}/quan-tri/#/collections/lich-cong-tac/entries/2026/2026-W48")
    page.get_by_label("Tuần", exact=True).wait_for()
    screens.check(page, "7-lich-tuan")
    page.get_by_role("button", name="Thêm mục lịch").click()
    page.get_by_label("Ngày", exact=True).last.select_option("2026-11-25")
    page.get_by_label("Buổi").last.select_option("Chiều")
    page.get_by_label(re.compile("^Giờ")).last.fill("14h00")
    page.get_by_label("Nội dung", exact=True).last.fill(
        "Làm việc với Chi cục Tiêu chuẩn Đo lường"
    )
    page.get_by_label("Chủ trì").last.fill("Giám đốc Sở")
    save(page)
    week_file = site.project / "content/schedule/2026/2026-W48.md"
    page.wait_for_function(
        "() => document.body.innerText.includes('Bài không có lỗi')", timeout=30000
    )
    deadline = time.monotonic() + 30
    while "Chi cục Tiêu chuẩn" not in week_file.read_text("utf-8"):
        assert time.monotonic() < deadline, "the week was not saved"
        time.sleep(0.2)
    week = week_file.read_text("utf-8")
    assert week.endswith(
        "  - Địa điểm: Phòng họp tầng 5\n\n## Thứ Tư, 25/11/2026\n"
        "- Chiều 14h00: Làm việc với Chi cục Tiêu chuẩn Đo lường\n"
        "  - Chủ trì: Giám đốc Sở\n"
    )
    with context.expect_page() as opened:
        page.locator(".desk-bar").get_by_role("button", name="Xem trước").click()
    week_page = opened.value
    week_page.wait_for_url("**/lich-cong-tac/2026/tuan-48/", timeout=60000)
    assert (
        "Làm việc với Chi cục Tiêu chuẩn Đo lường"
        in week_page.locator("main").inner_text()
    )
    week_page.close()

    assert policy_errors == []
    assert dialogs == []
    context.close()


DOCUMENT_SLUG = "35-qd-skhcn-ban-hanh-quy-che-quan-ly-nhiem-vu-khoa-hoc-va"
DOCUMENT_SUMMARY = "Ban hành Quy chế quản lý nhiệm vụ khoa học và công nghệ cấp cơ sở"


def write_document(page, pdf: Path, effective: str) -> None:
    """Fills the form of a new document, its PDF uploaded."""
    page.get_by_label("Số ký hiệu").fill("35/QĐ-SKHCN")
    page.get_by_label("Loại văn bản").select_option("Quyết định")
    page.get_by_label("Cơ quan ban hành").select_option(
        "Sở Khoa học và Công nghệ tỉnh Quảng Ninh"
    )
    page.get_by_label("Họ tên").fill("Phạm Quang Minh")
    page.get_by_label("Chức vụ").fill("Giám đốc")
    page.get_by_label("Ngày ban hành").fill("02/12/2026")
    page.get_by_label("Ngày hiệu lực").fill(effective)
    page.get_by_label("Khoa học và công nghệ").check()
    page.get_by_label("Đổi mới sáng tạo").check()
    page.get_by_label("Trích yếu").fill(DOCUMENT_SUMMARY)
    page.get_by_role("button", name=re.compile("^Thêm tệp")).click()
    page.get_by_role("button", name="Chọn tệp").click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Tải lên", exact=True).click()
    chooser.value.set_files(str(pdf))
    page.get_by_text("quyet-dinh-35-quy-che.pdf").first.wait_for()
    page.get_by_role("button", name="Dùng tệp đã chọn").click()
    replaces = page.get_by_label("Thay thế")
    replaces.fill("15/KH-SKHCN")
    replaces.press("Enter")
    page.locator(
        ".desk-related__item", has_text="Kế hoạch số 15/KH-SKHCN ngày 20/01/2026"
    ).wait_for()


def test_an_editor_adds_a_document_with_its_pdf(browser, site, tmp_path):
    screens = Screens(browser, english_strings())
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    policy_errors = policy_errors_of(page)
    pdf = tmp_path / "Quyết định 35 quy chế.pdf"
    pdf.write_bytes(pdf_bytes("QD 35/QD-SKHCN"))
    year = datetime.now().year  # new uploads go to this year's folder
    new = f"{site.base}/quan-tri/#/collections/van-ban/new"

    page.goto(f"{site.base}/quan-tri/#/collections/van-ban")
    page.get_by_text("Kế hoạch số 15/KH-SKHCN").wait_for()
    page.get_by_role("link", name="Viết văn bản mới").click()
    write_document(page, pdf, effective="01/12/2026")

    # The effective date is before the issue date: stopped in the form, at it.
    save(page)
    error = page.get_by_text(
        "Ngày hiệu lực (01/12/2026) trước Ngày ban hành (02/12/2026)"
    )
    error.wait_for()
    error.scroll_into_view_if_needed()
    screens.check(page, "9-van-ban-loi")
    assert list((site.project / "content/van-ban").rglob("35-*.md")) == []

    page.get_by_label("Ngày hiệu lực").fill("02/12/2026")
    save(page)
    page.wait_for_url(f"**/entries/2026/{DOCUMENT_SLUG}")
    page.get_by_text("Văn bản không có lỗi").wait_for()
    document = site.project / f"content/van-ban/2026/{DOCUMENT_SLUG}.md"
    assert document.read_text("utf-8") == (
        "Số ký hiệu: 35/QĐ-SKHCN\n"
        "Loại văn bản: Quyết định\n"
        "Cơ quan ban hành: Sở Khoa học và Công nghệ tỉnh Quảng Ninh\n"
        "Người ký: Phạm Quang Minh - Giám đốc\n"
        "Ngày ban hành: 02/12/2026\n"
        "Ngày hiệu lực: 02/12/2026\n"
        "Lĩnh vực: Khoa học và công nghệ, Đổi mới sáng tạo\n"
        f"Trích yếu: {DOCUMENT_SUMMARY}\n"
        f"Tệp: files/{year}/quyet-dinh-35-quy-che.pdf\n"
        "Thay thế: 15/KH-SKHCN\n"
    )
    uploaded = site.project / f"content/files/{year}/quyet-dinh-35-quy-che.pdf"
    assert uploaded.read_bytes() == pdf.read_bytes()
    assert git(site.project, "log", "-1", "--format=%s").strip() == (
        f"desk: create content/van-ban/2026/{DOCUMENT_SLUG}.md"
    )
    screens.check(page, "10-van-ban-da-luu")

    # Xem trước: the document's own page, then /van-ban/ lists it first.
    with context.expect_page() as opened:
        page.locator(".desk-bar").get_by_role("button", name="Xem trước").click()
    preview = opened.value
    preview.wait_for_url(f"**/van-ban/2026/{DOCUMENT_SLUG}/", timeout=60000)
    heading = " ".join(preview.locator("h1").text_content().split())
    assert heading == f"Quyết định số 35/QĐ-SKHCN {DOCUMENT_SUMMARY}"
    table = preview.locator("main table").inner_text()
    assert "35/QĐ-SKHCN" in table and "Phạm Quang Minh - Giám đốc" in table
    assert "Kế hoạch số 15/KH-SKHCN" in table  # Thay thế
    download = preview.locator("a[href$='quyet-dinh-35-quy-che.pdf']")
    assert download.inner_text() == "quyet-dinh-35-quy-che.pdf"
    assert preview.request.get(download.evaluate("a => a.href")).body() == (
        pdf.read_bytes()
    )
    preview.goto(f"{site.base}/van-ban/")
    first = preview.locator("main a[href*='/van-ban/2026/']").first
    assert first.get_attribute("href").endswith(f"/van-ban/2026/{DOCUMENT_SLUG}/")
    preview.close()

    # Xuất bản: the published address is the document's page.
    page.locator(".desk-bar").get_by_role("button", name="Xuất bản").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("button", name="Xuất bản").click()
    dialog.get_by_text("Đã xuất bản.").wait_for(timeout=300000)
    address = f"{site.public_origin}/van-ban/2026/{DOCUMENT_SLUG}/"
    assert dialog.get_by_role("link", name=address).is_visible()
    output = site.project / "output"
    assert (output / f"van-ban/2026/{DOCUMENT_SLUG}/index.html").is_file()
    assert f"/van-ban/2026/{DOCUMENT_SLUG}/" in (
        output / "van-ban/index.html"
    ).read_text("utf-8")
    dialog.get_by_role("button", name="Đóng").click()

    # The same error, on a phone.
    def meet_the_error(narrow_page):
        write_document(narrow_page, pdf, effective="01/12/2026")
        save(narrow_page)
        shown = narrow_page.get_by_text("Ngày hiệu lực (01/12/2026) trước")
        shown.wait_for()
        shown.scroll_into_view_if_needed()

    screens.narrow(new, "9-van-ban-loi", meet_the_error)
    assert policy_errors == []
    context.close()


def test_a_hand_written_documents_problems_point_at_their_fields(browser, site):
    hand_written = site.project / "content/van-ban/2026/tb-viet-tay.md"
    hand_written.write_text(
        "So ky hieu: 20/TB-SKHCN\nLoai van ban: Thông báo\n"
        "Cơ quan ban hành: Sở Khoa học và Công nghệ tỉnh Quảng Ninh\n"
        "Người ký: Phạm Quang Minh - Giám đốc\nNgày ban hành: 03/12/2026\n"
        "Ngày hiệu lực: 03/12/2026\nLĩnh vực: Khoa hoc va cong nghe\n"
        "Trích yếu: Thông báo viết tay\n"
        "Tệp: files/2026/kh-15-skhcn-chuyen-doi-so-2026.pdf\n",
        "utf-8",
    )
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(
            f"{site.base}/quan-tri/#/collections/van-ban/entries/2026/tb-viet-tay"
        )
        bar = page.locator(".desk-bar")
        bar.get_by_text("1 lỗi, 0 cảnh báo trong văn bản:").wait_for()
        sectors = bar.get_by_role(
            "button", name=re.compile('^Lỗi — Lĩnh vực: Lĩnh vực "Khoa hoc va cong')
        )
        assert "có phải là" in sectors.inner_text()
        # The form knows it too.
        unknown = page.get_by_label("Khoa hoc va cong nghe (không có trong danh sách)")
        assert unknown.is_checked()
        sectors.click()
        group = page.get_by_role("group", name="Lĩnh vực")
        assert page.evaluate("document.activeElement.id") == group.get_attribute("id")
        unknown.click()  # an unknown value, unchecked, leaves the list
        assert unknown.count() == 0
        page.get_by_label("Khoa học và công nghệ", exact=True).check()
        save(page)
        bar.get_by_text("Văn bản không có lỗi").wait_for(timeout=30000)
        text = hand_written.read_text("utf-8")
        assert text.startswith("So ky hieu: 20/TB-SKHCN\nLoai van ban: Thông báo\n")
        assert "\nLĩnh vực: Khoa học và công nghệ\n" in text
        page.close()
    finally:
        hand_written.unlink()


# Every screen of the desk: its name in test-artifacts/desk/ and its address.
DESK_SCREENS = [
    ("tin-bai", ""),
    ("van-ban", "#/collections/van-ban"),
    ("van-ban-moi", "#/collections/van-ban/new"),
    (
        "van-ban-sua",
        "#/collections/van-ban/entries/2026/kh-15-skhcn-chuyen-doi-so-2026",
    ),
    ("trang", "#/collections/trang"),
    ("trang-sua", "#/collections/trang/entries/gioi-thieu"),
    ("lich-cong-tac", "#/collections/lich-cong-tac"),
    ("lich-tuan-moi", "#/collections/lich-cong-tac/new"),
    ("website-lien-ket", "#/collections/du-lieu/entries/website-lien-ket"),
    ("anh-va-tep", "#/collections/tin-tuc?anh-va-tep"),
    ("tin-bai-moi", "#/collections/tin-tuc/new"),
    ("tin-bai-sua", "#/collections/tin-tuc/entries/2026/hop-giao-ban-thang-11"),
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def open_library(page) -> None:
    """The picture and file library opens over any screen."""
    page.get_by_role("button", name="Ảnh và tệp").click()
    page.get_by_text("Tải lên", exact=True).wait_for()


def open_screen(page, base: str, route: str) -> None:
    """Opens a desk screen; "?anh-va-tep" opens the library over it."""
    route, _, media = route.partition("?")
    page.goto(f"{base}/quan-tri/{route}")
    page.locator(".desk-bar").wait_for()
    page.wait_for_timeout(1500)
    if media:
        open_library(page)


def axe_violations(page) -> list[tuple[str, list]]:
    """axe-core over the whole document, Decap's parts included: each
    violation's id and its elements, once Decap's colour changes have ended."""
    page.wait_for_function(
        """() => document.getAnimations().every(a => a.playState !== 'running'
            || a.effect.getTiming().iterations === Infinity)"""
    )
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "t => axe.run(document, {runOnly: {type: 'tag', values: t}})", AXE_TAGS
    )
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


@pytest.mark.parametrize(("name", "route"), DESK_SCREENS)
def test_every_desk_screen_is_vietnamese(browser, site, name, route):
    screens = Screens(browser, english_strings())
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    open_screen(page, site.base, route)
    screens.check(page, name)
    route, _, media = route.partition("?")
    screens.narrow(f"{site.base}/quan-tri/{route}", name, media and open_library)
    page.close()


@pytest.mark.parametrize(("name", "route"), DESK_SCREENS)
def test_every_desk_screen_passes_axe(browser, site, name, route):
    """Decap's own screens too, repaired by accessible.js and desk.css."""
    for width in (1280, 390):
        context = browser.new_context(
            bypass_csp=True, viewport={"width": width, "height": 900}
        )
        page = context.new_page()
        open_screen(page, site.base, route)
        assert_axe_passes(page, f"{name} at {width} px")
        context.close()


def assert_axe_passes(page, where: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{where}: {violations}"


def focus_by_tab(page, control, most: int = 60) -> None:
    """Presses Tab until `control` has the focus, as an editor would."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if control.evaluate("node => node === document.activeElement"):
            return
    raise AssertionError(f"{control} is not reached with Tab")


def test_decaps_repaired_controls_work_from_the_keyboard(browser, site):
    context = browser.new_context(
        bypass_csp=True, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    open_screen(page, site.base, "#/collections/tin-tuc/new")
    # Lưu: a menu button; Enter opens its menu, the first item has the focus.
    save_menu = page.get_by_role("button", name="Lưu", exact=True)
    focus_by_tab(page, save_menu)
    page.keyboard.press("Enter")
    now = page.get_by_role("menuitem", name="Lưu ngay")
    now.wait_for()
    assert save_menu.get_attribute("aria-expanded") == "true"
    assert_axe_passes(page, "the Lưu menu")
    # Lưu ngay on an empty form: the fields' errors and the notice pass too.
    page.keyboard.press("Enter")
    page.get_by_text("Chưa điền Tiêu đề.").wait_for()
    assert_axe_passes(page, "a form with errors")
    # The Markdown toolbar's heading menu: one tab stop with its name.
    headings = page.get_by_role("button", name="Tiêu đề mục")
    assert headings.count() == 1
    focus_by_tab(page, headings)
    page.keyboard.press("Enter")
    page.get_by_role("menuitem", name="Tiêu đề cấp 2").wait_for()
    page.keyboard.press("Escape")
    # A click on its icon opens it too.
    headings.click()
    page.get_by_role("menuitem", name="Tiêu đề cấp 2").wait_for()
    page.keyboard.press("Escape")
    markdown = page.get_by_role("switch", name="Soạn bằng mã Markdown")
    assert markdown.get_attribute("aria-checked") == "false"
    focus_by_tab(page, markdown)
    page.keyboard.press("Space")
    page.wait_for_function(
        "() => document.querySelector('[aria-label=\"Soạn bằng mã Markdown\"]')"
        ".getAttribute('aria-checked') === 'true'"
    )
    assert_axe_passes(page, "the Markdown text")
    # A picture from the library of a saved article (its year's folder): Tab to
    # its card, Enter chooses it.
    page.close()  # the article is not saved: a new page, without Decap's question
    page = context.new_page()
    folder = site.project / "content/images/2026"
    folder.mkdir(parents=True, exist_ok=True)
    picture(folder / "anh-ban-phim.png")
    git(site.project, "add", "content/images")
    git(site.project, "commit", "-q", "-m", "a picture for the keyboard")
    open_screen(
        page, site.base, "#/collections/tin-tuc/entries/2026/hop-giao-ban-thang-11"
    )
    choose = page.get_by_role("button", name="Chọn ảnh")
    focus_by_tab(page, choose)
    page.keyboard.press("Enter")
    card = page.get_by_role("button", name="anh-ban-phim.png")
    expect(card).to_have_attribute("aria-pressed", "false")
    assert_axe_passes(page, "the library with a picture")
    focus_by_tab(page, card)
    page.keyboard.press("Enter")
    expect(card).to_have_attribute("aria-pressed", "true")
    focus_by_tab(page, page.get_by_role("button", name="Dùng tệp đã chọn"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_role("button", name="Chọn ảnh khác")).to_be_visible()

    # A list item: fold and remove by their Vietnamese names; the drag handle,
    # which only a mouse can use, is no tab stop.
    page.close()  # the article is not saved: a new page, without Decap's question
    page = context.new_page()
    open_screen(page, site.base, "#/collections/du-lieu/entries/website-lien-ket")
    fold = page.get_by_role("button", name="Thu gọn hoặc mở mục").first
    remove = page.get_by_role("button", name="Xoá mục").first
    expect(fold).to_have_attribute("aria-expanded", "false")
    focus_by_tab(page, fold)
    page.keyboard.press("Enter")
    expect(fold).to_have_attribute("aria-expanded", "true")
    page.get_by_text("Cổng Thông tin điện tử Chính phủ").first.wait_for()
    assert_axe_passes(page, "a list item open")
    page.keyboard.press("Tab")
    expect(remove).to_be_focused()
    page.keyboard.press("Enter")  # the group Trung ương, with its website
    expect(page.get_by_role("button", name="Xoá mục")).to_have_count(0)
    context.close()


def test_the_preview_waiting_page_passes_axe(browser, site):
    context = browser.new_context(
        bypass_csp=True, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{site.base}/quan-tri/xem-truoc.html?tep=content/pages/khong-co.md")
    page.get_by_text("Không tìm thấy tệp").wait_for()
    assert_axe_passes(page, "the waiting page of Xem trước")
    context.close()


def test_problems_of_a_file_written_by_hand_point_at_their_fields(browser, site):
    hand_written = site.project / "content/articles/2026/viet-tay.md"
    hand_written.write_text(
        "Title: Bài viết tay\nDate: 02/12/2026 08:00\nCategory: Tin hoat dong\n\n"
        "Đoạn đầu.\n\n<iframe src='https://www.youtube.com/embed/x'></iframe>\n",
        "utf-8",
    )
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{site.base}/quan-tri/#/collections/tin-tuc/entries/2026/viet-tay")
        bar = page.locator(".desk-bar")
        bar.get_by_text("1 lỗi, 1 cảnh báo trong bài:").wait_for()
        category = bar.get_by_role(
            "button", name=re.compile("^Lỗi — Chuyên mục: chuyên mục")
        )
        assert bar.get_by_role(
            "button", name=re.compile("^Cảnh báo — Nội dung: thẻ <iframe>")
        )
        # The form knows it too: the category is not in the list.
        select = page.get_by_label("Chuyên mục")
        assert select.input_value() == "Tin hoat dong"
        assert (
            "không có trong danh sách" in select.locator("option:checked").inner_text()
        )
        category.click()
        assert page.evaluate("document.activeElement.id") == select.get_attribute("id")
        page.get_by_label("Tiêu đề", exact=True).fill("Bài viết tay, đã sửa")
        save(page)
        page.get_by_text(
            "“Tin hoat dong” không có trong danh sách: hãy chọn lại."
        ).wait_for()
        Screens(browser, english_strings()).check(page, "8-loi-sau-khi-luu")
        page.close()
    finally:
        hand_written.unlink()
