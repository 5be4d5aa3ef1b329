"""`sokhcn check`: validate the content without building the site."""

from __future__ import annotations

import os

from pelican.settings import read_settings

HELP = "Kiểm tra toàn bộ nội dung (không dựng trang) và liệt kê mọi lỗi."


def add_arguments(parser) -> None:
    parser.add_argument("path", nargs="?", default="content", help="thư mục nội dung")
    parser.add_argument(
        "-s", "--settings", default="pelicanconf.py", help="tệp cấu hình Pelican"
    )


def run(args) -> int:
    from content_check import check_content, format_summary

    # Pelican resolves a relative PATH from the settings file; the editor means
    # the folder they typed, from where they are.
    content = os.path.abspath(args.path)
    settings = read_settings(args.settings, override={"PATH": content})
    problems, file_count = check_content(settings)
    for problem in problems:
        print(problem)
    print(format_summary(problems, file_count))
    return 1 if any(problem.is_error for problem in problems) else 0
