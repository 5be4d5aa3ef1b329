"""Vanilla Pelican 4.12 for the build benchmark: default theme, no plugins.

Only what the corpus needs to be read the same way is set; everything else
(theme "notmyidea", feeds, Markdown extensions, URLs `{slug}.html`) is
Pelican's default. The benchmark passes the content and output folders, and
the cache settings, on the command line.
"""

SITENAME = "Sở Khoa học và Công nghệ tỉnh Quảng Ninh"
SITEURL = ""
FEED_DOMAIN = "http://127.0.0.1:8000"  # as ours; without it Pelican warns
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
PLUGINS = []  # none (None would load every installed namespace plugin)
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "files"]
# File names are unique, generated titles are not: slugs from file names, as ours.
SLUGIFY_SOURCE = "basename"
# Ten per listing page, as ours and Hugo's paginate (Pelican's default: no pages).
DEFAULT_PAGINATION = 10
