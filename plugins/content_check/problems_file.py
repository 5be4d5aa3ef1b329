"""The preview's problems as JSON, for the open page's banner and the desk."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .problems import Problem


def problems_json(problems: list[Problem], summary: str, content_root: str) -> str:
    """{"summary", "problems": [{"file" (from the content folder), "line",
    "severity", "message", "fix"}]}."""
    root = os.path.abspath(content_root)
    return json.dumps(
        {
            "summary": summary,
            "problems": [
                {
                    "file": Path(
                        os.path.relpath(os.path.abspath(p.path), root)
                    ).as_posix(),
                    "line": p.line,
                    "severity": p.severity,
                    "is_error": p.is_error,
                    "message": p.message,
                    "fix": p.fix,
                }
                for p in problems
            ],
        },
        ensure_ascii=False,
        indent=1,
    )


def write_problems_json(output_path: str, save_as: str, text: str) -> None:
    target = Path(output_path) / save_as
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
