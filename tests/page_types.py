"""One URL of every page type of the real site, for the site-wide gates."""

SEED_URL = (
    "tin-tuc/2017/so-khoa-hoc-va-cong-nghe-hop-danh-gia-ket-qua-hoat-dong-thang-10/"
)

PAGE_TYPES = {
    "home": "",
    "article": SEED_URL,
    "category": "chuyen-muc/tin-hoat-dong/",
    "category page 2": "chuyen-muc/tin-hoat-dong/trang/2/",
    "tag": "the/hop-giao-ban/",
    "author": "tac-gia/truong-the-binh/",
    "unit": "don-vi/van-phong/",
    "categories": "chuyen-muc/",
    "tags": "the/",
    "archives": "luu-tru/",
    "year archive": "luu-tru/2017/",
    "month archive": "luu-tru/2017/11/",
    "day archive": "luu-tru/2017/11/16/",
    "schedule week": "lich-cong-tac/2017/tuan-46/",
    "schedule weeks": "lich-cong-tac/",
    "search": "tim-kiem/",
    "search results": "tim-kiem/?q=hop+giao+ban&chuyen-muc=tin-hoat-dong",
    "site map": "so-do-cong/",
    "linked websites": "website-lien-ket/",
    "static page": "lanh-dao-so/",
    "English home": "en/",
    "English about": "en/about-us/",
    "English contact": "en/contact/",
    "documents": "van-ban/",
    "documents filter": "van-ban/loai/quyet-dinh/",
    "document": "van-ban/2024/qd-215-ubnd-cong-bo-tthc/",
    "draft document": "van-ban/2026/du-thao-01-2026-quy-che-quy-phat-trien-khcn/",
    "access to information": "tiep-can-thong-tin/",
    "404": "404.html",
    "content problems": "loi-noi-dung/",
}
