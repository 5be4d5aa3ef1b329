"""A small documents database to build in tests: replaced, expired, not yet in
effect, amended, an open draft, and one of each kind of malformed file."""

from __future__ import annotations

import pelicanconf
from official_documents.library import LIST_SETTINGS

PDF = b"%PDF-1.4\n% test\n" + b"0" * 2500  # 2,5 KB

# The project's settings for tests/ (its build with every plugin).
SETTINGS = {
    "LINKED_WEBSITES_FILE": "",
    "BUILD_PROGRESS_SECONDS": None,
    "SITE_ORIGIN": "https://sokhcn.example.gov.vn",
    "ACCESS_TO_INFORMATION": {
        "contact": {"unit": "Văn phòng Sở", "email": "sokhcn@quangninh.gov.vn"},
        "forms": [("Phiếu yêu cầu", "files/phieu-yeu-cau.pdf")],
        "published": [("Văn bản", "van-ban/")],
    },
}


# The plugin's own tests: Pelican's defaults, the project's lists of kinds,
# issuers and sectors; articles only from articles/, attachments copied.
ALONE = {
    **{name: getattr(pelicanconf, name) for name in LIST_SETTINGS},
    "ARTICLE_PATHS": ["articles"],
    "STATIC_PATHS": ["files"],
    "PAGINATED_TEMPLATES": {"documents": 20},
    "SITE_ORIGIN": SETTINGS["SITE_ORIGIN"],
    "ACCESS_TO_INFORMATION": SETTINGS["ACCESS_TO_INFORMATION"],
}


# Some of the static filter pages of DOCUMENTS, by the link's text.
FILTER_LINKS = {
    "Quyết định": "/van-ban/loai/quyet-dinh/",
    "Kế hoạch": "/van-ban/loai/ke-hoach/",
    "Sở Khoa học và Công nghệ tỉnh Quảng Ninh": (
        "/van-ban/co-quan/so-khoa-hoc-va-cong-nghe-tinh-quang-ninh/"
    ),
    "Cải cách hành chính": "/van-ban/linh-vuc/cai-cach-hanh-chinh/",
    "2024": "/van-ban/nam/2024/",
    "Hết hiệu lực": "/van-ban/tinh-trang/het-hieu-luc/",
    "Dự thảo lấy ý kiến": "/van-ban/tinh-trang/du-thao-lay-y-kien/",
}


def document(number, issued, effective="", kind="Quyết định", **fields) -> str:
    lines = [f"Số ký hiệu: {number}"] if number is not None else []
    lines += [
        f"Loại văn bản: {kind}",
        "Cơ quan ban hành: " + fields.pop("issuer", "Ủy ban nhân dân tỉnh Quảng Ninh"),
        "Người ký: " + fields.pop("signer", "Hoàng Minh Đức - Chủ tịch"),
        f"Ngày ban hành: {issued}",
    ]
    if effective:
        lines.append(f"Ngày hiệu lực: {effective}")
    lines.append("Lĩnh vực: " + fields.pop("sectors", "Khoa học và công nghệ"))
    summary = fields.pop("summary", f"Trích yếu của văn bản {number}")
    lines.append(f"Trích yếu: {summary}")
    lines.append("Tệp: " + fields.pop("files", "files/van-ban/a.pdf"))
    # Keyword arguments name labels with "_" for spaces: Thay_the="...".
    labels = {"Thay_the": "Thay thế"}
    lines += [f"{labels.get(label, label)}: {value}" for label, value in fields.items()]
    return "\n".join(lines) + "\n"


DOCUMENTS = {
    "van-ban/2022/qd-2548.md": document("2548/QĐ-UBND", "15/09/2022", "15/09/2022"),
    "van-ban/2024/qd-215.md": document(
        "215/QĐ-UBND",
        "22/01/2024",
        "22/01/2024",
        sectors="Khoa học và công nghệ, Cải cách hành chính",
        summary="Công bố danh mục thủ tục hành chính lĩnh vực khoa học và công nghệ",
        files="files/van-ban/a.pdf, files/van-ban/phu-luc.xlsx",
        **{"Thay thế": "2548/QĐ-UBND"},
    )
    + "\nVăn bản có **phụ lục** kèm theo.\n\n# Phụ lục\n\nDanh mục 52 thủ tục.\n",
    "van-ban/2026/qd-35.md": document(
        "35/2026/QĐ-UBND",
        "20/11/2026",
        "01/07/2027",
        summary="Ban hành Quy định quản lý nhiệm vụ khoa học, công nghệ",
    ),
    "van-ban/2021/qd-185.md": document(
        "185/QĐ-SKHCN",
        "10/06/2021",
        "10/06/2021",
        issuer="Sở Khoa học và Công nghệ tỉnh Quảng Ninh",
        signer="Nguyễn Thị Thu Hằng - Phó Giám đốc",
        sectors="Sở hữu trí tuệ",
        **{"Ngày hết hiệu lực": "01/01/2026"},
    ),
    "van-ban/2025/qd-412.md": document(
        "412/QĐ-SKHCN",
        "18/08/2025",
        "01/09/2025",
        issuer="Sở Khoa học và Công nghệ tỉnh Quảng Ninh",
        signer="Phạm Quang Minh - Giám đốc",
        **{"Sửa đổi": "185/QĐ-SKHCN"},
    ),
    "van-ban/2026/du-thao-01.md": document(
        "DT-01/2026/SKHCN",
        "25/11/2026",
        kind="Kế hoạch",
        signer="",
        sectors="Chuyển đổi số",
        summary="Kế hoạch chuyển đổi số năm 2027",
        **{
            "Dự thảo": "có",
            "Lấy ý kiến từ": "25/11/2026",
            "Lấy ý kiến đến": "25/01/2027",
            "Góp ý gửi về": "gopy@quangninh.gov.vn",
        },
    ),
    "files/van-ban/a.pdf": PDF,
    "files/van-ban/phu-luc.xlsx": b"PK\x03\x04" + b"x" * 1500000,
    "files/phieu-yeu-cau.pdf": PDF,
    "articles/2024/tin.md": (
        "Title: Tin\nDate: 01/02/2024 08:00\nCategory: Thông báo\n\nNội dung.\n"
    ),
}

# Each malformed case: (file, text, line, words of the message, words of the fix).
MALFORMED = [
    (
        "van-ban/2024/thieu-so.md",
        document(None, "10/01/2024", "10/01/2024"),
        1,
        'thiếu "Số ký hiệu"',
        'thêm dòng "Số ký hiệu: ..."',
    ),
    (
        "van-ban/2024/trung-so.md",
        document("215/QD-UBND", "05/03/2024", "05/03/2024"),
        1,
        'trùng số ký hiệu "215/QD-UBND" năm 2024 với tệp',
        "sửa số ký hiệu",
    ),
    (
        "van-ban/2024/sai-loai.md",
        document("7/QĐ-SKHCN", "10/01/2024", "10/01/2024", kind="Quyet dinh"),
        2,
        'Loại văn bản "Quyet dinh" không có trong danh sách',
        'có phải là "Quyết định"?',
    ),
    (
        "van-ban/2024/ngay-sai.md",
        document("8/QĐ-SKHCN", "31/02/2024", "01/03/2024"),
        5,
        'Ngày ban hành: ngày "31/02/2024" không có thật',
        "ngày viết trước tháng",
    ),
    (
        "van-ban/2024/hieu-luc-truoc.md",
        document("9/QĐ-SKHCN", "10/01/2024", "01/01/2024"),
        6,
        "Ngày hiệu lực (01/01/2024) trước Ngày ban hành (10/01/2024)",
        "kiểm tra lại hai ngày",
    ),
    (
        "van-ban/2024/thieu-tep.md",
        document("10/QĐ-SKHCN", "10/01/2024", "10/01/2024", files="files/khong-co.pdf"),
        9,
        'không tìm thấy tệp "files/khong-co.pdf"',
        "kiểm tra tên tệp",
    ),
    (
        "van-ban/2024/lien-ket-sai.md",
        document("11/QĐ-SKHCN", "10/01/2024", "10/01/2024", Thay_the="999/QĐ-UBND"),
        10,
        'không có văn bản nào số "999/QĐ-UBND" để liên kết',
        "thêm tệp của văn bản đó trước",
    ),
]


def write_site(root, files: dict) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
