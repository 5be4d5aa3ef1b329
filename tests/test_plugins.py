"""Every plugin declares the plugins it needs loaded (REQUIRES), each of them
exists and comes before it in pelicanconf.PLUGINS; a plugin's own tests build
with exactly those (conftest.plugins_for)."""

from __future__ import annotations

import importlib

import pytest

import pelicanconf
import publishconf
from conftest import PROJECT, plugins_for

PACKAGES = sorted(path.parent.name for path in PROJECT.glob("plugins/*/__init__.py"))
LIBRARIES = ["build_runtime"]  # used by plugins, loaded by no build


def test_every_package_but_the_libraries_is_a_loaded_plugin():
    assert sorted(pelicanconf.PLUGINS) == sorted(set(PACKAGES) - set(LIBRARIES))
    assert publishconf.PLUGINS == pelicanconf.PLUGINS
    for library in LIBRARIES:
        assert not hasattr(importlib.import_module(library), "register")


@pytest.mark.parametrize("name", pelicanconf.PLUGINS)
def test_a_plugins_requirements_exist_and_come_before_it(name):
    plugin = importlib.import_module(name)
    assert callable(plugin.register)
    assert isinstance(plugin.REQUIRES, list), f"{name} declares no REQUIRES"
    position = pelicanconf.PLUGINS.index(name)
    for required in plugin.REQUIRES:
        assert required in pelicanconf.PLUGINS, (name, required)
        assert pelicanconf.PLUGINS.index(required) < position, (name, required)


def test_a_plugins_tests_load_it_and_its_requirements_in_order():
    assert plugins_for("search_index") == ["sanitizer", "article_text", "search_index"]
    assert plugins_for("official_documents") == ["content_check", "official_documents"]
    assert plugins_for("pelican_adapter") == ["safe_publish", "pelican_adapter"]
    assert plugins_for("newsroom") == ["newsroom"]
