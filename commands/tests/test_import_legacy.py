"""`sokhcn import`: saved pages of the old portal become Markdown articles."""

from __future__ import annotations

import argparse
import json
import logging
import unicodedata
from pathlib import Path

import pytest
from pelican.settings import read_settings

from commands import import_legacy
from conftest import PROJECT

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PORTAL = FIXTURES / "old_portal"
SEED_CAPTURE = FIXTURES / "seed_capture.txt"
SETTINGS = str(PROJECT / "pelicanconf.py")
SEED_TITLE = (
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ HỌP ĐÁNH GIÁ KẾT QUẢ HOẠT ĐỘNG THÁNG 10 VÀ SƠ KẾT 9 "
    "THÁNG NĂM 2017, PHƯƠNG HƯỚNG NHIỆM VỤ THÁNG 11 VÀ QUÝ IV NĂM 2017"
)
SEED_FILE = (
    "2017/so-khoa-hoc-va-cong-nghe-hop-danh-gia-ket-qua-"
    "hoat-dong-thang-10-va-so-ket-9.md"
)
NOTICE_FILE = (
    "2017/thong-bao-tuyen-chon-to-chuc-ca-nhan-chu-tri-"
    "nhiem-vu-khoa-hoc-va-cong-nghe-cap.md"
)
TECHMART_FILE = "2018/techmart-quang-ninh-2018-gioi-thieu-hon-200-cong-nghe-thiet-bi.md"
SIDEBAR_AND_CHROME = [
    "Thống kê truy cập",
    "Tin Nóng",
    "Tin tiêu điểm",
    "Website liên kết",
    "Lịch công tác",
    "Tìm kiếm theo chuyên mục",
    "Hôm nay",
    "Đã truy cập",
    "1866336",
    "Các tin khác",
    "In bài viết",
    "Gửi email",
    "Bản quyền",
    "0203.3835.410",
    "Giới thiệu",
    "__VIEWSTATE",
    "quảng cáo",
]


def run_import(tmp_path: Path, *sources, options=()) -> int:
    parser = argparse.ArgumentParser()
    import_legacy.add_arguments(parser)
    args = parser.parse_args(
        [
            *(str(source) for source in sources),
            "--out", str(tmp_path / "content" / "articles"),
            "--assets", str(tmp_path / "content"),
            "--settings", SETTINGS,
            *options,
        ]
    )  # fmt: skip
    return import_legacy.run(args)


def article_text(tmp_path: Path, relative: str) -> str:
    return (tmp_path / "content" / "articles" / relative).read_text(encoding="utf-8")


def header_and_body(text: str) -> tuple[list[str], str]:
    header, _, body = text.partition("\n\n")
    return header.splitlines(), body


def assert_no_sidebar(text: str) -> None:
    for chrome in SIDEBAR_AND_CHROME:
        assert chrome not in text, chrome


def test_seed_page(tmp_path, capsys):
    assert run_import(tmp_path, PORTAL / "ChiTietTinTuc_7705.html") == 0
    header, body = header_and_body(article_text(tmp_path, SEED_FILE))
    assert header == [
        f"Title: {SEED_TITLE}",
        "Date: 16/11/2017 10:00",
        "Category: Tin hoạt động",
        "Author: Trương Thế Bình - Văn phòng",
        "Summary: Ngày 16/10/2017, Sở Khoa học và Công nghệ tổ chức họp phiên thường "
        "kỳ tháng 10 và sơ kết 9 tháng năm 2017, Đ/c Tạ Duy Thịnh - Giám đốc Sở chủ "
        "trì cuộc họp, tham dự cuộc họp có các đồng chí Lãnh đạo Sở và trưởng, phó "
        "các phòng, đơn vị trực thuộc Sở.",
        "Attachments: files/2017/ke-hoach.pdf",
        "LegacyURL: ChiTietTinTuc.aspx?nid=7705",
    ]
    assert body.startswith(
        "![Quang cảnh cuộc họp]({static}/images/2017/hop-giao-ban.jpg)\n\n"
        "*Quang cảnh cuộc họp*\n\n"
    )
    # "- " paragraphs of the old editor are one Markdown list.
    assert (
        "các nhiệm vụ sau:\n\n"
        "- Về nội dung hoàn thành kế hoạch hoạt động năm 2017: Các phòng"
    ) in body
    items = [line for line in body.splitlines() if line.startswith("- ")]
    assert len(items) == 3
    assert items[2].endswith(
        "thực hiện *Chỉ thị số 05-CT/TW*, ngày 15-5-2016 của Bộ Chính trị."
    )
    assert "**100% thủ tục hành chính**" in body
    assert "[Kế hoạch hoạt động năm 2018]({static}/files/2017/ke-hoach.pdf)" in body
    # A link to an old page that is not imported: the text stays, with a warning.
    assert "Tin liên quan: Họp giao ban tháng 9." in body
    assert body.rstrip().endswith("văn bản chỉ đạo của Trung ương và của Tỉnh…")
    assert "Trương Thế Bình" not in body  # the byline went to Author
    assert_no_sidebar(body)
    images = tmp_path / "content" / "images" / "2017" / "hop-giao-ban.jpg"
    assert (
        images.read_bytes()
        == (PORTAL / "ChiTietTinTuc_7705_files" / "hop-giao-ban.jpg").read_bytes()
    )
    attachment = tmp_path / "content" / "files" / "2017" / "ke-hoach.pdf"
    assert (
        attachment.read_bytes()
        == (PORTAL / "Portals/0/Files/ke-hoach.pdf").read_bytes()
    )
    captured = capsys.readouterr()
    assert "Đã nhập 1 bài, bỏ qua 0." in captured.out
    assert "liên kết tới trang cũ ChiTietTinTuc.aspx?nid=7650 chưa có bài" in (
        captured.err
    )


def test_nfd_page_comes_out_nfc(tmp_path, capsys):
    source = PORTAL / "ChiTietTinTuc_8120.html"
    raw = source.read_text(encoding="utf-8")
    assert raw != unicodedata.normalize("NFC", raw)  # the fixture really is NFD
    assert run_import(tmp_path, source) == 0
    text = article_text(tmp_path, NOTICE_FILE)
    assert text == unicodedata.normalize("NFC", text)
    header, body = header_and_body(text)
    assert header == [
        "Title: Thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ khoa học và "
        "công nghệ cấp tỉnh năm 2018",
        "Date: 05/12/2017 15:15",  # "03:15:00 CH" is a quarter past three p.m.
        "Category: Thông báo",
        "Author: Nguyễn Thị Hương - Phòng Quản lý khoa học",
        "Summary: Sở Khoa học và Công nghệ thông báo tuyển chọn tổ chức, cá nhân chủ "
        "trì thực hiện các nhiệm vụ khoa học và công nghệ cấp tỉnh bắt đầu thực hiện "
        "từ năm 2018.",
        "Attachments: files/2017/mau-don-dang-ky.pdf",
        "LegacyURL: ChiTietTinTuc.aspx?nid=8120",
    ]
    assert (
        "### Hồ sơ đăng ký\n\n"
        "- **Đơn đăng ký** chủ trì thực hiện nhiệm vụ (theo *mẫu B1-1-ĐON*);\n"
        "- Thuyết minh nhiệm vụ và dự toán kinh phí;\n"
        "    - đối với đề tài: mẫu B1-2a-TMĐTCN;\n"
        "    - đối với dự án sản xuất thử nghiệm: mẫu B1-2b-TMDAKHCN;\n"
        "- Văn bản xác nhận về sự đồng ý của các tổ chức đăng ký phối hợp.\n\n"
        "1\\. Hồ sơ nộp trực tiếp"  # a numbered paragraph, not a list
    ) in body
    assert "[Cổng thông tin Bộ Khoa học và Công nghệ](http://www.most.gov.vn/)" in body
    assert "(mailto:qlkh.sokhcn@quangninh.gov.vn)" in body
    assert_no_sidebar(body)
    assert (tmp_path / "content/files/2017/mau-don-dang-ky.pdf").is_file()
    assert "CẢNH BÁO" not in capsys.readouterr().err


def test_unknown_category_falls_back_with_a_warning(tmp_path, capsys):
    source = PORTAL / "ChiTietTinTuc_9034.html"
    assert run_import(tmp_path, source) == 0
    err = capsys.readouterr().err
    assert f"CẢNH BÁO: {source}: không xác định được chuyên mục" in err
    assert "Tin tức tổng hợp" in err and '"Tin hoạt động"' in err
    header, body = header_and_body(article_text(tmp_path, TECHMART_FILE))
    assert header == [
        "Title: Techmart Quảng Ninh 2018 giới thiệu hơn 200 công nghệ, thiết bị",
        "Date: 23/11/2018 15:30",  # found after the title, no date element
        "Category: Tin hoạt động",
        "Author: Lê Minh Tuấn - Trung tâm Thông tin và Thống kê KH&CN",
        "LegacyURL: ChiTietTinTuc.aspx?nid=9034",  # from "saved from url", no tabid
    ]
    picture = "{static}/images/2018/anh-techmart-2018.png"
    assert (
        f"[![Khách tham quan gian hàng tại Techmart Quảng Ninh 2018]({picture})]"
        f"({picture})"
    ) in body
    assert (tmp_path / "content/images/2018/anh-techmart-2018.png").is_file()
    # <br><br> separated paragraphs; text that looks like HTML stays text.
    assert (
        "**Chợ công nghệ và thiết bị (Techmart) Quảng Ninh 2018**.\n\nTechmart" in body
    )
    assert "năng lượng &lt;5% so với" in body
    assert (
        "| **Nội dung** | **Số lượng** |\n| --- | --- |\n"
        "| Hợp đồng, biên bản ghi nhớ được ký | 46 |\n"
    ) in body
    assert "xem Thông báo tuyển chọn. Tin liên quan: Chuẩn bị tổ chức" in body
    assert_no_sidebar(body)


@pytest.mark.parametrize(
    "options",
    [
        ["--category", "khoa hoc va cong nghe"],
        ["--map-category", "tin tuc - tong hop=khoa hoc va cong nghe"],
    ],
)
def test_category_options(tmp_path, capsys, options):
    assert (
        run_import(tmp_path, PORTAL / "ChiTietTinTuc_9034.html", options=options) == 0
    )
    header, _ = header_and_body(article_text(tmp_path, TECHMART_FILE))
    assert "Category: Khoa học và công nghệ" in header
    if options[0] == "--map-category":
        assert "chuyên mục" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "options",
    [["--category", "Tin tức"], ["--map-category", "Tin tức tổng hợp"]],
)
def test_invalid_category_options(tmp_path, capsys, options):
    assert run_import(tmp_path, PORTAL, options=options) == 2
    assert "Tin hoạt động" in capsys.readouterr().err  # the valid ones are listed
    assert not (tmp_path / "content").exists()


def test_plain_text_capture(tmp_path, capsys):
    assert run_import(tmp_path, SEED_CAPTURE) == 0
    err = capsys.readouterr().err
    assert "không xác định được chuyên mục" in err and "LegacyURL" in err
    header, body = header_and_body(article_text(tmp_path, SEED_FILE))
    assert header == [
        f"Title: {SEED_TITLE}",
        "Date: 16/11/2017 10:00",
        "Category: Tin hoạt động",
        "Author: Trương Thế Bình - Văn phòng",
    ]
    paragraphs = body.rstrip("\n").split("\n\n")
    assert paragraphs[0].startswith("Ngày 16/10/2017, Sở Khoa học và Công nghệ tổ chức")
    items = paragraphs[3].split("\n")
    assert len(items) == 4 and all(item.startswith("- ") for item in items)
    assert items[0].startswith("- Về nội dung hoàn thành kế hoạch hoạt động năm 2017")
    assert items[2].startswith("- Các nhiệm vụ lớn, trọng tâm của Sở như")
    assert paragraphs[-1].startswith("Cũng tại Hội nghị giao ban")
    assert_no_sidebar(body)


def test_folder_import_then_no_overwrite(tmp_path, capsys):
    assert run_import(tmp_path, PORTAL) == 0
    out = capsys.readouterr().out
    assert "Đã nhập 3 bài, bỏ qua 0." in out  # _files/ and Portals/ hold no pages
    articles = tmp_path / "content" / "articles"
    before = {path: path.read_bytes() for path in articles.rglob("*.md")}
    assert sorted(p.relative_to(articles).as_posix() for p in before) == sorted(
        [SEED_FILE, NOTICE_FILE, TECHMART_FILE]
    )
    # A link between two imported pages becomes a link between the two files.
    assert (
        f"xem [Thông báo tuyển chọn]({{filename}}/articles/{NOTICE_FILE}). "
        "Tin liên quan: Chuẩn bị tổ chức"
    ) in article_text(tmp_path, TECHMART_FILE)
    # An editor fixes an imported article; a second import must not undo it.
    seed = articles / SEED_FILE
    seed.write_text(seed.read_text("utf-8") + "\nĐã biên tập.\n", encoding="utf-8")
    before[seed] = seed.read_bytes()

    assert run_import(tmp_path, PORTAL) == 1
    captured = capsys.readouterr()
    assert "Đã nhập 0 bài, bỏ qua 3." in captured.out
    for name in ("7705", "8120", "9034"):
        assert f"LỖI: {PORTAL}/ChiTietTinTuc_{name}.html: bài này đã được nhập" in (
            captured.err
        )
    assert {path: path.read_bytes() for path in articles.rglob("*.md")} == before


def test_same_article_as_page_and_as_text_is_imported_once(tmp_path, capsys):
    code = run_import(tmp_path, PORTAL / "ChiTietTinTuc_7705.html", SEED_CAPTURE)
    assert code == 1
    captured = capsys.readouterr()
    assert "Đã nhập 1 bài, bỏ qua 1." in captured.out
    assert "có cùng tiêu đề và ngày đăng" in captured.err
    assert "LegacyURL: ChiTietTinTuc.aspx?nid=7705" in article_text(tmp_path, SEED_FILE)


def test_other_article_with_the_same_file_name_is_kept(tmp_path, capsys):
    existing = tmp_path / "content" / "articles" / TECHMART_FILE
    existing.parent.mkdir(parents=True)
    existing.write_text(
        "Title: Techmart Quảng Ninh 2018 giới thiệu hơn 200 công nghệ, thiết bị\n"
        "Date: 01/10/2018 08:00\nCategory: Thông báo\n\nBài khác, viết tay.\n",
        encoding="utf-8",
    )
    assert run_import(tmp_path, PORTAL / "ChiTietTinTuc_9034.html") == 0
    assert existing.read_text("utf-8").endswith("Bài khác, viết tay.\n")
    second = existing.with_name(existing.stem + "-2.md")
    assert "LegacyURL: ChiTietTinTuc.aspx?nid=9034" in second.read_text("utf-8")
    assert f"được ghi thành {second.name}" in capsys.readouterr().err


def test_problems_name_the_file(tmp_path, capsys):
    pages = tmp_path / "luu"
    pages.mkdir()
    home = pages / "TrangChu.html"
    home.write_text(
        "<html><body><div class='ModuleTitle'>Tin Nóng</div></body></html>", "utf-8"
    )
    broken = pages / "ChiTietTinTuc_1.html"
    broken.write_text(
        "<html><head><link rel='canonical' href='ChiTietTinTuc.aspx?nid=1'></head>"
        "<body><span id='x_lblTieuDe'>Tin có ảnh thiếu</span>"
        "<span id='x_lblNgayDang'>01/02/2016 09:00</span>"
        "<div id='x_lblNoiDung'><p>Đoạn một.</p>"
        "<p><img src='/Portals/0/Images/khong-co.jpg' alt='Ảnh'></p></div>"
        "</body></html>",
        "utf-8",
    )
    undated = pages / "ChiTietTinTuc_2.txt"
    undated.write_text("Tiêu đề\nkhông phải ngày\nNội dung.\n", "utf-8")
    missing = tmp_path / "khong-co-thu-muc"
    assert run_import(tmp_path, pages, missing) == 1
    captured = capsys.readouterr()
    assert f"LỖI: {home}: không thấy tiêu đề bài viết" in captured.err
    assert f"LỖI: {undated}: dòng thứ hai" in captured.err
    assert f"LỖI: {missing}: không tìm thấy" in captured.err
    assert f"LỖI: {broken}: không tìm thấy tệp ảnh /Portals/0/Images/khong-co.jpg" in (
        captured.err
    )
    assert "Đã nhập 1 bài, bỏ qua 3." in captured.out
    assert "Có 1 bài đã nhập nhưng còn lỗi" in captured.out
    text = article_text(tmp_path, "2016/tin-co-anh-thieu.md")
    assert text.endswith("\n\nĐoạn một.\n") and "khong-co.jpg" not in text


def test_imported_articles_build_into_pages(tmp_path, make_site, caplog):
    assert run_import(tmp_path, PORTAL) == 0
    plugins = [*read_settings(SETTINGS)["PLUGINS"], "legacy_redirects"]
    with caplog.at_level(logging.WARNING):
        site = make_site({}, LINKED_WEBSITES_FILE="", PLUGINS=plugins)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []

    seed = site.soup(f"tin-tuc/{SEED_FILE.removesuffix('.md')}/")
    assert seed.select_one("h1.article__title").get_text() == SEED_TITLE
    assert seed.select_one(".article__date time").get_text() == "16/11/2017 10:00"
    byline = seed.select_one(".byline").get_text(" ", strip=True)
    assert byline == "Trương Thế Bình - Văn phòng"
    body = seed.select_one(".article__body")
    assert len(body.select("ul > li")) == 3
    assert body.find("img")["src"] == "/images/2017/hop-giao-ban.jpg"
    assert site.exists("images/2017/hop-giao-ban.jpg")
    attachments = seed.select(".attachments a")
    assert [a["href"] for a in attachments] == ["/files/2017/ke-hoach.pdf"]
    assert site.exists("files/2017/ke-hoach.pdf")
    assert_no_sidebar(body.get_text())

    notice = site.soup(f"tin-tuc/{NOTICE_FILE.removesuffix('.md')}/")
    assert notice.select_one(".article__category a").get_text() == "Thông báo"
    assert len(notice.select(".article__body ul ul > li")) == 2

    techmart = site.soup(f"tin-tuc/{TECHMART_FILE.removesuffix('.md')}/")
    assert techmart.select_one(".byline").get_text(" ", strip=True) == (
        "Lê Minh Tuấn - Trung tâm Thông tin và Thống kê KH&CN"
    )
    assert techmart.select_one(".article__body table")
    link = techmart.select_one(".article__body").find(
        "a", string="Thông báo tuyển chọn"
    )
    assert link["href"] == f"/tin-tuc/{NOTICE_FILE.removesuffix('.md')}/"
    assert "<5%" in techmart.select_one(".article__body").get_text()

    table = json.loads(site.text("redirects/legacy.json"))
    assert table == {
        f"/ChiTietTinTuc.aspx?nid={nid}": f"/tin-tuc/{name.removesuffix('.md')}/"
        for nid, name in (
            (7705, SEED_FILE),
            (8120, NOTICE_FILE),
            (9034, TECHMART_FILE),
        )
    }


def cp1258(text: str) -> bytes:
    """Windows-1258 as old Vietnamese sites wrote it: letters plus combining tones."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    encoded = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            encoded += char.encode("cp1258")
        except UnicodeEncodeError:
            marks = unicodedata.normalize("NFD", char)
            letter = "".join(mark for mark in marks if mark not in tones)
            tone = "".join(mark for mark in marks if mark in tones)
            encoded += (unicodedata.normalize("NFC", letter) + tone).encode("cp1258")
    return bytes(encoded)


def test_windows_1258_page_and_images_from_elsewhere(tmp_path, capsys):
    page = tmp_path / "ChiTietTinTuc_4321.htm"
    html = (
        '<html><head><meta http-equiv="Content-Type" '
        'content="text/html; charset=windows-1258">'
        '<link rel="canonical" href="http://khcn.quangninh.gov.vn/ChiTietTinTuc.aspx?'
        'nid=4321"></head><body>'
        '<span id="dnn_ctr1_ViewTinTuc_lblTieuDe">Hội thảo ứng dụng tiến bộ kỹ thuật '
        "ở Đông Triều</span>"
        '<span id="dnn_ctr1_ViewTinTuc_lblNgayDang">09/05/2014 08:00</span>'
        '<div id="dnn_ctr1_ViewTinTuc_lblNoiDung"><p>Đoàn công tác của Sở đã làm '
        "việc với huyện Đông Triều.</p>"
        '<p><img src="http://anh.example.com/hoi-thao.jpg" alt="Hội thảo"></p>'
        f'<p><img src="data:image/png;base64,{"A" * 400}" alt="Ảnh nhúng"></p>'
        "<p>Phạm Thị Thuỷ - Phòng Quản lý công nghệ</p></div></body></html>"
    )
    page.write_bytes(cp1258(html))
    assert b"charset=windows-1258" in page.read_bytes()
    assert run_import(tmp_path, page) == 1  # imported, but with lost pictures
    captured = capsys.readouterr()
    assert "Đã nhập 1 bài, bỏ qua 0." in captured.out
    assert "ảnh http://anh.example.com/hoi-thao.jpg ở trang web khác" in captured.err
    assert "ảnh data:image/png;base64,AAAA" in captured.err
    assert "A" * 100 not in captured.err  # long data: URLs are shortened
    text = article_text(
        tmp_path, "2014/hoi-thao-ung-dung-tien-bo-ky-thuat-o-dong-trieu.md"
    )
    assert text == unicodedata.normalize("NFC", text)
    assert text == (
        "Title: Hội thảo ứng dụng tiến bộ kỹ thuật ở Đông Triều\n"
        "Date: 09/05/2014 08:00\n"
        "Category: Tin hoạt động\n"
        "Author: Phạm Thị Thuỷ - Phòng Quản lý công nghệ\n"
        "LegacyURL: ChiTietTinTuc.aspx?nid=4321\n"
        "\n"
        "Đoàn công tác của Sở đã làm việc với huyện Đông Triều.\n"
    )
