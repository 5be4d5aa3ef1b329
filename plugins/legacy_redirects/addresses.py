"""Old-site addresses: parsing, validation and the files that redirect them.

No Pelican import: the generator feeds content items in and writes what these
functions return.
"""

from __future__ import annotations

import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote, unquote

logger = logging.getLogger(__name__)

# Characters a browser leaves as they are in a request path or query; everything
# else is percent-encoded, as in nginx's $request_uri.
PATH_SAFE = "/!'()*+,;=:@&~-._"
QUERY_SAFE = "=&!'()*+,;:@/?~-._%"
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
EXAMPLE = "ví dụ ChiTietTinTuc.aspx?nid=7705 hoặc Portals/0/tin-cu.html"


@dataclass(frozen=True)
class LegacyAddress:
    """An address of the old site, relative to its root."""

    path: str  # decoded NFC text, no leading "/": "ChiTietTinTuc.aspx"
    query: str = ""  # percent-encoded, "" when none: "nid=7705"

    @property
    def request_path(self) -> str:
        return "/" + quote(self.path, safe=PATH_SAFE)

    @property
    def request_uri(self) -> str:
        """What a browser asks for: nginx's $request_uri."""
        return self.request_path + (f"?{self.query}" if self.query else "")

    @property
    def key(self) -> str:
        # The old portal ran on IIS, where addresses are case-insensitive.
        return self.request_uri.lower()

    @property
    def file_path(self) -> str:
        """Where a redirect page for a path-only address goes in the output."""
        if self.path.endswith("/"):
            return self.path + "index.html"
        if not PurePosixPath(self.path).suffix:
            return self.path + "/index.html"  # served for /path and /path/
        return self.path


def parse_legacy_url(value: str) -> LegacyAddress:
    """Parse a `LegacyURL:` value; ValueError (Vietnamese) when it is unusable."""
    text = unicodedata.normalize("NFC", str(value)).strip()
    if not text:
        raise ValueError(f"trống; hãy ghi địa chỉ trang cũ, {EXAMPLE}")
    if CONTROL.search(text):
        raise ValueError("có ký tự điều khiển")
    if SCHEME.match(text) or text.startswith(("/", "\\")) or "\\" in text:
        raise ValueError(
            "là đường dẫn tuyệt đối, sẽ ghi ra ngoài thư mục output; hãy ghi "
            f"đường dẫn tính từ gốc trang cũ, không có / ở đầu, {EXAMPLE}"
        )
    path, _, query = text.split("#", 1)[0].partition("?")
    path = unquote(path)
    if not path:
        raise ValueError(f"không có đường dẫn trước dấu ?, {EXAMPLE}")
    segments = path.split("/")
    if any(part in ("", ".", "..") for part in segments[:-1]):
        raise ValueError(
            "có “..”, “.” hoặc “//”, sẽ ghi ra ngoài thư mục output; "
            f"hãy ghi đường dẫn bình thường, {EXAMPLE}"
        )
    if segments[-1] in (".", ".."):
        raise ValueError(f"có “..”, sẽ ghi ra ngoài thư mục output; {EXAMPLE}")
    return LegacyAddress(path, quote(query, safe=QUERY_SAFE))


@dataclass(frozen=True)
class Redirect:
    address: LegacyAddress
    legacy_url: str  # as written in the source file
    target: str  # the new URL, root-relative: "/tin-tuc/2017/slug/"
    canonical: str  # the new URL, absolute when the site has an origin
    title: str
    source: str  # the source file, for messages


def collect_redirects(items: Iterable, site_path: str, origin: str) -> list[Redirect]:
    """The redirects of content items that have a `LegacyURL`, first one wins.

    `items` are Pelican content objects (`metadata`, `url`, `title`,
    `relative_source_path`), in the order that decides which of two duplicates
    is kept.
    """
    redirects: dict[str, Redirect] = {}
    for item in items:
        value = item.metadata.get("legacyurl")
        if not value:
            continue
        source = item.relative_source_path
        try:
            address = parse_legacy_url(value)
        except ValueError as error:
            logger.error("%s: LegacyURL “%s” %s. Đã bỏ qua.", source, value, error)
            continue
        first = redirects.get(address.key)
        if first is not None:
            logger.error(
                "LegacyURL “%s” có ở hai bài: %s và %s. Giữ chuyển hướng đến %s; "
                "hãy xoá LegacyURL ở một bài.",
                value,
                first.source,
                source,
                first.source,
            )
            continue
        target = f"{site_path}/{item.url}"
        redirects[address.key] = Redirect(
            address=address,
            legacy_url=str(value).strip(),
            target=target,
            canonical=f"{origin}/{item.url}" if origin else target,
            title=item.title,
            source=source,
        )
    return list(redirects.values())


# --- the files ------------------------------------------------------------------

NGINX_HEADER = """\
# Redirects from the old portal's addresses (LegacyURL), written by the
# legacy_redirects plugin at each build. Do not edit: change LegacyURL instead.
#
# Use it in nginx (http block), then in the server block of the site:
#
#   map_hash_bucket_size 256;      # old addresses can be long
#   map $request_uri $legacy_redirect {
#       default "";
#       include /srv/sokhcn/output/redirects/legacy.map;
#   }
#   server {
#       ...
#       if ($legacy_redirect) { return 301 $legacy_redirect; }
#   }
#
# nginx compares these strings ignoring case, like the old IIS server did, so
# each address is listed once (a second, lower-case copy is a "conflicting
# parameter" error). Extra parameters such as
# ChiTietTinTuc.aspx?nid=7705&tabid=59, reach the static ChiTietTinTuc.aspx page,
# whose script looks the address up in legacy.json.
"""


def nginx_map(redirects: list[Redirect]) -> str:
    """Body lines of `map $request_uri $legacy_redirect { ... }`."""
    lines = [NGINX_HEADER]
    for redirect in sorted(redirects, key=lambda r: r.address.key):
        uri = redirect.address.request_uri
        target = quote(redirect.target, safe=PATH_SAFE + "%")
        lines.append(f'"{uri}" "{target}";\n')
    return "".join(lines)


def redirect_table(redirects: list[Redirect]) -> str:
    """{old request URI: new URL} as JSON, for scripts and other tools."""
    table = {r.address.request_uri: r.target for r in redirects}
    return json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def split_by_kind(
    redirects: list[Redirect],
) -> tuple[list[Redirect], dict[str, LegacyAddress]]:
    """(path-only redirects, {output file: address} of the query dispatch pages)."""
    path_only = [r for r in redirects if not r.address.query]
    dispatchers = {}
    for redirect in redirects:
        if redirect.address.query:
            address = LegacyAddress(redirect.address.path)
            dispatchers.setdefault(address.path, address)
    return path_only, dispatchers


def is_inside(output_path: str, relative: str) -> bool:
    """True when `relative` stays inside `output_path` (a last line of defence)."""
    root = os.path.realpath(output_path)
    target = os.path.realpath(os.path.join(root, relative))
    return os.path.commonpath([root, target]) == root and target != root
