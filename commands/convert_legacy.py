"""`sokhcn convert FILE…`: text typed in an old font (TCVN3, VNI) to Unicode.

For each file: find the lines in a legacy encoding (the same rule as the content
check), show each line that changes, old and new, then write the file in
Unicode NFC, keeping the old one beside it as `FILE.bak` (`FILE.bak-2`, … when
that exists). In a terminal the command asks before writing; `--yes` does not
ask, `--xem` only shows. A file that is not UTF-8 at all (a .txt saved by an
old Windows editor) is read byte for byte as the font stored it.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from vietnamese import ENCODING_NAMES, convert_lines, legacy_lines

HELP = "Chuyển chữ gõ bằng bảng mã cũ (TCVN3, VNI) trong tệp sang Unicode."
YES = {"c", "có", "co", "y", "yes"}
# Bytes that Windows-1252 leaves undefined, decoded as surrogates: read as Latin-1.
_UNDEFINED = re.compile("[\udc80-\udcff]")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="TỆP", help="tệp cần chuyển")
    parser.add_argument(
        "--xem", action="store_true", help="chỉ cho xem các dòng sẽ đổi, không ghi"
    )
    parser.add_argument(
        "-y", "--yes", action="store_true", help="ghi luôn, không hỏi lại"
    )


def decode(data: bytes) -> tuple[str, bool]:
    """(text, whether it was UTF-8). Other bytes are the font's own codes, which
    Windows showed in its Western code page: TCVN3 "Së" is the bytes 53 EB."""
    try:
        return data.decode("utf-8-sig"), True
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="surrogateescape")
        return _UNDEFINED.sub(lambda m: chr(ord(m.group()) - 0xDC00), text), False


@dataclass
class Conversion:
    path: Path
    lines: list[str]  # with their line endings
    converted: list[str]
    encodings: list[str]
    utf8: bool

    @property
    def changed(self) -> list[int]:
        pairs = enumerate(zip(self.lines, self.converted, strict=True))
        return [index for index, (old, new) in pairs if old != new]


def prepare(path: Path) -> Conversion:
    text, utf8 = decode(path.read_bytes())
    lines = text.splitlines(keepends=True)
    bare = [line.rstrip("\r\n") for line in lines]
    ends = [line[len(bare_line) :] for line, bare_line in zip(lines, bare, strict=True)]
    converted = [
        line + end for line, end in zip(convert_lines(bare), ends, strict=True)
    ]
    encodings = sorted({encoding for _, encoding in legacy_lines(bare)})
    return Conversion(path, lines, converted, encodings, utf8)


def show(conversion: Conversion) -> None:
    names = ", ".join(ENCODING_NAMES[encoding] for encoding in conversion.encodings)
    found = f"chữ gõ bằng bảng mã {names}" if names else "chữ chưa chuẩn Unicode NFC"
    print(f"{conversion.path}: {len(conversion.changed)} dòng có {found}:")
    for index in conversion.changed:
        print(f"  dòng {index + 1}:")
        print(f"    - {conversion.lines[index].rstrip()}")
        print(f"    + {conversion.converted[index].rstrip()}")


def backup_path(path: Path) -> Path:
    candidate, number = path.with_name(path.name + ".bak"), 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak-{number}")
        number += 1
    return candidate


def confirmed(path: Path) -> bool:
    answer = input(f"Ghi các thay đổi vào {path}? (c = có, k = không) [k]: ")
    return answer.strip().lower() in YES


def write(conversion: Conversion) -> Path:
    backup = backup_path(conversion.path)
    backup.write_bytes(conversion.path.read_bytes())
    with conversion.path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("".join(conversion.converted))
    return backup


def run(args: argparse.Namespace) -> int:
    failed = 0
    ask = not (args.yes or args.xem) and sys.stdin.isatty()
    for name in args.files:
        path = Path(name)
        try:
            conversion = prepare(path)
        except OSError as error:
            message = f"không đọc được tệp ({error.strerror})."
            print(f"LỖI: {path}: {message}", file=sys.stderr)
            failed += 1
            continue
        if not conversion.utf8 and not conversion.encodings:
            print(
                f"LỖI: {path}: tệp không lưu bằng UTF-8 và không nhận ra chữ TCVN3 "
                "hay VNI. Hãy mở tệp và lưu lại với mã hoá UTF-8.",
                file=sys.stderr,
            )
            failed += 1
            continue
        if not conversion.changed:
            print(f"{path}: không có gì cần chuyển.")
            continue
        show(conversion)
        if args.xem:
            continue
        if ask and not confirmed(path):
            print(f"{path}: không ghi.")
            continue
        backup = write(conversion)
        print(f"Đã ghi {path} bằng Unicode. Bản cũ giữ ở {backup}.")
    return 1 if failed else 0
