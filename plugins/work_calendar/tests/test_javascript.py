"""Runs the widget script's node tests (work_calendar.test.js) with the suite."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_widget_date_rules_in_node():
    test_file = Path(__file__).with_name("work_calendar.test.js")
    result = subprocess.run(
        [NODE, "--test", str(test_file)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
