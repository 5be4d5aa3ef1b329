"""A small news site with the cases the search must get right, built once per
module with the plugin and those it requires (tests/search_site.py builds it
with the whole project, for the search page).

Each article is named by its slug in ``URL``; tests compare result URLs.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import unicodedata
from datetime import datetime
from pathlib import Path

import pelicanconf
from conftest import Site, clear_pelican_signals, plugin_build, write_files

# The project's addresses and category order, articles from articles/ only.
SETTINGS = {
    "ARTICLE_PATHS": ["articles"],
    "SLUGIFY_SOURCE": "basename",
    "ARTICLE_URL": "tin-tuc/{date:%Y}/{slug}/",
    "ARTICLE_SAVE_AS": "tin-tuc/{date:%Y}/{slug}/index.html",
    "CATEGORIES": pelicanconf.CATEGORIES,
}
INDEX = "tim-kiem/chi-muc"
QUERY_SCRIPT = Path(__file__).with_name("query_index.js")
NODE = shutil.which("node")


def article(title, date, category, body, summary="", tags=""):
    """``date`` day first, written ISO (day-first dates are newsroom's)."""
    when = datetime.strptime(date, "%d/%m/%Y %H:%M")
    lines = [f"Title: {title}", f"Date: {when:%Y-%m-%d %H:%M}", f"Category: {category}"]
    if summary:
        lines.append(f"Summary: {summary}")
    if tags:
        lines.append(f"Tags: {tags}")
    return "\n".join(lines) + "\n\n" + body + "\n"


ARTICLES = {
    "hop-giao-ban-thang-11": article(
        "Sở Khoa học và Công nghệ họp giao ban công tác tháng 11",
        "16/11/2017 10:00",
        "Tin hoạt động",
        "Sáng 16/11, Sở tổ chức họp giao ban công tác tháng 11. Tại buổi họp giao "
        "ban, các phòng báo cáo kết quả thực hiện nhiệm vụ.",
    ),
    "hop-giao-ban-quy-iv": article(
        "Họp giao ban quý IV năm 2017",
        "20/12/2017 14:00",
        "Chỉ đạo điều hành",
        "Lãnh đạo Sở chủ trì cuộc họp giao ban quý IV, thống nhất nhiệm vụ năm mới.",
    ),
    "hop-tac-ban-giao": article(
        "Hợp tác nghiên cứu, bàn giao thiết bị và ban hành quy chế",
        "10/10/2017 09:00",
        "Tin hoạt động",
        "Hai bên ký thỏa thuận hợp tác. Đơn vị giao nhiệm vụ cho từng phòng, bàn giao "
        "thiết bị và ban hành quy chế. Hợp tác, giao việc, ban hành, hợp tác, giao "
        "nhận, ban chỉ đạo.",
    ),
    "thu-hut-dau-tu": article(
        "Thu hút đầu tư vào khoa học và công nghệ",
        "05/02/2020 08:30",
        "Đề tài - dự án",
        "Tỉnh ưu tiên đầu tư cho đổi mới công nghệ của doanh nghiệp.",
        summary="Nguồn vốn đầu tư được phân bổ cho các dự án trọng điểm.",
    ),
    "phan-mem-moi": article(
        "Triển khai phần mềm quản lý văn bản mới",
        "06/02/2020 08:30",
        "Chuyển đổi số",
        "Bắt đầu từ ngày 01/3, các phòng dùng phần mềm mới để gửi nhận văn bản.",
    ),
    "gom-su-dong-trieu": article(
        "Phát triển nhãn hiệu gốm sứ Đông Triều",
        "01/03/2019 10:00",
        "Sở hữu trí tuệ",
        "Thị xã Đông Triều đã được cấp văn bằng bảo hộ nhãn hiệu tập thể gốm sứ.",
    ),
    "kinh-phi-hai-trieu": article(
        "Hỗ trợ kinh phí cho hộ nuôi ong",
        "02/03/2019 10:00",
        "Đề tài - dự án",
        "Mỗi hộ được hỗ trợ hai triệu đồng để mua giống, đồng thời được tập huấn.",
    ),
    "hoa-nhap-cong-dong": article(
        "Hỗ trợ người khuyết tật hòa nhập cộng đồng",
        "15/06/2018 09:00",
        "Tin hoạt động",
        "Thiết bị hỗ trợ giúp người khuyết tật hòa nhập tốt hơn với cộng đồng.",
    ),
    "giao-duc-hoa-nhap": article(
        "Giáo dục hoà nhập cho trẻ em",
        "16/06/2018 09:00",
        "Khoa học và công nghệ",
        "Mô hình giáo dục hoà nhập được nhân rộng tại các trường.",
    ),
    "nuoi-trong-thuy-san": article(
        "Ứng dụng công nghệ trong nuôi trồng thủy sản",
        "01/01/2016 08:00",
        "Khoa học và công nghệ",
        "Các hộ nuôi thủy sản được tập huấn quy trình kỹ thuật mới.",
    ),
    "che-bien-thuy-san": article(
        "Chế biến thuỷ sản xuất khẩu",
        "31/12/2016 16:00",
        "Đề tài - dự án",
        "Sản phẩm thuỷ sản chế biến đạt tiêu chuẩn xuất khẩu.",
    ),
    "kiem-dinh-phuong-tien-do": unicodedata.normalize(
        "NFD",
        article(
            "Kiểm định phương tiện đo tại chợ Hạ Long",
            "02/01/2017 09:00",
            "Tiêu chuẩn - Đo lường - Chất lượng",
            "Đoàn kiểm tra đã kiểm định cân tại chợ, phục vụ người bán thủy sản.",
        ),
    ),
    "canh-bao-lua-dao": article(
        'Cảnh báo <script>alert("x")</script> & <b>lừa đảo</b> qua mạng',
        "03/04/2021 10:00",
        "Thông báo",
        # The script is gone from the text stage's body (the sanitiser).
        'Người dân cần cảnh giác với các thủ đoạn lừa đảo qua mạng.<script>alert("y")'
        "</script>",
    ),
    "ban-tin-khoa-hoc": article(
        "Bản tin khoa học tháng 5",
        "04/05/2021 10:00",
        "Thông báo",
        "Bản tin giới thiệu các kết quả nghiên cứu mới.",
    ),
    "tinh-than-doi-moi": article(
        "Tinh thần đổi mới sáng tạo",
        "05/05/2021 10:00",
        "Khoa học và công nghệ",
        "Phong trào thi đua lan tỏa tinh thần đổi mới trong cán bộ.",
    ),
    "van-ban-huong-dan": article(
        "Hướng dẫn mới",
        "01/07/2021 10:00",
        "Chỉ đạo điều hành",
        "Sở vừa gửi văn bản hướng dẫn các đơn vị.",
    ),
    "ban-giao-thiet-bi": article(
        "Thiết bị mới",
        "02/07/2021 10:00",
        "Chỉ đạo điều hành",
        "Sở vừa bàn giao thiết bị cho các đơn vị.",
    ),
}


def year_of(slug: str) -> str:
    return re.search(r"Date: (\d{4})-", ARTICLES[slug]).group(1)


FILES = {f"articles/{year_of(slug)}/{slug}.md": text for slug, text in ARTICLES.items()}


def url(slug: str) -> str:
    return f"tin-tuc/{year_of(slug)}/{slug}/"


def document(number: str, issued: str, summary: str, body: str, **fields) -> str:
    """A document file (Văn bản) of official_documents."""
    lines = [
        f"Số ký hiệu: {number}",
        "Loại văn bản: Quyết định",
        "Cơ quan ban hành: " + fields.get("issuer", "Ủy ban nhân dân tỉnh Quảng Ninh"),
        "Người ký: Hoàng Minh Đức - Chủ tịch",
        f"Ngày ban hành: {issued}",
        f"Ngày hiệu lực: {issued}",
        "Lĩnh vực: Cải cách hành chính",
        f"Trích yếu: {summary}",
        "Tệp: files/van-ban/qd.pdf",
    ]
    lines += [f"{label}: {value}" for label, value in fields.get("links", {}).items()]
    return "\n".join(lines) + "\n\n" + body + "\n"


SKHCN = "Sở Khoa học và Công nghệ tỉnh Quảng Ninh"
# Documents, and a news article that names one of them in its title and body
# more often than the document itself does.
DOCUMENTS = {
    "2024/qd-215": document(
        "215/QĐ-UBND",
        "22/01/2024",
        "Công bố danh mục thủ tục hành chính lĩnh vực khoa học và công nghệ",
        "Công bố kèm theo Quyết định này danh mục 52 thủ tục hành chính.",
    ),
    "2023/qd-98": document(
        "98/QĐ-SKHCN",
        "03/03/2023",
        "Ban hành Quy chế làm việc của Sở Khoa học và Công nghệ",
        "Quy chế quy định chế độ họp và xử lý văn bản.",
        issuer=SKHCN,
    ),
    "2025/qd-412": document(
        "412/QĐ-SKHCN",
        "18/08/2025",
        "Sửa đổi Quy chế làm việc ban hành kèm theo Quyết định số 98/QĐ-SKHCN",
        "Sửa đổi Điều 12 của Quy chế ban hành kèm theo Quyết định số 98/QĐ-SKHCN.",
        issuer=SKHCN,
        links={"Sửa đổi": "98/QĐ-SKHCN"},
    ),
}
NUMBER_ARTICLE = "quyet-dinh-215-qd-ubnd"
DOCUMENT_FILES = {
    **{f"van-ban/{name}.md": text for name, text in DOCUMENTS.items()},
    "files/van-ban/qd.pdf": "%PDF-1.4\n% test\n",
    f"articles/2024/{NUMBER_ARTICLE}.md": article(
        "Quyết định 215/QĐ-UBND về thủ tục hành chính",
        "25/01/2024 16:30",
        "Chỉ đạo điều hành",
        "Quyết định 215/QĐ-UBND công bố 52 thủ tục. Theo Quyết định 215/QĐ-UBND, "
        "41 thủ tục được cung cấp trực tuyến. Toàn văn Quyết định 215/QĐ-UBND "
        "được đính kèm.",
    ),
}


def document_url(name: str) -> str:
    return f"van-ban/{name}/"


def build_site(root: Path, files: dict[str, str] | None = None, **overrides) -> Site:
    """Build the fixture site (or ``files``) with the search index plugin."""
    clear_pelican_signals()
    content = root / "content"
    write_files(content, FILES if files is None else files)
    site = plugin_build(
        "search_index", content, root / "output", **SETTINGS, **overrides
    )
    clear_pelican_signals()
    return site


def query(site: Site, *requests: dict) -> list[dict]:
    """Run requests through search.js in node: [{urls, fallback, sort}]."""
    completed = subprocess.run(
        [NODE, str(QUERY_SCRIPT), str(site.output / INDEX)],
        input=json.dumps(list(requests)),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(completed.stdout)


# Reading a built index: its description, data folder and result records.
def meta_of(site):
    return json.loads(gzip.decompress((site.output / INDEX / "meta.bin").read_bytes()))


def data_folder(site):
    return site.output / INDEX / meta_of(site)["build"]


def records_of(site):
    folder = data_folder(site) / "d"
    meta = meta_of(site)
    records = []
    for block in range(-(-meta["count"] // meta["docsPerFile"])):
        records += json.loads(gzip.decompress((folder / f"{block}.bin").read_bytes()))
    return records
