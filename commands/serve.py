"""`sokhcn serve`: the preview and the editors' desk, rebuilt on every save."""

from __future__ import annotations

import os
from pathlib import Path

HELP = (
    "Xem trước cổng và mở bàn biên tập (/quan-tri/); trang tự dựng lại mỗi khi "
    "nội dung thay đổi."
)
PROJECT = Path(__file__).resolve().parent.parent


def add_arguments(parser) -> None:
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("PORT") or 8000),
        help="cổng (mặc định 8000, hoặc biến môi trường PORT)",
    )
    parser.add_argument(
        "--bind", default="127.0.0.1", help="địa chỉ nghe (mặc định 127.0.0.1)"
    )
    parser.add_argument(
        "-s", "--settings", default="pelicanconf.py", help="cấu hình xem trước"
    )
    parser.add_argument(
        "--publish-settings", default="publishconf.py", help="cấu hình bản xuất bản"
    )
    parser.add_argument(
        "--origin",
        help="địa chỉ người dùng mở, khi chạy sau nginx, ví dụ https://bientap.sokhcn.vn",
    )
    parser.add_argument(
        "--login-header",
        metavar="TÊN",
        help="tiêu đề HTTP nginx gửi kèm tên người đã đăng nhập (X-Remote-User): "
        "người đó là tác giả của mỗi lần lưu",
    )


def run(args) -> int:
    from desk.run import serve

    return serve(args, PROJECT)
