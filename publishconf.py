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

DELETE_OUTPUT_DIRECTORY = True
