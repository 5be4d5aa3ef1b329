"""What the desk accepts as uploads, from the site's settings (DESK_UPLOADS).

The same rules go to the browser (the CMS configuration: types, sizes) and to
the backend's guard (desk/backend/server.js), which is the one that refuses.
"""

from __future__ import annotations

from pathlib import PurePosixPath

MEGABYTE = 1 << 20


def upload_rules(settings, content_prefix: str) -> dict[str, dict]:
    """{"images": {...}, "files": {...}} with each kind's folder and byte limit."""
    rules = {}
    for kind, rule in settings["DESK_UPLOADS"].items():
        rules[kind] = {
            "folder": str(PurePosixPath(content_prefix) / kind),
            "label": rule["label"],
            "extensions": [e.lower() for e in rule["extensions"]],
            "max_mb": rule["max_mb"],
            "max_bytes": int(rule["max_mb"] * MEGABYTE),
            "pictures": bool(rule.get("pictures")),
        }
    return rules


def backend_rules(settings, content_prefix: str, email_domain: str) -> dict:
    uploads = upload_rules(settings, content_prefix)
    biggest = max(rule["max_bytes"] for rule in uploads.values())
    return {
        "content": content_prefix,
        "uploads": list(uploads.values()),
        "email_domain": email_domain,
        # base64 makes an upload a third bigger; the entry's text comes with it.
        "max_request_bytes": biggest * 4 // 3 + 4 * MEGABYTE,
    }
