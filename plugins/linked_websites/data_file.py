"""Parsing the linked-websites data file.

The file is Markdown an editor can read: one "## Group" heading per group and
one "- [Name](https://address)" list item per link.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

HEADING = re.compile(r"^##\s+(?P<name>.+?)\s*$")
LINK_ITEM = re.compile(r"^[-*]\s+\[(?P<name>[^\]]*)\]\((?P<url>[^)\s]*)\)\s*$")
ABSOLUTE_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$", re.IGNORECASE)
COMMENT = re.compile(r"^<!--.*-->$")


@dataclass
class Link:
    name: str
    url: str
    line: int


@dataclass
class Group:
    name: str
    line: int
    links: list[Link] = field(default_factory=list)


@dataclass
class Problem:
    line: int
    message: str


def parse(text: str) -> tuple[list[Group], list[Problem]]:
    """Read every group and link, and every problem, in one pass."""
    groups: list[Group] = []
    problems: list[Problem] = []
    seen_urls: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = unicodedata.normalize("NFC", raw.strip())
        if not line or COMMENT.match(line):
            continue
        if heading := HEADING.match(line):
            problems.extend(check_group_name(heading["name"], number, groups))
            groups.append(Group(heading["name"], number))
            continue
        item = LINK_ITEM.match(line)
        if item is None:
            problems.append(Problem(number, 'dòng không đúng dạng "- [Tên](địa chỉ)"'))
            continue
        if not groups:
            problems.append(Problem(number, 'liên kết nằm trước tiêu đề nhóm "## ..."'))
            continue
        link_problems = check_link(item["name"], item["url"], number, seen_urls)
        problems.extend(link_problems)
        if not link_problems:  # a bad link is reported, never rendered
            groups[-1].links.append(Link(item["name"].strip(), item["url"], number))
    problems.extend(
        Problem(group.line, f'nhóm "{group.name}" chưa có liên kết hợp lệ nào')
        for group in groups
        if not group.links
    )
    return [group for group in groups if group.links], problems


def check_group_name(name: str, number: int, groups: list[Group]) -> list:
    for group in groups:
        if group.name == name:
            return [
                Problem(
                    number,
                    f'nhóm "{name}" trùng với nhóm ở dòng {group.line}'
                    " (gộp các liên kết vào một nhóm)",
                )
            ]
    return []


def url_key(url: str) -> str:
    """http/https, "www." and a final "/" do not make a different website."""
    key = re.sub(r"^https?://(www\.)?", "", url.strip().lower())
    return key.rstrip("/")


def check_link(name: str, url: str, number: int, seen: dict[str, int]) -> list:
    problems = []
    if not name.strip():
        problems.append(Problem(number, "liên kết chưa có tên (viết tên trong [ ])"))
    if not ABSOLUTE_URL.match(url):
        problems.append(
            Problem(number, f'địa chỉ "{url}" phải bắt đầu bằng http:// hoặc https://')
        )
    key = url_key(url)
    if key in seen:
        problems.append(
            Problem(number, f"địa chỉ trùng với dòng {seen[key]} (xoá một dòng)")
        )
    else:
        seen[key] = number
    return problems
