"""Pictures and attachments: linked from the served folder when unchanged,
copied when their source changed, never written into a served copy."""

from __future__ import annotations

import os

from conftest import plugin_build, write_files

ARTICLE = "Title: Tin\nDate: 2024-03-01 08:00\nCategory: Thông báo\n\nNội dung.\n"
SETTINGS = {"SYNC_OUTPUT": True}  # every build a new folder (safe_publish)


def test_an_unchanged_picture_is_linked_and_a_changed_one_copied(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, {"articles/a.md": ARTICLE})
    (content / "images").mkdir()
    kept, changed = content / "images/kept.png", content / "images/changed.png"
    kept.write_bytes(b"\x89PNG kept")
    changed.write_bytes(b"\x89PNG old!")
    plugin_build("pelican_adapter", content, output, **SETTINGS)
    served_kept = output / "images/kept.png"
    first = served_kept.stat().st_ino
    old_copy = output / "images/changed.png"
    old_inode = old_copy.stat().st_ino

    changed.write_bytes(b"\x89PNG new!")  # same size, in place
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 1))
    plugin_build("pelican_adapter", content, output, **SETTINGS)
    assert served_kept.stat().st_ino == first  # the same file, linked
    assert (output / "images/changed.png").read_bytes() == b"\x89PNG new!"
    assert (output / "images/changed.png").stat().st_ino != old_inode
