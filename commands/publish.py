"""`sokhcn publish`: the production build, then the deploy the settings name.

The build is safe (safe_publish): with any error the published folder is left
as it was. Messages are in Vietnamese and no traceback reaches the editor; a
build that crashes leaves its traceback in a log file for the maintainers.
"""

from __future__ import annotations

import argparse
import traceback
from datetime import datetime
from pathlib import Path

HELP = (
    "Xuất bản: dựng bản chính thức (chỉ khi không có lỗi nào), rồi tải lên nơi "
    "đã cấu hình (DEPLOY_TARGET)."
)
CRASH_LOG = "loi-xuat-ban.log"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-s", "--settings", default="publishconf.py", help="tệp cấu hình bản xuất bản"
    )
    parser.add_argument(
        "--file",
        metavar="TỆP",
        help="tệp nội dung vừa sửa (ví dụ content/articles/2026/bai.md): "
        "in địa chỉ của nó trên cổng sau khi xuất bản",
    )


def run(args: argparse.Namespace) -> int:
    from pelican import Pelican
    from pelican.settings import read_settings

    from commands.messages import console_in_vietnamese
    from safe_publish import PublishAborted

    if not Path(args.settings).is_file():
        print(
            f"Lỗi: không tìm thấy tệp cấu hình {args.settings}. Hãy chạy lệnh trong "
            "thư mục của dự án hoặc chỉ rõ tệp bằng -s."
        )
        return 2
    settings = read_settings(args.settings)
    output = Path(settings["OUTPUT_PATH"])
    print(f"Đang dựng bản xuất bản vào {output}/ ...", flush=True)
    with console_in_vietnamese():
        try:
            Pelican(settings).run()
        except PublishAborted as aborted:
            print(aborted)
            return 1
        except Exception:  # noqa: BLE001 - the editor gets a sentence, not a traceback
            log = Path(settings["CACHE_PATH"]) / CRASH_LOG
            write_crash_log(log)
            print(
                "Không xuất bản: việc dựng trang bị lỗi kỹ thuật; bản đã xuất bản "
                f"được giữ nguyên. Chi tiết cho bộ phận kỹ thuật ở {log}."
            )
            return 1
    code = deploy(settings, output)
    if code:
        return code
    print(published_summary(settings, output, args.file))
    return 0


def write_crash_log(log: Path) -> None:
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as handle:
        handle.write(f"--- {datetime.now():%d/%m/%Y %H:%M:%S}\n")
        handle.write(traceback.format_exc())


def deploy(settings, output: Path) -> int:
    target = settings.get("DEPLOY_TARGET") or ""
    if not target:
        return 0
    from commands import deploy as deploy_command

    print(f"Đang tải lên {target} ...", flush=True)
    options = argparse.Namespace(
        target=target,
        output=str(output),
        dry_run=False,
        endpoint_url=settings.get("DEPLOY_ENDPOINT_URL") or None,
    )
    code = deploy_command.run(options)
    if code:
        print(
            "Không tải lên được: bản dựng mới nằm trong "
            f"{output}/, trang đang chạy chưa thay đổi hết. Sửa lỗi rồi xuất bản lại."
        )
    return code


def published_summary(settings, output: Path, file: str | None) -> str:
    site = settings.get("SITEURL") or f"{output}/"
    lines = [f"Trang chính thức: {site}"]
    if file:
        lines.append(address_line(settings, output, Path(file)))
    return "\n".join(lines)


def address_line(settings, output: Path, file: Path) -> str:
    from desk.addresses import is_draft, page_of

    if not file.is_file():
        return f"Không tìm thấy tệp {file}."
    if is_draft(file):
        return f"{file} chưa có trên cổng: bài là bản nháp (bỏ chọn Bản nháp để đăng)."
    try:
        page = page_of(settings, file)
    except (OSError, ValueError):
        page = None
    if page is None:
        return f"{file} không có trang riêng trên cổng."
    built = output / page / "index.html" if page.endswith("/") else output / page
    if not built.is_file():
        return (
            f"{file} chưa có trên cổng: bài là bản nháp hoặc hẹn giờ đăng "
            "(ngày đăng ở tương lai)."
        )
    return f"Địa chỉ trên cổng: {settings.get('SITEURL', '')}/{page}"
