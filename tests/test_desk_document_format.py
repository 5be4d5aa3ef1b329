"""The desk's document format (desk/static/formats.js) reads every label the
documents' reader (official_documents) reads, and writes the ones it shows."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from official_documents import FIELD_LABELS
from official_documents.document_file import LABELS

PROJECT = Path(__file__).resolve().parent.parent
DUMP = (
    "const f = require('./desk/static/formats.js');"
    "console.log(JSON.stringify("
    "{labels: f.DOCUMENT_LABELS, fields: f.DOCUMENT_FIELDS}))"
)


def test_the_desk_and_the_reader_know_the_same_labels():
    done = subprocess.run(
        ["node", "-e", DUMP], cwd=PROJECT, capture_output=True, text=True, check=True
    )
    desk = json.loads(done.stdout)
    assert desk["labels"] == LABELS
    assert {f["key"]: f["name"] for f in desk["fields"]} == FIELD_LABELS
    # The desk writes them in the order editors type them (docs/editors.md).
    assert [f["key"] for f in desk["fields"]] == list(FIELD_LABELS)
