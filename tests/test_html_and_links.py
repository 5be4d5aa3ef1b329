"""Valid HTML (Nu HTML checker), no broken links or anchors, no console errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlparse
from urllib.request import urlopen

import pytest
from page_types import PAGE_TYPES

from conftest import NODE_MODULES

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(project_site):
    assert shutil.which("java"), "Java runs the Nu HTML checker"
    pages = [str(path) for path in project_site.html_pages()]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/output/', 1)[-1]}:{m.get('lastLine')}: "
        + m["message"]
        for m in messages
    ]
    assert errors == []


class LinkCollector(HTMLParser):
    """The URLs a page points to, and the ids it defines."""

    ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src"}

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        attribute = self.ATTRIBUTES.get(tag)
        if attribute and values.get(attribute):
            self.links.append(values[attribute])


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urlopen(url) as response:
            body = response.read()
            kind = response.headers.get_content_type()
            text = body.decode("utf-8") if kind == "text/html" else ""
            return response.status, kind, text
    except Exception as problem:  # HTTPError carries the status
        return getattr(problem, "code", 0), "", ""


def test_no_broken_internal_links_or_anchors(served_project):
    host = urlparse(served_project).netloc
    start = f"{served_project}/"
    queue, seen, pages, broken = deque([(start, "")]), {start}, {}, []
    anchors: list[tuple[str, str, str]] = []
    while queue:
        url, referrer = queue.popleft()
        status, kind, text = fetch(url)
        if status != 200:
            broken.append(f"{url} ({status}) from {referrer}")
            continue
        if kind != "text/html":
            continue
        collector = LinkCollector()
        collector.feed(text)
        pages[url] = collector.ids
        for link in collector.links:
            target, fragment = urldefrag(urljoin(url, link))
            if urlparse(target).netloc != host:
                continue
            if fragment:
                anchors.append((target, fragment, url))
            if target not in seen:
                seen.add(target)
                queue.append((target, url))
    assert broken == []
    missing = [
        f"#{fragment} in {target} from {page}"
        for target, fragment, page in anchors
        if target in pages and fragment not in pages[target]
    ]
    assert missing == []
    assert len(pages) > 150


@pytest.mark.browser
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_console_errors_failed_or_foreign_requests(browser, served_project, name):
    page = browser.new_page()
    problems: list[str] = []
    host = urlparse(served_project).netloc
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url}"))
    page.on(
        "request",
        lambda r: (
            urlparse(r.url).netloc not in (host, "")
            and problems.append(f"other host {r.url}")
        ),
    )
    response = page.goto(
        f"{served_project}/{PAGE_TYPES[name]}", wait_until="networkidle"
    )
    assert response.status == 200
    assert problems == [], name
    page.close()
