"""Pelican settings for the preview build of the department website."""

SITENAME = "Sở Khoa học và Công nghệ tỉnh Quảng Ninh"
SITENAME_EN = "Quang Ninh Department of Science and Technology"
SITE_PARENT = "Ủy ban nhân dân tỉnh Quảng Ninh"
SITE_PARENT_EN = "Quang Ninh Provincial People's Committee"
SITESUBTITLE = "Cổng thông tin điện tử"
SITE_DESCRIPTION = (
    "Tin tức, thông báo, văn bản chỉ đạo điều hành và hoạt động khoa học, "
    "công nghệ của Sở Khoa học và Công nghệ tỉnh Quảng Ninh."
)
# No AUTHOR: Pelican would sign every unsigned article with it.
SITEURL = ""
# Absolute address used for canonical links, Open Graph, feeds and the sitemap.
SITE_ORIGIN = "http://127.0.0.1:8000"
FEED_DOMAIN = SITE_ORIGIN

PATH = "content"
# The preview (scripts/serve.sh, the desk) is built into preview/; the published
# site (publishconf.py) into output/, so neither overwrites the other.
OUTPUT_PATH = "preview"
THEME = "theme"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"

PLUGIN_PATHS = ["plugins"]
# safe_publish comes first so that it counts every error of the build.
PLUGINS = [
    "safe_publish",
    "vietnamese",
    "newsroom",
    "content_check",
    "sanitizer",
    "article_text",
    "legacy_redirects",
    "linked_websites",
    "machine_readable",
    "work_calendar",
    "official_documents",
    "date_archives",
    "related",
    "english_pages",
    "search_index",
    "static_host",
    "pelican_adapter",
]
# Preview builds list content problems on this page and link it from a banner.
CONTENT_PROBLEMS_SAVE_AS = "loi-noi-dung/index.html"
# The same problems as data, for the banner of an open page whose article
# stopped building, and for the desk.
CONTENT_PROBLEMS_JSON_SAVE_AS = "loi-noi-dung/loi.json"

# Markdown only: the reStructuredText reader is switched off.
READERS = {"rst": None}
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "files"]
# Articles and pages are never translations of each other here: English pages
# stand on their own, so slugs must not group items.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

# The categories (chuyên mục), in menu order. A category not listed here is an
# error in the content, never a new category.
CATEGORIES = [
    "Tin hoạt động",
    "Chỉ đạo điều hành",
    "Khoa học và công nghệ",
    "Đề tài - dự án",
    "Sở hữu trí tuệ",
    "Tiêu chuẩn - Đo lường - Chất lượng",
    "Chuyển đổi số",
    "Thông báo",
]
# Categories shown in the top navigation (the rest are under "Chuyên mục").
MENU_CATEGORIES = [
    "Tin hoạt động",
    "Chỉ đạo điều hành",
    "Khoa học và công nghệ",
    "Chuyển đổi số",
    "Thông báo",
]
HOT_NEWS_COUNT = 5
FEATURED_NEWS_COUNT = 5
HOME_CATEGORY_COUNT = 4
OTHER_NEWS_COUNT = 6
# Tin liên quan under each article; Tin trước / Tin sau across the whole site.
RELATED_COUNT = 5
PREVIOUS_NEXT_SCOPE = "site"
LINKED_WEBSITES_FILE = "data/website-lien-ket.md"
LINKED_WEBSITES_SAVE_AS = "website-lien-ket/index.html"

# Visit statistics ("Thống kê truy cập"): the file the web server's timer writes
# from its access log (deploy/visit-stats, docs/deploy.md), served by the same
# host. The preview has no access log, so no widget; publishconf.py sets it.
VISIT_STATS_PATH = ""
# Or GoatCounter instead, e.g. "https://sokhcn.goatcounter.com" or a self-hosted
# GoatCounter: then add its host to the Content-Security-Policy's connect-src
# (deploy/nginx).
GOATCOUNTER_URL = ""
# The national EMC monitoring script (Circular 22/2023), loaded as an external
# script, never inline. Empty: not loaded. Add its host to script-src.
EMC_SCRIPT_URL = ""
# Preview only: reload the open page when its content changes after a rebuild
# (scripts/serve.sh turns it on; theme/static/js/live-reload.js).
LIVE_RELOAD = False

# The editors' desk (/quan-tri/, desk/): the uploads it accepts, by folder under
# content/ (each upload goes into a folder of its year). Pictures are checked by
# their first bytes; SVG is not accepted (it can carry scripts).
DESK_UPLOADS = {
    "images": {
        "label": "ảnh",
        "extensions": ["jpg", "jpeg", "png", "gif", "webp"],
        "max_mb": 5,
        "pictures": True,
    },
    "files": {
        "label": "tệp đính kèm",
        "extensions": [
            "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp",
            "txt", "csv", "zip", "rar", "7z",
        ],
        "max_mb": 20,
    },
}  # fmt: skip

CONTACT = {
    "address": "Tầng 5, Trụ sở Liên cơ quan số 3, phường Hồng Gai, tỉnh Quảng Ninh",
    "phone": "0203.3835.410",
    "email": "sokhcn@quangninh.gov.vn",
}
# The footer of the English pages (/en/, the english_pages plugin).
CONTACT_EN = {
    **CONTACT,
    "address": (
        "5th floor, Joint Office Building No. 3, Hong Gai Ward, "
        "Quang Ninh Province, Viet Nam"
    ),
    "phone": "+84 203 3835 410",
}

# URLs: Vietnamese, readable, one folder per page. An article's slug is its file
# name, so a changed title never breaks a published link.
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = "tin-tuc/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
DRAFT_URL = "ban-nhap/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = PAGE_LANG_URL + "index.html"
CATEGORY_URL = "chuyen-muc/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_SAVE_AS = "chuyen-muc/index.html"
TAG_URL = "the/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_SAVE_AS = "the/index.html"
AUTHOR_URL = "tac-gia/{slug}/"
AUTHOR_SAVE_AS = AUTHOR_URL + "index.html"
AUTHORS_SAVE_AS = "tac-gia/index.html"
UNIT_URL = "don-vi/{slug}/"
UNIT_SAVE_AS = UNIT_URL + "index.html"
UNITS_SAVE_AS = "don-vi/index.html"
ARCHIVES_SAVE_AS = "luu-tru/index.html"
# Archives by year, month and day are written by the date_archives plugin in
# linear time; Pelican's own period archives (quadratic) stay off.
YEAR_ARCHIVE_URL = "luu-tru/{date:%Y}/"
MONTH_ARCHIVE_URL = "luu-tru/{date:%Y}/{date:%m}/"
DAY_ARCHIVE_URL = "luu-tru/{date:%Y}/{date:%m}/{date:%d}/"
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
# The work calendar (Lịch công tác): one Markdown file per ISO week.
SCHEDULE_PATH = "schedule"
SCHEDULE_INDEX_URL = "lich-cong-tac/"
# Văn bản (documents database): one Markdown file per document under
# content/van-ban/<year>/. A value not in these lists is an error in the
# document, never a new value. Names must not contain a comma (it separates
# several Lĩnh vực).
DOCUMENTS_PATH = "van-ban"
DOCUMENTS_URL = "van-ban/"
DOCUMENT_URL = "van-ban/{year}/{slug}/"
DOCUMENT_KINDS = [
    "Nghị quyết",
    "Quyết định",
    "Kế hoạch",
    "Thông báo",
    "Công văn",
    "Báo cáo",
    "Chỉ thị",
    "Hướng dẫn",
    "Tờ trình",
]
DOCUMENT_ISSUERS = [
    "Sở Khoa học và Công nghệ tỉnh Quảng Ninh",
    "Ủy ban nhân dân tỉnh Quảng Ninh",
    "Hội đồng nhân dân tỉnh Quảng Ninh",
    "Bộ Khoa học và Công nghệ",
    "Chính phủ",
]
DOCUMENT_SECTORS = [
    "Khoa học và công nghệ",
    "Đổi mới sáng tạo",
    "Chuyển đổi số",
    "Sở hữu trí tuệ",
    "Tiêu chuẩn - Đo lường - Chất lượng",
    "An toàn bức xạ và hạt nhân",
    "Bưu chính - Viễn thông",
    "Cải cách hành chính",
    "Tổ chức cán bộ",
    "Thanh tra - Pháp chế",
    "Tài chính - Kế hoạch",
]
DOCUMENTS_RECENT_COUNT = 5
# Drafts for comment that name no address take this one.
DOCUMENTS_COMMENT_EMAIL = "sokhcn@quangninh.gov.vn"
# "Tiếp cận thông tin" (Law on Access to Information 2016, Decree 13/2018):
# the contact point, the request forms, and what the portal publishes.
ACCESS_TO_INFORMATION_URL = "tiep-can-thong-tin/"
ACCESS_TO_INFORMATION = {
    "contact": {
        "unit": "Văn phòng Sở Khoa học và Công nghệ",
        "person": "Chánh Văn phòng Sở",
        "address": "Tầng 5, Trụ sở Liên cơ quan số 3, phường Hồng Gai, tỉnh Quảng Ninh",
        "phone": "0203.3835.410",
        "email": "sokhcn@quangninh.gov.vn",
        "hours": "Sáng từ 7 giờ 30 đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ, "
        "thứ Hai đến thứ Sáu (trừ ngày lễ, Tết)",
    },
    "forms": [
        (
            "Phiếu yêu cầu cung cấp thông tin (công dân tự yêu cầu)",
            "files/tiep-can-thong-tin/phieu-yeu-cau-cung-cap-thong-tin.pdf",
        ),
        (
            "Phiếu yêu cầu cung cấp thông tin (qua người đại diện, người giám hộ)",
            "files/tiep-can-thong-tin/phieu-yeu-cau-qua-nguoi-dai-dien.pdf",
        ),
    ],
    # What the portal publishes, with where to find it (site paths or https).
    "published": [
        ("Chức năng, nhiệm vụ, quyền hạn của Sở", "chuc-nang-nhiem-vu/"),
        ("Cơ cấu tổ chức", "co-cau-to-chuc/"),
        ("Lãnh đạo Sở", "lanh-dao-so/"),
        ("Văn bản do Sở ban hành hoặc tham mưu ban hành", "van-ban/"),
        ("Dự thảo văn bản lấy ý kiến", "van-ban/tinh-trang/du-thao-lay-y-kien/"),
        ("Lịch công tác của Lãnh đạo Sở", "lich-cong-tac/"),
        ("Thông báo", "chuyen-muc/thong-bao/"),
        ("Chỉ đạo điều hành", "chuyen-muc/chi-dao-dieu-hanh/"),
        ("Đề tài, dự án khoa học và công nghệ", "chuyen-muc/de-tai-du-an/"),
        ("Dữ liệu mở: văn bản (JSON)", "du-lieu/van-ban.json"),
        ("Dữ liệu mở: tin bài (JSON)", "du-lieu/bai-viet.json"),
        (
            "Thủ tục hành chính (Cổng Dịch vụ công quốc gia)",
            "https://dichvucong.gov.vn/",
        ),
    ],
}
SEARCH_SAVE_AS = "tim-kiem/index.html"
SEARCH_INDEX_PATH = "tim-kiem/chi-muc"
SITEMAP_SAVE_AS = "so-do-cong/index.html"
NOTFOUND_SAVE_AS = "404.html"
DIRECT_TEMPLATES = [
    "index",
    "categories",
    "tags",
    "authors",
    "archives",
    "search",
    "sitemap",
    "notfound",
]

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {
    "category": None,
    "tag": None,
    "author": None,
    "unit": None,
    "period_archives": None,
    "documents": 20,
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/trang/{number}/", "{base_name}/trang/{number}/index.html"),
)

FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = True

# Lead (sapo) when an article has no Summary: its first paragraph, at most 60 words.
SUMMARY_MAX_PARAGRAPHS = 1
SUMMARY_MAX_LENGTH = 60
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "autoescape": True,
}
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}

DELETE_OUTPUT_DIRECTORY = False
# Each build writes to a temporary folder; then only changed files are moved
# into output/ and files no longer made are removed (safe_publish plugin).
SYNC_OUTPUT = True
CACHE_CONTENT = False
