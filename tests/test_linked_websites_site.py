"""The linked websites as the project's theme shows them: the sidebar's widget
and the page (plugins/linked_websites/tests builds with the plugin alone)."""

from __future__ import annotations

import logging

from linked_websites.tests.test_linked_websites import GOOD


def test_widget_and_page_in_a_real_build(make_site, caplog):
    files = {
        "articles/a.md": "Title: Tin\nDate: 01/02/2020\nCategory: Thông báo\n\nNội.\n",
        "data/lien-ket.md": GOOD + "- [Sai](ftp://x.gov.vn)\n",
    }
    with caplog.at_level(logging.ERROR):
        site = make_site(files, LINKED_WEBSITES_FILE="data/lien-ket.md")
    widget = site.soup("").select_one(".linked-websites")
    groups = widget.select("details")
    assert [g.summary.get_text() for g in groups] == ["Trung ương", "Tỉnh Quảng Ninh"]
    assert groups[0].has_attr("open")
    assert [a["href"] for a in groups[0].select("a")] == [
        "https://chinhphu.vn",
        "https://mst.gov.vn",
    ]
    page = site.soup("website-lien-ket/")
    assert len(page.select("main .directory a")) == 3
    assert any("lien-ket.md:8:" in message for message in caplog.messages)
