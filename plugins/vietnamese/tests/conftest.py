"""Make the plugin importable as ``vietnamese``, as Pelican's PLUGIN_PATHS does."""

import sys
from pathlib import Path

import pytest

PLUGINS_DIR = Path(__file__).resolve().parents[2]
if str(PLUGINS_DIR) not in sys.path:
    sys.path.insert(0, str(PLUGINS_DIR))


@pytest.fixture(scope="session")
def vectors() -> dict:
    from vietnamese.tests.helpers import load_vectors

    return load_vectors()
