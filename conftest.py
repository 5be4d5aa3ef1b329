"""Shared pytest fixtures: real Pelican builds of the project or of small sites."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import blinker
import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.plugins import signals
from pelican.settings import read_settings

PROJECT = Path(__file__).resolve().parent
MINIMAL_THEME = PROJECT / "tests" / "minimal_theme"


def clear_pelican_signals() -> None:
    """Pelican's signals are global: disconnect the plugins of earlier builds
    (a build shared by a module does this first too)."""
    for signal in vars(signals).values():
        if isinstance(signal, blinker.Signal):
            signal._clear_state()  # blinker's documented reset for tests


@pytest.fixture(autouse=True)
def fresh_pelican_signals():
    clear_pelican_signals()


def project_settings(content: Path, output: Path, **overrides) -> dict:
    """The project's settings and theme, reading `content` into `output`."""
    return read_settings(
        str(PROJECT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(PROJECT / "theme"),
            "PLUGIN_PATHS": [str(PROJECT / "plugins")],
            "CACHE_PATH": str(output.parent / "cache"),
            **overrides,
        },
    )


def build(content: Path, output: Path, **overrides) -> Path:
    """Build `content` into `output` with the project's settings and theme."""
    Pelican(project_settings(content, output, **overrides)).run()
    return output


def pelican_alone(
    content: Path,
    output: Path,
    settings: dict,
    env: dict | None = None,
    settings_file: str = "pelicanconf.py",
) -> str:
    """`pelican` on the command line, with the project's settings, in a process
    of its own (Pelican shows a message once per process; forking needs no other
    threads). Returns what it printed, whitespace collapsed."""
    extra = [f"{key}={json.dumps(value)}" for key, value in settings.items()]
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(PROJECT / settings_file),
        "-o",
        str(output),
        "-e",
        f"THEME={json.dumps(str(PROJECT / 'theme'))}",
        f"PLUGIN_PATHS={json.dumps([str(PROJECT / 'plugins')])}",
        *extra,
    ]
    return run_alone(command, PROJECT, env)


def run_alone(command: list, cwd: Path, env: dict | None = None) -> str:
    result = subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return " ".join((result.stdout + result.stderr).split())


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


class Site:
    """A built site: read pages as BeautifulSoup trees."""

    def __init__(self, output: Path):
        self.output = output

    def path(self, url: str) -> Path:
        url = url.lstrip("/")
        target = self.output / url
        return target / "index.html" if url == "" or url.endswith("/") else target

    def exists(self, url: str) -> bool:
        return self.path(url).is_file()

    def text(self, url: str) -> str:
        return self.path(url).read_text(encoding="utf-8")

    def soup(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.text(url), "html.parser")

    def html_pages(self) -> list[Path]:
        return sorted(self.output.rglob("*.html"))


@pytest.fixture
def make_site(tmp_path):
    """Build a small site from {relative path: Markdown text} and return it."""

    def make(files: dict[str, str], **overrides) -> Site:
        content = tmp_path / "content"
        write_files(content, files)
        return Site(build(content, tmp_path / "output", **overrides))

    return make


def plugins_for(name: str) -> list[str]:
    """`name` and the plugins it requires, transitively, in pelicanconf's order."""
    import pelicanconf

    needed, wanted = set(), [name]
    while wanted:
        plugin = wanted.pop()
        if plugin not in needed:
            needed.add(plugin)
            wanted += importlib.import_module(plugin).REQUIRES
    return [plugin for plugin in pelicanconf.PLUGINS if plugin in needed]


def plugin_settings(plugin: str, content: Path, output: Path, **overrides) -> dict:
    """What a plugin's own tests build with: Pelican's defaults with the site's
    time zone and language, the plugin and those it requires, and the minimal
    theme (tests/minimal_theme)."""
    return {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / "cache"),
        "THEME": str(MINIMAL_THEME),
        # As the project's theme: every value escaped but what is marked safe.
        "JINJA_ENVIRONMENT": {"trim_blocks": True, "autoescape": True},
        "PLUGIN_PATHS": [str(PROJECT / "plugins")],
        "PLUGINS": plugins_for(plugin),
        "TIMEZONE": "Asia/Ho_Chi_Minh",
        "DEFAULT_LANG": "vi",
        **overrides,
    }


def plugin_command(plugin: str, content: Path, output: Path, **overrides) -> list:
    """`pelican` with plugin_settings, for a process of its own; run it outside
    the project folder (Pelican would read its pelicanconf.py)."""
    settings = plugin_settings(plugin, content, output, **overrides)
    extra = [f"{key}={json.dumps(value)}" for key, value in settings.items()]
    return [sys.executable, "-m", "pelican", "-e", *extra]


def plugin_build(plugin: str, content: Path, output: Path, **overrides) -> Site:
    """Build `content` into `output` with plugin_settings; the site's `context`
    is the build's."""
    built = {}
    signals.all_generators_finalized.connect(
        lambda generators: built.update(context=generators[0].context), weak=False
    )
    settings = plugin_settings(plugin, content, output, **overrides)
    Pelican(read_settings(None, override=settings)).run()
    site = Site(output)
    site.context = built["context"]
    return site


def plugin_alone(
    plugin: str, content: Path, output: Path, settings: dict, env: dict | None = None
) -> str:
    """pelican_alone for a plugin's own tests: plugin_settings in a process of
    its own. Returns what it printed, whitespace collapsed."""
    command = plugin_command(plugin, content, output, **settings)
    return run_alone(command, output.parent, env)


@pytest.fixture
def plugin_site(tmp_path):
    """Build {relative path: Markdown text} as a plugin's own tests do."""

    def make(plugin: str, files: dict[str, str | bytes], **overrides) -> Site:
        write_files(tmp_path / "content", files)
        return plugin_build(
            plugin, tmp_path / "content", tmp_path / "output", **overrides
        )

    return make


@pytest.fixture(scope="session")
def project_site(tmp_path_factory) -> Site:
    """The real site, built once from content/."""
    output = tmp_path_factory.mktemp("project") / "output"
    return Site(build(PROJECT / "content", output))


class QuietHandler(SimpleHTTPRequestHandler):
    # As deploy/nginx does: the old portal's .aspx addresses are HTML pages.
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".aspx": "text/html"}

    def log_message(self, *args) -> None:
        pass


class LocalServer(ThreadingHTTPServer):
    # The default backlog of 5 resets connections when Chromium opens several
    # at once on a busy machine.
    request_queue_size = 64
    daemon_threads = True


@contextmanager
def serving(directory: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 and yield its base URL."""
    handler = partial(QuietHandler, directory=str(directory))
    server = LocalServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def served_project(project_site) -> Iterator[str]:
    """The real site served on 127.0.0.1 for the whole session."""
    with serving(project_site.output) as base:
        yield base


NODE_MODULES = PROJECT / "node_modules"
