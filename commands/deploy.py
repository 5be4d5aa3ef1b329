"""`sokhcn deploy`: upload a publish build, changed files only, removed files last.

An `s3://bucket/prefix` target goes to an S3-compatible store (deploy_s3.py);
any other target is handed to rsync.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

HELP = (
    "Tải bản xuất bản lên máy chủ bằng rsync hoặc lên kho S3 "
    "(chỉ tệp thay đổi, xoá tệp cũ sau cùng)."
)
S3_SCHEME = "s3://"
PREVIEW_MARK = "loi-noi-dung"  # only preview builds have the problems page
RSYNC_OPTIONS = [
    "--recursive",
    "--links",
    "--times",
    "--compress",
    "--checksum",  # changed content, not changed timestamps, decides what moves
    "--delay-updates",  # new files appear together at the end
    "--delete-after",  # removed pages disappear last, after the new ones are in place
    "--itemize-changes",  # one line per file sent or deleted, read by Transfer
    "--stats",  # the number of files, for the summary
    "--no-human-readable",  # numbers without digit grouping
    "--8-bit-output",  # file names as they are, not \#ooo escapes
]
# "<f+++++++++ name" (sent to a server), ">f.st...... name" (to a local folder)
SENT_LINE = re.compile(r"[<>]f\S* (.+)")
DELETED_LINE = re.compile(r"\*deleting +(.+)")
FILES_STAT = re.compile(r"Number of files: \d+ \(reg: (\d+)")


def add_arguments(parser) -> None:
    parser.add_argument(
        "target",
        help="nơi nhận, ví dụ deploy@may-chu:/srv/sokhcn/output/ "
        "hoặc s3://bucket/thu-muc",
    )
    parser.add_argument("--output", default="output", help="thư mục bản xuất bản")
    parser.add_argument(
        "--dry-run", action="store_true", help="chỉ liệt kê, không tải lên"
    )
    parser.add_argument(
        "--endpoint-url",
        help="địa chỉ kho S3 tương thích (chỉ với s3://), ví dụ https://s3.example.vn; "
        "thông tin đăng nhập lấy từ biến môi trường AWS_*",
    )


def problem_with(output: Path) -> str | None:
    if not (output / "index.html").is_file():
        return f"{output} chưa có bản dựng: chạy pelican content -s publishconf.py"
    if (output / PREVIEW_MARK).exists():
        return (
            f"{output} là bản xem trước (có trang lỗi nội dung): "
            "dựng lại bằng pelican content -s publishconf.py"
        )
    return None


def rsync_command(output: Path, target: str, dry_run: bool) -> list[str]:
    command = ["rsync", *RSYNC_OPTIONS]
    if dry_run:
        command.append("--dry-run")
    return [*command, f"{output}/", target]


def run(args) -> int:
    output = Path(args.output)
    problem = problem_with(output)
    if problem:
        print(f"Lỗi: {problem}")
        return 2
    if args.target.startswith(S3_SCHEME):
        from commands.deploy_s3 import deploy

        return deploy(output, args.target, args.endpoint_url, args.dry_run)
    if args.endpoint_url:
        print("Lỗi: --endpoint-url chỉ dùng với nơi nhận s3://")
        return 2
    if shutil.which("rsync") is None:
        print("Lỗi: chưa cài rsync: sudo apt-get install rsync")
        return 2
    command = rsync_command(output, args.target, args.dry_run)
    transfer = Transfer()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, text=True, errors="replace"
    ) as rsync:
        for line in rsync.stdout:
            transfer.read(line.rstrip("\n"))
    if rsync.returncode:
        print(f"Lỗi: rsync dừng với mã {rsync.returncode}; máy chủ chưa thay đổi hết.")
    else:
        print(transfer.summary(args.dry_run))
    return rsync.returncode


@dataclass
class Transfer:
    """rsync's itemized lines as Vietnamese lines, counted for a summary."""

    sent: int = 0
    deleted_files: int = 0
    deleted_folders: int = 0
    files: int = 0

    def read(self, line: str) -> None:
        if match := SENT_LINE.fullmatch(line):
            self.sent += 1
            print(f"tải lên  {match[1]}", flush=True)
        elif match := DELETED_LINE.fullmatch(line):
            if match[1].endswith("/"):
                self.deleted_folders += 1
            else:
                self.deleted_files += 1
            print(f"xoá      {match[1]}", flush=True)
        elif match := FILES_STAT.match(line):
            self.files = int(match[1])

    def summary(self, dry_run: bool) -> str:
        unchanged = max(self.files - self.sent, 0)
        if not (self.sent or self.deleted_files or self.deleted_folders):
            return (
                f"Không có gì thay đổi: {unchanged} tệp trên máy chủ "
                "đã giống bản xuất bản."
            )
        verb = "sẽ " if dry_run else "đã "
        text = (
            f"{verb.capitalize()}tải lên {self.sent} tệp, {unchanged} tệp không đổi, "
            f"{verb}xoá {self.deleted_files} tệp"
        )
        if self.deleted_folders:
            text += f" và {self.deleted_folders} thư mục"
        return text + (". Chạy thử: chưa thay đổi gì." if dry_run else ".")
