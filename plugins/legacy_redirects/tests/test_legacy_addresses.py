"""Old-site addresses: parsing, rejection of unsafe paths, the nginx map and JSON."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from legacy_redirects.addresses import (
    LegacyAddress,
    collect_redirects,
    nginx_map,
    parse_legacy_url,
    redirect_table,
)


def test_query_address():
    address = parse_legacy_url(" ChiTietTinTuc.aspx?nid=7705 ")
    assert address == LegacyAddress("ChiTietTinTuc.aspx", "nid=7705")
    assert address.request_uri == "/ChiTietTinTuc.aspx?nid=7705"
    assert address.key == "/chitiettintuc.aspx?nid=7705"


ENCODED = "/Portals/0/Tin%20c%C5%A9.html"
DECODED = "Portals/0/Tin cũ.html"


@pytest.mark.parametrize(
    ("value", "request_uri", "file_path"),
    [
        ("Portals/0/tin-cu.html", "/Portals/0/tin-cu.html", "Portals/0/tin-cu.html"),
        (DECODED, ENCODED, DECODED),
        (ENCODED.lstrip("/"), ENCODED, DECODED),
        ("Portals/0/Tin cu\u0303.html", ENCODED, DECODED),  # NFD
        ("tin-tuc-cu/", "/tin-tuc-cu/", "tin-tuc-cu/index.html"),
        ("GioiThieu", "/GioiThieu", "GioiThieu/index.html"),
        ("GioiThieu.aspx#muc-1", "/GioiThieu.aspx", "GioiThieu.aspx"),
    ],
)
def test_path_addresses(value, request_uri, file_path):
    address = parse_legacy_url(value)
    assert address.query == ""
    assert address.request_uri == request_uri
    assert address.file_path == file_path


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "trống"),
        ("/ChiTietTinTuc.aspx?nid=7705", "tuyệt đối"),
        ("http://khcn.quangninh.gov.vn/ChiTietTinTuc.aspx?nid=7705", "tuyệt đối"),
        ("//khcn.quangninh.gov.vn/x.html", "tuyệt đối"),
        ("C:\\web\\tin.html", "tuyệt đối"),
        ("file:///etc/passwd", "tuyệt đối"),
        ("Portals\\0\\tin.html", "tuyệt đối"),
        ("../tin.html", ".."),
        ("Portals/../../tin.html", ".."),
        ("Portals/%2e%2e/%2E%2E/tin.html", ".."),
        ("Portals//tin.html", "//"),
        ("Portals/..", ".."),
        ("?nid=7705", "không có đường dẫn"),
        ("tin\x00.html", "điều khiển"),
    ],
)
def test_unsafe_addresses_are_refused(value, reason):
    with pytest.raises(ValueError, match=reason.replace(".", r"\.")):
        parse_legacy_url(value)


def item(source: str, url: str, legacy: str | None, title: str = "Tin"):
    return SimpleNamespace(
        metadata={"legacyurl": legacy} if legacy else {},
        url=url,
        title=title,
        relative_source_path=source,
    )


def test_duplicates_keep_the_first_and_name_both_files(caplog):
    redirects = collect_redirects(
        [
            item("articles/a.md", "tin-tuc/2017/a/", "ChiTietTinTuc.aspx?nid=1"),
            item("articles/b.md", "tin-tuc/2017/b/", "chitiettintuc.aspx?NID=1"),
            item("articles/c.md", "tin-tuc/2017/c/", None),
        ],
        site_path="",
        origin="https://sokhcn.example",
    )
    assert [r.target for r in redirects] == ["/tin-tuc/2017/a/"]
    assert redirects[0].canonical == "https://sokhcn.example/tin-tuc/2017/a/"
    (record,) = caplog.records
    assert record.levelname == "ERROR"
    assert "articles/a.md" in record.getMessage()
    assert "articles/b.md" in record.getMessage()


def test_site_path_prefixes_the_targets():
    (redirect,) = collect_redirects(
        [item("a.md", "tin-tuc/2017/a/", "Portals/0/a.html")], "/cong", ""
    )
    assert redirect.target == redirect.canonical == "/cong/tin-tuc/2017/a/"


def test_nginx_map_lists_each_address_once_as_written():
    redirects = collect_redirects(
        [
            item("a.md", "tin-tuc/2017/a/", "ChiTietTinTuc.aspx?nid=7705"),
            item("b.md", "tin-tuc/2016/b/", "portals/0/tin-cu.html"),
            item("c.md", "tin-tuc/2015/c/", 'Portals/0/"tin".html'),
        ],
        "",
        "",
    )
    text = nginx_map(redirects)
    body = [line for line in text.splitlines() if not line.startswith("#")]
    assert body == [
        '"/ChiTietTinTuc.aspx?nid=7705" "/tin-tuc/2017/a/";',
        '"/Portals/0/%22tin%22.html" "/tin-tuc/2015/c/";',
        '"/portals/0/tin-cu.html" "/tin-tuc/2016/b/";',
    ]
    assert "include" in text and "map $request_uri $legacy_redirect" in text
    assert json.loads(redirect_table(redirects)) == {
        "/ChiTietTinTuc.aspx?nid=7705": "/tin-tuc/2017/a/",
        "/portals/0/tin-cu.html": "/tin-tuc/2016/b/",
        "/Portals/0/%22tin%22.html": "/tin-tuc/2015/c/",
    }
