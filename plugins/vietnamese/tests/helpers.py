"""Paths and vector loading shared by the tests."""

import json
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
PLUGINS_DIR = PACKAGE_DIR.parent
VECTORS_PATH = PACKAGE_DIR / "vectors.json"
VNTEXT_JS = PLUGINS_DIR.parent / "theme" / "static" / "js" / "vntext.js"


def load_vectors() -> dict:
    return json.loads(VECTORS_PATH.read_text(encoding="utf-8"))
