"""Pelican settings for the published site: `pelican content -s publishconf.py`."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402, F403

# The department's public address. Change it here when the domain changes.
SITEURL = "https://sokhcn.quangninh.gov.vn"
SITE_ORIGIN = SITEURL
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False

# The published site; the preview goes to preview/ (pelicanconf.py).
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = True
# Build into a temporary folder and swap it in only when there is no error.
SAFE_PUBLISH = True
# Content-hashed CSS/JS names and gzip/brotli copies, for any static host or CDN.
FINGERPRINT_ASSETS = True
PRECOMPRESS = True
# "Thống kê truy cập" from the server's access log (deploy/visit-stats).
VISIT_STATS_PATH = "thong-ke/truy-cap.json"
# No error page and no drafts on the public site.
CONTENT_PROBLEMS_SAVE_AS = ""
CONTENT_PROBLEMS_JSON_SAVE_AS = ""
DRAFT_URL = DRAFT_SAVE_AS = ""

# Where `sokhcn publish` (and "Xuất bản" on the desk) sends the built site after
# a clean build: "" when the web server serves output/ itself; an rsync target
# such as "deploy@may-chu:/srv/sokhcn/output/"; or "s3://bucket/prefix" with
# DEPLOY_ENDPOINT_URL for a store outside AWS (docs/deploy.md).
DEPLOY_TARGET = ""
DEPLOY_ENDPOINT_URL = ""
