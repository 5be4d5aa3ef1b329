"""A small news site with the cases the search must get right, built once per module.

Each article is named by its slug in ``URL``; tests compare result URLs.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import blinker
from pelican.plugins import signals

import pelicanconf
from conftest import Site, build, write_files

PLUGINS = [name for name in pelicanconf.PLUGINS if name != "search_index"]
PLUGINS.append("search_index")
INDEX = "tim-kiem/chi-muc"
QUERY_SCRIPT = Path(__file__).with_name("query_index.js")
NODE = shutil.which("node")


def article(title, date, category, body, summary="", tags=""):
    lines = [f"Title: {title}", f"Date: {date}", f"Category: {category}"]
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
        "Người dân cần cảnh giác với các thủ đoạn lừa đảo qua mạng.",
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
    return re.search(r"Date: \d\d/\d\d/(\d{4})", ARTICLES[slug]).group(1)


FILES = {f"articles/{year_of(slug)}/{slug}.md": text for slug, text in ARTICLES.items()}


def url(slug: str) -> str:
    return f"tin-tuc/{year_of(slug)}/{slug}/"


def clear_signals() -> None:
    for signal in vars(signals).values():
        if isinstance(signal, blinker.Signal):
            signal._clear_state()


def build_site(root: Path, files: dict[str, str] | None = None, **overrides) -> Site:
    """Build the fixture site (or ``files``) with the search index plugin."""
    clear_signals()
    content = root / "content"
    write_files(content, FILES if files is None else files)
    overrides = {"PLUGINS": PLUGINS, "LINKED_WEBSITES_FILE": "", **overrides}
    output = build(content, root / "output", **overrides)
    clear_signals()
    return Site(output)


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
