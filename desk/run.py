"""Starting and stopping the preview server with its two children: the build
loop (desk.preview_build) and the desk's backend (decap-server).

Ctrl+C or SIGTERM stops both children before the server exits; if the server is
killed outright, the children get SIGTERM from the kernel (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import errno
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

from pelican.settings import read_settings

from .backend import Backend, BackendError, die_with_parent
from .publishing import Publisher
from .server import Desk, DeskServer, git_branch, git_root


class StartError(RuntimeError):
    """Why the preview server cannot start, in Vietnamese, with the fix."""


def listening_socket(bind: str, port: int) -> socket.socket:
    if not 0 < port < 65536:
        raise StartError(
            f"cổng {port} không hợp lệ: dùng một số từ 1024 đến 65535, ví dụ 8001"
        )
    try:
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((bind, port))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise StartError(
                f"cổng {port} đang được một chương trình khác dùng (có thể là một "
                "trang xem trước khác đang chạy). Hãy tắt chương trình đó, hoặc dùng "
                "cổng khác: "
                f"PORT={port + 1} bash scripts/serve.sh"
            ) from None
        if error.errno == errno.EACCES:
            raise StartError(
                f"không được dùng cổng {port} (các cổng dưới 1024 cần quyền quản trị): "
                "dùng cổng 8000 trở lên"
            ) from None
        raise StartError(
            f"không mở được cổng {port} trên {bind}: {error.strerror}"
        ) from None
    return probe


def prepare(args, project: Path) -> tuple[Desk, socket.socket]:
    settings_file = Path(args.settings).resolve()
    if not settings_file.is_file():
        raise StartError(
            f"không tìm thấy tệp cấu hình {args.settings}: "
            "chạy lệnh trong thư mục dự án"
        )
    probe = listening_socket(args.bind, args.port)
    origin = args.origin or f"http://{args.bind}:{args.port}"
    settings = read_settings(str(settings_file))
    content = Path(settings["PATH"]).resolve()
    if not content.is_dir():
        raise StartError(f"không có thư mục nội dung {content}")
    repo = git_root(content) or content.parent
    branch = git_branch(repo) or "main"
    content_prefix = content.relative_to(repo).as_posix()
    backend = Backend(project, repo, settings, content_prefix)
    publisher = Publisher(settings_file.parent, Path(args.publish_settings).resolve())
    desk = Desk(
        project=project,
        settings_file=settings_file,
        publish_settings=Path(args.publish_settings).resolve(),
        origin=origin,
        login_header=args.login_header,
        backend=backend,
        publisher=publisher,
        content_prefix=content_prefix,
        branch=branch,
    )
    return desk, probe


def serve(args, project: Path) -> int:
    try:
        desk, probe = prepare(args, project)
        desk.backend.start()
    except (StartError, BackendError) as problem:
        print(f"Lỗi: {problem}", file=sys.stderr)
        return 2
    builder = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desk.preview_build",
            str(desk.settings_file),
            desk.origin,
        ],
        cwd=desk.settings_file.parent,
        preexec_fn=die_with_parent,
    )
    probe.close()
    try:
        server = DeskServer((args.bind, args.port), desk)
    except OSError as error:
        stop_children(desk, builder)
        print(f"Lỗi: không mở được cổng {args.port}: {error.strerror}", file=sys.stderr)
        return 2
    stopping = threading.Event()

    def stop(_signal, _frame):
        stopping.set()
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if desk.backend.mode == "fs":
        print(
            "Lưu ý: thư mục dự án không phải kho git, "
            "bàn biên tập lưu tệp mà không ghi lịch sử."
        )
    print(
        f"Trang xem trước: {desk.origin}/\n"
        f"Bàn biên tập:    {desk.origin}/quan-tri/\n"
        "Bấm Ctrl+C để dừng.",
        flush=True,
    )
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        stop_children(desk, builder)
        print("Đã dừng trang xem trước và bàn biên tập.", flush=True)
    return 0


def stop_children(desk: Desk, builder: subprocess.Popen) -> None:
    desk.publisher.stop()
    desk.backend.stop()
    if builder.poll() is None:
        builder.terminate()
        try:
            builder.wait(timeout=15)
        except subprocess.TimeoutExpired:
            builder.kill()
            builder.wait()
