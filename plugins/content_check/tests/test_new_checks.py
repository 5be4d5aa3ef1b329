"""Site addresses checked like {filename} links, the untouched placeholder body,
and raw HTML the sanitizer will remove."""

from __future__ import annotations

import pytest

from conftest import write_files
from content_check import PLACEHOLDER_BODY, check_content

from .settings import settings_for

OTHER = "Title: Bài khác\nDate: 2020-03-01\nCategory: Thông báo\n\nNội dung.\n"


@pytest.fixture(autouse=True)
def in_project_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def problems_of(tmp_path, body: str, header: str = "") -> list[str]:
    root = tmp_path / "content"
    write_files(
        root,
        {
            "articles/2020/bai-khac.md": OTHER,
            "articles/2020/bai.md": "Title: Bài\nDate: 05/02/2020 08:00\n"
            f"Category: Thông báo\n{header}\n{body}\n",
        },
    )
    problems, _ = check_content(settings_for(root))
    return [str(problem) for problem in problems]


def test_site_addresses_of_articles_must_name_an_article(tmp_path):
    body = (
        "Xem [bài](/tin-tuc/2020/bai-khac/), [không dấu](/tin-tuc/2020/bai-khac),\n"
        "[sai năm](/tin-tuc/2019/bai-khac/) và [chuyên mục](/chuyen-muc/thong-bao/)."
    )
    problems = problems_of(tmp_path, body)
    assert len(problems) == 1, problems
    assert problems[0].startswith(
        'content/articles/2020/bai.md:6: lỗi: liên kết "/tin-tuc/2019/bai-khac/" '
        "không trỏ tới trang nào của cổng (có phải là /tin-tuc/2020/bai-khac/?"
    )


def test_the_placeholder_body_is_flagged(tmp_path):
    draft = problems_of(tmp_path, PLACEHOLDER_BODY, header="Status: draft\n")
    assert draft == [
        "content/articles/2020/bai.md:6: cảnh báo: nội dung bài vẫn là dòng mẫu "
        f'"{PLACEHOLDER_BODY}" (thay dòng này bằng nội dung bài viết)'
    ]
    published = problems_of(tmp_path, PLACEHOLDER_BODY)
    assert published[0].startswith("content/articles/2020/bai.md:5: lỗi: nội dung")
    assert problems_of(tmp_path, f"{PLACEHOLDER_BODY} Hội nghị đã diễn ra.") == []


def test_raw_html_the_sanitizer_removes_is_a_warning_with_its_line(tmp_path):
    body = (
        "Đoạn đầu có <strong>chữ đậm</strong> và <span class='x'>được phép</span>.\n"
        "\n"
        '<iframe width="560"\n'
        '  src="https://www.youtube.com/embed/abc"></iframe>\n'
        '<p style="color:red" onclick="x()">Chữ đỏ</p>\n'
        "Mã `<script>` trong dấu huyền và\n"
        "```\n<video src=a.mp4></video>\n```\n"
        "<!-- ghi chú riêng -->\n"
        "<script>alert(1)</script>"
    )
    problems = problems_of(tmp_path, body)
    assert problems == [
        "content/articles/2020/bai.md:7: cảnh báo: thẻ <iframe> sẽ bị gỡ khi "
        "dựng trang (thẻ này không được phép) (không nhúng được video hay trang "
        "khác: đặt liên kết tới trang gốc, có thể kèm ảnh (docs/editors.md, mục "
        "Video và bản đồ))",
        "content/articles/2020/bai.md:9: cảnh báo: thuộc tính onclick của thẻ <p> "
        "sẽ bị gỡ khi dựng trang (bỏ thuộc tính này: kiểu chữ, màu và cỡ do giao "
        "diện của cổng quyết định)",
        "content/articles/2020/bai.md:9: cảnh báo: thuộc tính style của thẻ <p> "
        "sẽ bị gỡ khi dựng trang (bỏ thuộc tính này: kiểu chữ, màu và cỡ do giao "
        "diện của cổng quyết định)",
        "content/articles/2020/bai.md:15: cảnh báo: thẻ <script> sẽ bị gỡ khi "
        "dựng trang (thẻ này không được phép) (bỏ đoạn mã này: bài viết không "
        "được chạy mã hay chứa biểu mẫu)",
    ]
