"""Make the sample documents' PDFs from their Markdown files.

Each document under content/van-ban/ that names a PDF not yet there gets one,
laid out as a Vietnamese administrative document (issuing body, national
motto, number, place and date, title, text, signer), printed by Debian's
Chromium through Playwright with its own fonts embedded, so the Vietnamese
text is searchable and copyable. The two request forms of "Tiếp cận thông
tin" are made the same way. Existing files are kept unless --force.

    .venv/bin/python scripts/make_document_pdfs.py [--force]
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from markdown import Markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

from official_documents.document_file import read_document  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
STYLE = """
@page { size: A4; margin: 20mm 20mm 20mm 30mm; }
body { font-family: "DejaVu Serif", "Liberation Serif", serif; font-size: 13pt;
       line-height: 1.45; color: #000; }
.head { display: grid; grid-template-columns: 42% 58%; text-align: center;
        font-size: 11pt; }
.head p { margin: 0; }
.bold { font-weight: 700; }
.line { margin: 2pt auto 6pt; width: 40%; border-top: 1px solid #000; }
.date { text-align: right; font-style: italic; margin: 6pt 0 18pt; }
h1 { text-align: center; font-size: 14pt; margin: 0; text-transform: uppercase; }
.summary { text-align: center; font-weight: 700; margin: 4pt 0 18pt; }
.text p { text-align: justify; text-indent: 1.2cm; margin: 0 0 8pt; }
.sign { margin: 24pt 0 0 50%; text-align: center; }
.sign .name { margin-top: 60pt; font-weight: 700; }
.draft { text-align: center; font-weight: 700; border: 1px solid #000;
         padding: 4pt; width: 40%; margin: 0 auto 12pt; }
table { width: 100%; border-collapse: collapse; }
td { border-bottom: 1px dotted #000; height: 24pt; vertical-align: bottom; }
"""
PARENTS = {
    "Sở Khoa học và Công nghệ tỉnh Quảng Ninh": (
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    ),
    "Ủy ban nhân dân tỉnh Quảng Ninh": ("", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH"),
    "Hội đồng nhân dân tỉnh Quảng Ninh": ("", "HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH"),
}
SIGNING = {
    "Sở Khoa học và Công nghệ tỉnh Quảng Ninh": "GIÁM ĐỐC",
    "Ủy ban nhân dân tỉnh Quảng Ninh": "TM. ỦY BAN NHÂN DÂN",
    "Hội đồng nhân dân tỉnh Quảng Ninh": "CHỦ TỊCH",
}


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )


def heading(issuer: str, number: str) -> str:
    parent, own = PARENTS.get(issuer, ("", issuer.upper()))
    return (
        '<div class="head"><div>'
        + (f"<p>{escape(parent)}</p>" if parent else "")
        + f'<p class="bold">{escape(own)}</p><div class="line"></div>'
        + f"<p>Số: {escape(number)}</p></div><div>"
        + '<p class="bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>'
        + '<p class="bold">Độc lập - Tự do - Hạnh phúc</p>'
        + '<div class="line"></div></div></div>'
    )


def document_html(document) -> str:
    day = document.issued
    body = Markdown().convert(document.body)
    signing = SIGNING.get(document.issuer, "")
    title = document.kind if not document.draft else f"Dự thảo {document.kind}"
    parts = [
        '<p class="draft">DỰ THẢO LẤY Ý KIẾN</p>' if document.draft else "",
        heading(document.issuer, document.number),
        f'<p class="date">Quảng Ninh, ngày {day.day:02d} tháng {day.month:02d} '
        f"năm {day.year}</p>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="summary">{escape(document.summary)}</p>',
        f'<div class="text">{body}</div>',
    ]
    if document.signer_name:
        role = document.signer_title.upper()
        prefix = f"{signing}<br>" if signing and signing != role else ""
        kt = "KT. " if "PHÓ" in role and "GIÁM ĐỐC" in signing else ""
        parts.append(
            f'<div class="sign"><p class="bold">{kt}{prefix}{escape(role)}</p>'
            f'<p class="name">{escape(document.signer_name)}</p></div>'
        )
    return page(f"{document.title}: {document.summary}", "".join(parts))


FORM_FIELDS = [
    "Họ và tên người yêu cầu",
    "Nơi cư trú",
    "Số định danh cá nhân / Căn cước",
    "Số điện thoại, thư điện tử",
    "Thông tin cần cung cấp",
    "Mục đích sử dụng thông tin",
    "Cách nhận thông tin (trực tiếp, bưu chính, thư điện tử)",
]
FORMS = {
    "files/tiep-can-thong-tin/phieu-yeu-cau-cung-cap-thong-tin.pdf": (
        "Dành cho công dân tự yêu cầu cung cấp thông tin",
        FORM_FIELDS,
    ),
    "files/tiep-can-thong-tin/phieu-yeu-cau-qua-nguoi-dai-dien.pdf": (
        "Dành cho công dân yêu cầu qua người đại diện, người giám hộ",
        [
            "Họ và tên người đại diện, người giám hộ",
            "Giấy tờ chứng minh quyền đại diện, giám hộ",
            *FORM_FIELDS,
        ],
    ),
}


def form_html(subtitle: str, fields: list[str]) -> str:
    rows = "".join(f"<tr><td>{escape(field)}:</td></tr>" for field in fields)
    body = (
        '<div class="head"><div></div><div>'
        '<p class="bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>'
        '<p class="bold">Độc lập - Tự do - Hạnh phúc</p><div class="line"></div>'
        "</div></div>"
        "<h1>Phiếu yêu cầu cung cấp thông tin</h1>"
        f'<p class="summary">{escape(subtitle)}</p>'
        "<p>Kính gửi: Sở Khoa học và Công nghệ tỉnh Quảng Ninh</p>"
        f"<table>{rows}</table>"
        '<p class="date">......, ngày ...... tháng ...... năm ......</p>'
        '<div class="sign"><p class="bold">NGƯỜI YÊU CẦU</p>'
        "<p><i>(Ký, ghi rõ họ tên)</i></p></div>"
    )
    return page("Phiếu yêu cầu cung cấp thông tin", body)


def wanted(content: Path, force: bool) -> dict[Path, str]:
    """{PDF path: HTML} for every PDF that should be made."""
    jobs = {}
    for source in sorted((content / "van-ban").rglob("*.md")):
        document, _ = read_document(source, str(source), content, {})
        if document is None:
            continue
        for name in document.named_files:
            target = content / name
            ours = target.suffix == ".pdf" and "/van-ban/" in f"/{name}"
            if ours and (force or not target.exists()):
                jobs[target] = document_html(document)
    for name, (subtitle, fields) in FORMS.items():
        target = content / name
        if force or not target.exists():
            jobs[target] = form_html(subtitle, fields)
    return jobs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="make every PDF again")
    args = parser.parse_args()
    jobs = wanted(ROOT / "content", args.force)
    if not jobs:
        print("Không có tệp PDF nào cần tạo.")
        return 0
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox"], headless=True
        )
        page_ = browser.new_page()
        for target, text in sorted(jobs.items()):
            target.parent.mkdir(parents=True, exist_ok=True)
            page_.set_content(text)
            target.write_bytes(page_.pdf(format="A4", print_background=True))
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size:,} byte")
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
