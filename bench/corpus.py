"""Deterministic Vietnamese news corpora, shared by the benchmarks.

Articles look like the department's news: meetings (họp giao ban), investment
(đầu tư), fisheries (thủy sản / thuỷ sản), integration (hòa nhập / hoà nhập),
places such as Đông Triều, standards, intellectual property and digital
transformation, with the distractors that fool folded search ("hợp tác", "bàn
giao", "ban hành", "triệu đồng", "bắt đầu từ", "văn hóa", "sản xuất"). Half of the
articles use the new tone placement (hoà, thuỷ), and one in ten is stored
decomposed (NFD), as real content arrives.

- `generate` and `write_corpus`: the search benchmark's corpus (bench/search),
  unchanged for a given seed so its results stay comparable.
- `site_articles` and `write_site`: a whole site for the build benchmark
  (bench/build): the same text with the newsroom's header fields as editors
  write them (day-first dates, a pool of "Name - Unit" bylines, Hot/HotUntil,
  Featured, Image, Attachments, Related, LegacyURL), links to other articles,
  all in NFC, plus the project's own pages, schedule, images and attachments.

    python bench/corpus.py 2000 /tmp/corpus         # search: content/, corpus.json
    python bench/corpus.py --site 2000 /tmp/site    # build: content/
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import unicodedata
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from vietnamese import canonical, slugify, tokenize  # noqa: E402

PLACES = [
    "Hạ Long", "Cẩm Phả", "Uông Bí", "Móng Cái", "Đông Triều", "Quảng Yên",
    "Vân Đồn", "Tiên Yên", "Bình Liêu", "Đầm Hà", "Hải Hà", "Ba Chẽ", "Cô Tô",
    "Hoành Bồ",
]  # fmt: skip
# Hạ Long is in most news; Đông Triều in about one article in fifty.
PLACE_WEIGHTS = [12, 6, 6, 5, 1, 4, 4, 3, 3, 3, 3, 2, 2, 2]
UNITS = [
    "Văn phòng Sở", "Thanh tra Sở", "Phòng Quản lý khoa học",
    "Phòng Quản lý công nghệ và Sở hữu trí tuệ", "Phòng Kế hoạch - Tài chính",
    "Chi cục Tiêu chuẩn Đo lường Chất lượng",
    "Trung tâm Thông tin và Thống kê khoa học và công nghệ",
    "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
    "Quỹ Phát triển khoa học và công nghệ",
]  # fmt: skip
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Trương",
    "Đinh",
    "Lương",
    "Mai",
    "Tạ",
    "Phan",
]  # noqa: E501
MIDDLE = [
    "Văn",
    "Thị",
    "Minh",
    "Thanh",
    "Hữu",
    "Đức",
    "Quang",
    "Ngọc",
    "Thu",
    "Xuân",
    "Hồng",
    "Thế",
    "Kim",
    "Bảo",
    "Anh",
]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "Nam",
    "Nga",
    "Ngân",
    "Nhung",
    "Phong",
    "Phúc",
    "Phương",
    "Quân",
    "Quyên",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Thủy",
    "Tiến",
    "Trang",
    "Trung",
    "Tuấn",
    "Tùng",
    "Vân",
    "Việt",
    "Yến",
    "Đạt",
    "Định",
    "Đông",
    "Hiền",
    "Lộc",
    "Thành",
]
PRODUCTS = [
    "chè Hải Hà", "ba kích Ba Chẽ", "ngán Vân Đồn", "sá sùng Cô Tô", "mực Hạ Long",
    "gà Tiên Yên", "rượu ba kích", "hải sâm", "tôm he", "hàu Thái Bình Dương",
    "nếp cái hoa vàng", "vải chín sớm", "miến dong Bình Liêu", "trà hoa vàng",
    "gốm sứ", "cá song", "nấm linh chi", "thạch đen", "mật ong rừng", "cây dược liệu",
]  # fmt: skip
COMPANY_WORDS = [
    "Hồng",
    "Phát",
    "Tân",
    "Tiến",
    "Minh",
    "Long",
    "Đại",
    "Dương",
    "Hòa",
    "Bình",
    "Thành",
    "Công",
    "Việt",
    "Hưng",
    "Phú",
    "Quý",
    "Kim",
    "Sơn",
    "Hải",
    "Âu",
    "Bảo",
    "Ngọc",
    "Thiên",
    "Ân",
    "Lộc",
    "Phát",
    "Trường",
    "Sinh",
    "Đông",
    "Á",
]
NOUNS = [
    "máy móc",
    "thiết bị",
    "vật tư",
    "hóa chất",
    "giống cây trồng",
    "vật nuôi",
    "phân bón",
    "thức ăn chăn nuôi",
    "công nghệ sinh học",
    "vật liệu mới",
    "năng lượng tái tạo",
    "điện mặt trời",
    "nước sạch",
    "môi trường",
    "rác thải nhựa",
    "bảo quản sau thu hoạch",
    "truy xuất nguồn gốc",
    "mã số mã vạch",
    "tem điện tử",
    "kho lạnh",
    "cảng biển",
    "du lịch sinh thái",
    "làng nghề",
    "nông thôn mới",
    "đô thị thông minh",
    "trí tuệ nhân tạo",
    "dữ liệu lớn",
    "điện toán đám mây",
    "an toàn thông tin",
    "chữ ký số",
    "hóa đơn điện tử",
    "hồ sơ số",
    "bản đồ số",
    "cảm biến",
    "thiết bị bay",
    "camera giám sát",
    "y tế",
    "giáo dục",
    "đào tạo nghề",
    "khởi nghiệp",
    "đổi mới sáng tạo",
    "vườn ươm",
    "phòng thí nghiệm",
    "trung tâm dữ liệu",
    "chuyên gia",
    "kinh phí",
    "ngân sách",
    "nguồn lực",
    "thể chế",
    "chính sách",
    "quy chuẩn kỹ thuật",
    "xử lý nước thải",
    "tưới tiết kiệm",
    "nhà màng",
    "chế phẩm sinh học",
    "vi sinh vật",
    "phân tích mẫu",
    "hiệu chuẩn",
    "thử nghiệm",
    "sinh thái rừng",
    "bảo tồn nguồn gen",
    "cây dược liệu",
    "thương mại điện tử",
]
# Modifiers and extra phrases: the long tail of real news text.
MODIFIERS = [
    "hiện đại",
    "tiên tiến",
    "bền vững",
    "hiệu quả",
    "an toàn",
    "thân thiện với môi trường",
    "quy mô lớn",
    "chất lượng cao",
    "giá trị gia tăng",
    "đặc thù",
    "trọng điểm",
    "liên kết",
    "theo chuỗi",
    "khép kín",
    "tự động hóa",
    "thông minh",
    "tiết kiệm",
    "cạnh tranh",
    "minh bạch",
    "đồng bộ",
    "thống nhất",
    "chuyên sâu",
    "liên ngành",
    "cấp cơ sở",
    "cấp tỉnh",
    "cấp quốc gia",
    "của doanh nghiệp",
    "của hợp tác xã",
    "của người dân",
    "vùng cao",
    "ven biển",
    "hải đảo",
    "biên giới",
    "miền núi",
    "đô thị",
    "nông thôn",
    "công nghiệp",
    "nông nghiệp",
    "dịch vụ",
]
EXTRA_NOUNS = [
    "lúa gạo",
    "rau an toàn",
    "cây ăn quả",
    "hoa lan",
    "nấm ăn",
    "cá nước lạnh",
    "bò thịt",
    "lợn rừng",
    "ong mật",
    "tre luồng",
    "keo lai",
    "quế",
    "hồi",
    "sa nhân",
    "dầu tràm",
    "muối biển",
    "rong biển",
    "san hô",
    "rừng ngập mặn",
    "than đá",
    "xi măng",
    "gạch không nung",
    "thép",
    "cơ khí",
    "điện tử",
    "ô tô",
    "cảng cá",
    "chợ đầu mối",
    "siêu thị",
    "khách sạn",
    "nhà hàng",
    "bến xe",
    "trạm y tế",
    "trường học",
    "bệnh viện",
    "thư viện",
    "bảo tàng",
    "di tích",
    "lễ hội",
    "làng chài",
    "hợp tác xã nông nghiệp",
    "tổ hợp tác",
    "câu lạc bộ",
    "hội thi",
    "giải thưởng",
    "sáng kiến",
    "bằng độc quyền",
    "kiểu dáng công nghiệp",
    "giải pháp hữu ích",
    "tiêu chuẩn cơ sở",
    "quy chuẩn địa phương",
    "phòng thử nghiệm",
    "chuẩn đo lường",
    "cân đồng hồ",
    "công tơ điện",
    "đồng hồ nước",
    "cột đo xăng dầu",
    "máy đo huyết áp",
    "nhiệt kế",
    "taxi",
    "phần mềm một cửa",
    "cổng dịch vụ công",
    "ứng dụng di động",
    "mạng xã hội",
    "trang thông tin",
    "thư điện tử",
    "hội nghị trực tuyến",
    "dữ liệu mở",
    "định danh điện tử",
]
ACTIONS = [
    "đã tổ chức", "tiếp tục triển khai", "đề nghị", "tập trung", "phối hợp thực hiện",
    "hướng dẫn", "kiểm tra", "đánh giá", "rà soát", "báo cáo", "chỉ đạo", "hỗ trợ",
    "xây dựng", "hoàn thiện", "đẩy mạnh", "nâng cao", "tăng cường", "thúc đẩy",
    "ứng dụng", "nghiệm thu", "tuyên truyền", "phổ biến", "khảo sát", "thẩm định",
    "theo dõi", "cập nhật", "công bố", "tiếp nhận", "giám sát", "nhân rộng",
]  # fmt: skip
SUBJECTS = [
    "Sở Khoa học và Công nghệ", "Ủy ban nhân dân tỉnh", "các sở, ngành liên quan",
    "Hội đồng khoa học", "đoàn công tác", "các doanh nghiệp", "các hợp tác xã",
    "nhóm nghiên cứu", "lãnh đạo Sở", "các đơn vị trực thuộc",
    "Ủy ban nhân dân thành phố {place}", "cán bộ, công chức", "{unit}",
    "Chủ nhiệm đề tài", "Hội Nông dân tỉnh", "Liên hiệp các Hội khoa học và kỹ thuật",
]  # fmt: skip
OBJECTS = [
    "kế hoạch công tác năm {y}", "các nhiệm vụ khoa học và công nghệ",
    "quy trình kỹ thuật {noun}", "mô hình sản xuất {product}", "hồ sơ đề xuất",
    "cơ sở dữ liệu {noun}", "hệ thống quản lý chất lượng", "tiêu chuẩn quốc gia",
    "chương trình hỗ trợ doanh nghiệp", "nhãn hiệu tập thể {product}",
    "giải pháp tiết kiệm năng lượng", "dịch vụ công trực tuyến",
    "thủ tục hành chính", "phương tiện đo", "sản phẩm chủ lực của tỉnh",
    "công nghệ {noun}", "đội ngũ cán bộ", "kết quả nghiên cứu {noun}",
    "nguồn kinh phí sự nghiệp", "mạng lưới {noun}", "ứng dụng {noun}",
]  # fmt: skip
ADVERBIALS = [
    "trên địa bàn tỉnh", "trong thời gian tới", "theo đúng quy định", "tại {place}",
    "trong năm {y}", "một cách hiệu quả", "nhằm nâng cao năng suất, chất lượng",
    "đến năm {y2}", "với tổng kinh phí {n} triệu đồng", "giai đoạn {y}-{y2}",
    "theo Quyết định số {n}/QĐ-UBND", "tại các huyện miền núi",
    "tại thị xã {place}", "cho {n} hộ dân", "trong {n} tháng đầu năm",
]  # fmt: skip
# Sentences that put the probe syllables in the text without the probe phrases.
DISTRACTORS = [
    "Hai bên đã ký thỏa thuận hợp tác, bàn giao hồ sơ cho Ban Quản lý dự án.",
    "Sở Giáo dục và Đào tạo phối hợp ban hành văn bản hướng dẫn các trường.",
    "Đơn vị đã tổng hợp ý kiến, giao nhiệm vụ cho từng phòng và ban hành kế hoạch.",
    "Tổng kinh phí thực hiện là {n} triệu đồng, bắt đầu từ tháng {m}.",
    "Hoạt động này góp phần xây dựng cộng đồng doanh nghiệp năng động.",
    "Mùa đông năm nay, triều cường dâng cao gây ngập một số tuyến đường ven biển.",
    "Bắt đầu từ ngày 01/{m}, các đơn vị tự động cập nhật dữ liệu lên hệ thống.",
    "Chuyên gia tư vấn hướng dẫn cách bảo quản xăng dầu và dầu nhớt an toàn.",
    "Sản xuất nông nghiệp gắn với công trình thủy lợi được quan tâm đầu tư nâng cấp.",
    "Các sản phẩm văn hóa, hóa chất và hàng nhập khẩu được kiểm tra chặt chẽ.",
    "Thu nhập của người lao động tăng, đời sống văn hóa tinh thần được nâng lên.",
    "Quá trình hội nhập quốc tế đòi hỏi doanh nghiệp đổi mới công nghệ.",
    "Tài sản trí tuệ của doanh nghiệp cần được đăng ký bảo hộ kịp thời.",
    "Cán bộ phụ trách đã giao ban với các xã để nắm tình hình sản xuất.",
    "Hộp đựng mẫu thử được niêm phong trước khi chuyển đến phòng thí nghiệm.",
    "Bản tin khoa học và công nghệ số tháng {m} đã được phát hành.",
    "Thông tin về tình hình kinh tế được cập nhật thường xuyên.",
]  # fmt: skip


@dataclass
class Topic:
    name: str
    categories: list[str]
    weight: float
    titles: list[str]
    leads: list[str]
    sentences: list[str]
    tags: list[str]


TOPICS = [
    Topic(
        "meeting",
        ["Tin hoạt động", "Chỉ đạo điều hành"],
        3,
        [
            "Sở Khoa học và Công nghệ họp giao ban công tác tháng {m}/{y}",
            "Họp giao ban công tác quý {q} năm {y}",
            "{leader} chủ trì họp giao ban tháng {m}",
            "Họp giao ban khối văn phòng tháng {m} năm {y}",
        ],
        [
            "Ngày {d}/{m}/{y}, Sở Khoa học và Công nghệ tổ chức họp giao ban "
            "đánh giá kết quả công tác tháng {m} và triển khai nhiệm vụ tháng tới.",
            "Cuộc họp giao ban định kỳ của Sở do {leader} chủ trì đã thống nhất "
            "các nhiệm vụ trọng tâm trong thời gian tới.",
        ],
        [
            "Tại buổi họp giao ban, các phòng, đơn vị báo cáo kết quả thực hiện "
            "nhiệm vụ tháng {m}.",
            "Kết luận cuộc họp giao ban, {leader} yêu cầu các đơn vị tập trung hoàn "
            "thành kế hoạch năm {y}.",
            "Họp giao ban cũng thống nhất lịch kiểm tra các nhiệm vụ chuyển tiếp.",
            "Các ý kiến tại cuộc họp giao ban đã được tổng hợp gửi lãnh đạo Sở.",
        ],
        ["họp giao ban", "công tác chỉ đạo", "kế hoạch"],
    ),
    Topic(
        "investment",
        ["Đề tài - dự án", "Chỉ đạo điều hành", "Tin hoạt động"],
        8,
        [
            "Thu hút đầu tư vào khoa học và công nghệ tại {place}",
            "Đầu tư trang thiết bị cho phòng thí nghiệm {noun}",
            "Hội nghị xúc tiến đầu tư dự án {noun} năm {y}",
            "Doanh nghiệp {company} đầu tư dây chuyền {noun}",
        ],
        [
            "Tỉnh Quảng Ninh tiếp tục ưu tiên đầu tư cho khoa học và công nghệ, "
            "tập trung vào {noun} và {noun}.",
            "Dự án đầu tư {noun} tại {place} có tổng vốn {n} tỷ đồng.",
        ],
        [
            "Nguồn vốn đầu tư phát triển được phân bổ cho các dự án trọng điểm.",
            "Nhà đầu tư cam kết chuyển giao công nghệ {noun} cho địa phương.",
            "Hoạt động đầu tư đổi mới công nghệ giúp doanh nghiệp nâng cao năng lực "
            "cạnh tranh.",
            "Sở đề nghị ưu tiên đầu tư hạ tầng {noun} tại {place}.",
        ],
        ["đầu tư", "doanh nghiệp", "dự án"],
    ),
    Topic(
        "fisheries",
        ["Khoa học và công nghệ", "Đề tài - dự án"],
        6,
        [
            "Ứng dụng công nghệ trong nuôi trồng thủy sản tại {place}",
            "Nghiệm thu đề tài chế biến thủy sản xuất khẩu",
            "Mô hình nuôi {product} kết hợp bảo vệ nguồn lợi thủy sản",
            "Hội thảo phát triển thủy sản bền vững năm {y}",
        ],
        [
            "Đề tài ứng dụng công nghệ mới vào nuôi trồng và chế biến thủy sản đã "
            "mang lại hiệu quả kinh tế cao cho người dân {place}.",
            "Ngành thủy sản của tỉnh đặt mục tiêu tăng giá trị sản xuất lên "
            "{n} tỷ đồng.",
        ],
        [
            "Sản lượng thủy sản nuôi trồng năm {y} đạt {n} tấn.",
            "Các hộ nuôi thủy sản được tập huấn quy trình kỹ thuật {noun}.",
            "Chi cục Thủy sản phối hợp kiểm tra chất lượng con giống.",
            "Sản phẩm thủy sản chế biến đạt tiêu chuẩn xuất khẩu.",
        ],
        ["thủy sản", "nuôi trồng", "chế biến"],
    ),
    Topic(
        "integration",
        ["Tin hoạt động", "Khoa học và công nghệ"],
        3,
        [
            "Hỗ trợ người khuyết tật hòa nhập cộng đồng bằng công nghệ",
            "Ứng dụng {noun} giúp trẻ em hòa nhập",
            "Giải pháp công nghệ hỗ trợ hòa nhập số cho người cao tuổi",
        ],
        [
            "Chương trình ứng dụng công nghệ hỗ trợ người yếu thế hòa nhập cộng đồng "
            "được triển khai tại {place}.",
        ],
        [
            "Các thiết bị hỗ trợ giúp người khuyết tật hòa nhập tốt hơn.",
            "Mô hình giáo dục hòa nhập được nhân rộng tại các trường.",
            "Chính quyền tạo điều kiện để người dân hòa nhập với môi trường số.",
        ],
        ["hòa nhập", "an sinh xã hội", "công nghệ hỗ trợ"],
    ),
    Topic(
        "dongtrieu",
        ["Tin hoạt động", "Sở hữu trí tuệ", "Khoa học và công nghệ"],
        4,
        [
            "Phát triển nhãn hiệu gốm sứ Đông Triều",
            "Chuyển giao công nghệ {noun} cho nông dân thị xã Đông Triều",
            "Đông Triều xây dựng mô hình {product}",
            "Kiểm tra đo lường tại chợ trung tâm Đông Triều",
        ],
        [
            "Thị xã Đông Triều đẩy mạnh ứng dụng khoa học và công nghệ vào sản "
            "xuất {product}.",
        ],
        [
            "Người dân Đông Triều được hướng dẫn kỹ thuật {noun}.",
            "Ủy ban nhân dân thị xã Đông Triều phối hợp với Sở tổ chức tập huấn.",
            "Sản phẩm gốm sứ Đông Triều đã được cấp văn bằng bảo hộ.",
        ],
        ["Đông Triều", "chuyển giao công nghệ"],
    ),
    Topic(
        "ip",
        ["Sở hữu trí tuệ"],
        6,
        [
            "Cấp văn bằng bảo hộ nhãn hiệu tập thể {product}",
            "Tập huấn kiến thức sở hữu trí tuệ cho doanh nghiệp tại {place}",
            "Xây dựng chỉ dẫn địa lý cho sản phẩm {product}",
        ],
        [
            "Sở Khoa học và Công nghệ hỗ trợ các địa phương xác lập quyền sở hữu trí "
            "tuệ cho sản phẩm {product}.",
        ],
        [
            "Nhãn hiệu tập thể giúp nâng cao giá trị sản phẩm {product}.",
            "Doanh nghiệp cần chủ động đăng ký bảo hộ sáng chế, kiểu dáng công nghiệp.",
            "Hội đồng đã thẩm định hồ sơ đăng ký chỉ dẫn địa lý.",
        ],
        ["sở hữu trí tuệ", "nhãn hiệu", "bảo hộ"],
    ),
    Topic(
        "standards",
        ["Tiêu chuẩn - Đo lường - Chất lượng"],
        7,
        [
            "Kiểm tra chất lượng xăng dầu trên địa bàn {place}",
            "Kiểm định phương tiện đo tại các chợ {place}",
            "Áp dụng hệ thống quản lý chất lượng ISO tại cơ quan hành chính",
            "Tăng cường kiểm tra đo lường trong kinh doanh vàng",
        ],
        [
            "Chi cục Tiêu chuẩn Đo lường Chất lượng đã kiểm tra {n} cơ sở kinh doanh, "
            "lấy mẫu thử nghiệm chất lượng.",
        ],
        [
            "Đoàn kiểm tra đã lấy {n} mẫu gửi thử nghiệm tại phòng thí nghiệm.",
            "Các cân đối chứng được đặt tại chợ để người dân tự kiểm tra.",
            "Cơ sở vi phạm về đo lường đã bị xử phạt theo quy định.",
            "Hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia được duy trì.",
        ],
        ["đo lường", "chất lượng", "kiểm tra"],
    ),
    Topic(
        "digital",
        ["Chuyển đổi số"],
        8,
        [
            "Đẩy mạnh chuyển đổi số trong cơ quan nhà nước tại {place}",
            "Triển khai nền tảng {noun} phục vụ chuyển đổi số",
            "Hội thảo chuyển đổi số doanh nghiệp vừa và nhỏ năm {y}",
        ],
        [
            "Chuyển đổi số tiếp tục được xác định là nhiệm vụ trọng tâm, tạo đột phá "
            "trong phát triển kinh tế - xã hội của tỉnh.",
        ],
        [
            "Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình đạt {n}%.",
            "Các cơ quan đã ứng dụng chữ ký số trong gửi nhận văn bản.",
            "Nền tảng {noun} được kết nối với cơ sở dữ liệu quốc gia.",
        ],
        ["chuyển đổi số", "dịch vụ công", "chính quyền số"],
    ),
    Topic(
        "notice",
        ["Thông báo"],
        7,
        [
            "Thông báo tuyển chọn nhiệm vụ khoa học và công nghệ cấp tỉnh năm {y2}",
            "Thông báo lịch tiếp công dân tháng {m}/{y}",
            "Thông báo kết quả xét duyệt hồ sơ {noun}",
        ],
        [
            "Sở Khoa học và Công nghệ thông báo tới các tổ chức, cá nhân về việc "
            "{action} {object}.",
        ],
        [
            "Hồ sơ gửi về Văn phòng Sở trước ngày {d}/{m}/{y}.",
            "Mọi chi tiết xin liên hệ số điện thoại 0203.3835.410.",
            "Danh mục nhiệm vụ được đăng tải trên cổng thông tin điện tử của Sở.",
        ],
        ["thông báo", "tuyển chọn"],
    ),
    Topic(
        "science",
        ["Khoa học và công nghệ", "Đề tài - dự án", "Tin hoạt động"],
        20,
        [
            "Nghiệm thu đề tài nghiên cứu {noun}",
            "Hội thảo khoa học về {noun} tại {place}",
            "Ứng dụng tiến bộ kỹ thuật trong sản xuất {product}",
            "Tổng kết chương trình khoa học và công nghệ giai đoạn {y}-{y2}",
            "{subject} {action} {object}",
        ],
        ["{subject} {action} {object} {adverbial}."],
        [],
        ["khoa học và công nghệ", "đề tài", "ứng dụng"],
    ),
]


@dataclass
class Article:
    slug: str
    date: str
    category: str
    title: str
    summary: str
    body: list[str]
    tags: list[str]
    author: str
    topic: str
    style: str  # "old" (hòa) or "new" (hoà) tone placement
    nfd: bool

    @property
    def year(self) -> int:
        return int(self.date[:4])

    @property
    def url(self) -> str:
        return f"tin-tuc/{self.year}/{self.slug}/"

    def text(self) -> str:
        return "\n".join([self.title, self.summary, *self.body, ", ".join(self.tags)])

    def markdown(self) -> str:
        lines = [
            f"Title: {self.title}",
            f"Date: {self.date}",
            f"Category: {self.category}",
            f"Tags: {', '.join(self.tags)}",
            f"Author: {self.author}",
            f"Summary: {self.summary}",
            "",
            *(p + "\n" for p in self.body),
        ]
        text = "\n".join(lines)
        return unicodedata.normalize("NFD", text) if self.nfd else text


class Writer:
    """Fills templates from the word banks with one seeded random source."""

    def __init__(self, rng: random.Random, date: datetime):
        self.rng = rng
        self.date = date

    def person(self) -> str:
        r = self.rng
        return f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def noun(self) -> str:
        r = self.rng
        words = r.choice(NOUNS) if r.random() < 0.5 else r.choice(EXTRA_NOUNS)
        if r.random() < 0.5:
            words += " " + r.choice(MODIFIERS)
        if r.random() < 0.25:
            words += " và " + r.choice(EXTRA_NOUNS + NOUNS)
        return words

    def values(self) -> dict[str, str]:
        r = self.rng
        year = self.date.year
        return {
            "place": r.choices(PLACES, weights=PLACE_WEIGHTS)[0],
            "unit": r.choice(UNITS),
            "leader": "Giám đốc Sở " + self.person(),
            "product": r.choice(PRODUCTS),
            "company": "Công ty TNHH " + " ".join(r.sample(COMPANY_WORDS, 2)),
            "noun": self.noun(),
            "n": str(r.choice([r.randint(2, 99), r.randint(100, 9999)])),
            "d": f"{r.randint(1, 28):02d}",
            "m": str(self.date.month),
            "q": str((self.date.month - 1) // 3 + 1),
            "y": str(year),
            "y2": str(year + r.randint(1, 5)),
            "subject": r.choice(SUBJECTS),
            "action": r.choice(ACTIONS),
            "object": r.choice(OBJECTS),
            "adverbial": r.choice(ADVERBIALS),
        }

    def fill(self, template: str) -> str:
        text = template
        # Slots may hold slots ({subject} → "… {place}"): fill until none is left.
        while "{" in text:
            text = text.format(**self.values())
        return text[0].upper() + text[1:]

    def filler(self) -> str:
        r = self.rng
        template = (
            f"{r.choice(SUBJECTS)} {r.choice(ACTIONS)} {r.choice(OBJECTS)} "
            f"{r.choice(ADVERBIALS)}."
        )
        sentence = self.fill(template)
        if r.random() < 0.3:
            sentence += " " + self.fill(f"{self.person()} cho biết {r.choice(OBJECTS)} "
                                        f"{r.choice(ADVERBIALS)}.")  # fmt: skip
        return sentence


def choose_topic(rng: random.Random) -> Topic:
    return rng.choices(TOPICS, weights=[t.weight for t in TOPICS])[0]


def make_article(index: int, rng: random.Random, start: datetime, span_days: int):
    days, hours = rng.randrange(span_days), rng.randint(7, 17)
    minutes = rng.choice([0, 15, 30, 45])
    date = start + timedelta(days=days, hours=hours, minutes=minutes)
    topic = choose_topic(rng)
    writer = Writer(rng, date)
    title = writer.fill(rng.choice(topic.titles))
    summary = writer.fill(rng.choice(topic.leads))
    paragraphs = []
    for _ in range(rng.randint(5, 10)):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            roll = rng.random()
            if topic.sentences and roll < 0.25:
                sentences.append(writer.fill(rng.choice(topic.sentences)))
            elif roll < 0.33:
                sentences.append(writer.fill(rng.choice(DISTRACTORS)))
            else:
                sentences.append(writer.filler())
        paragraphs.append(" ".join(sentences))
    tags = rng.sample(topic.tags, rng.randint(1, len(topic.tags)))
    style = rng.choice(["old", "new"])
    article = Article(
        slug=f"{slugify(title)[:60].strip('-')}-{index}",
        date=date.strftime("%Y-%m-%d %H:%M"),
        category=rng.choice(topic.categories),
        title=title,
        summary=summary,
        body=paragraphs,
        tags=tags,
        author=f"{writer.person()} - {rng.choice(UNITS)}",
        topic=topic.name,
        style=style,
        nfd=rng.random() < 0.1,
    )
    if style == "new":
        for name in ("title", "summary"):
            setattr(article, name, canonical(getattr(article, name)))
        article.body = [canonical(p) for p in article.body]
        article.tags = [canonical(t) for t in article.tags]
    return article


def generate(count: int, seed: int = 20171116) -> list[Article]:
    rng = random.Random(seed)
    start = datetime(2010, 1, 1)
    span = (datetime(2025, 12, 31) - start).days
    return [make_article(i, rng, start, span) for i in range(count)]


def contains_phrase(article: Article, phrase: str) -> bool:
    """Whether the canonical syllables of ``phrase`` occur in a row in the text."""
    wanted = tokenize(phrase)
    tokens = tokenize(article.text())
    size = len(wanted)
    return any(tokens[i : i + size] == wanted for i in range(len(tokens) - size + 1))


def write_corpus(articles: list[Article], folder: Path) -> None:
    content = folder / "content"
    for article in articles:
        path = content / "articles" / str(article.year) / f"{article.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article.markdown(), encoding="utf-8")
    (content / "pages").mkdir(parents=True, exist_ok=True)
    manifest = [
        {**asdict(a), "url": a.url, "body": None, "summary": None} for a in articles
    ]
    (folder / "corpus.json").write_text(
        json.dumps(manifest, ensure_ascii=False), encoding="utf-8"
    )


# ---------- a whole site, for the build benchmark ----------

SITE_SEED = 2026
DAY_FIRST = "%d/%m/%Y %H:%M"  # as editors write dates (content/, docs/editors.md)
ISO = "%Y-%m-%d %H:%M"
# What the project's content/ holds besides articles, copied into every site.
SITE_FOLDERS = ("pages", "data", "schedule", "images", "files")
REPORTERS = 40  # bylines: a newsroom's reporters, each in one unit
SHARES = {  # share of articles with each header field (content/ has about these)
    "place_tag": 0.4,
    "product_tag": 0.2,
    "image": 0.1,
    "hot": 0.01,
    "featured": 0.02,
    "attachments": 0.02,
    "related": 0.02,
    "legacy_url": 0.3,
    "links": 0.3,
}


@dataclass
class SiteArticle:
    """One article of a generated site: the search corpus's text and metadata,
    with the header fields and links a real article of the department has."""

    slug: str
    date: datetime
    title: str
    category: str
    tags: list[str]
    author: str  # "Name - Unit"
    summary: str
    body: list[str]  # paragraphs; links as [text]({filename}/articles/…)
    fields: dict[str, str]  # further header fields, in the order editors use

    @property
    def path(self) -> str:
        """Relative to content/."""
        return f"articles/{self.date.year}/{self.slug}.md"

    def markdown(self, date_format: str = DAY_FIRST) -> str:
        header = {
            "Title": self.title,
            "Date": self.date.strftime(date_format),
            "Category": self.category,
            "Tags": ", ".join(self.tags),
            "Author": self.author,
            "Summary": self.summary,
            **self.fields,
        }
        lines = [f"{key}: {value}" for key, value in header.items()]
        return "\n".join(lines) + "\n\n" + "\n\n".join(self.body) + "\n"


def content_files(folder: str) -> list[str]:
    """The project's files under content/<folder>, relative to content/."""
    base = ROOT / "content"
    found = (base / folder).rglob("*")
    return sorted(p.relative_to(base).as_posix() for p in found if p.is_file())


def site_articles(count: int, seed: int = SITE_SEED) -> list[SiteArticle]:
    """`count` articles of a realistic site, deterministic for a seed."""
    rng = random.Random(seed)
    writer = Writer(rng, datetime(2020, 1, 1))
    # A unit with " - " in its name would split the byline elsewhere.
    units = [unit for unit in UNITS if " - " not in unit]
    reporters = [f"{writer.person()} - {rng.choice(units)}" for _ in range(REPORTERS)]
    weights = [1 / (1 + rank) ** 0.8 for rank in range(REPORTERS)]
    images, files = content_files("images"), content_files("files")
    articles = []
    for number, base in enumerate(generate(count)):
        tags = list(base.tags)
        for share, bank in (("place_tag", PLACES), ("product_tag", PRODUCTS)):
            extra = rng.choice(bank)
            if rng.random() < SHARES[share] and extra not in tags:
                tags.append(extra)
        date = datetime.strptime(base.date, ISO)
        fields = {}
        if rng.random() < SHARES["image"]:
            fields["Image"] = rng.choice(images)
            fields["ImageAlt"] = f"Ảnh minh họa: {base.title}"
        if rng.random() < SHARES["hot"]:
            fields["Hot"] = "yes"
            if rng.random() < 0.5:
                until = date + timedelta(days=rng.randint(7, 90))
                fields["HotUntil"] = until.strftime("%d/%m/%Y")
        if rng.random() < SHARES["featured"]:
            fields["Featured"] = "yes"
        if rng.random() < SHARES["attachments"]:
            fields["Attachments"] = ", ".join(rng.sample(files, rng.randint(1, 2)))
        if rng.random() < SHARES["legacy_url"]:
            fields["LegacyURL"] = f"ChiTietTinTuc.aspx?nid={10000 + number}"
        articles.append(
            SiteArticle(
                slug=base.slug,
                date=date,
                title=base.title,
                category=base.category,
                tags=tags,
                author=rng.choices(reporters, weights)[0],
                summary=base.summary,
                body=list(base.body),
                fields=fields,
            )
        )
    link_articles(articles, rng)
    return articles


def link_articles(articles: list[SiteArticle], rng: random.Random) -> None:
    """Links to other articles in the body ("Xem thêm …") and `Related:` choices."""
    if len(articles) < 3:
        return
    for article in articles:
        if rng.random() < SHARES["links"]:
            for other in rng.sample(articles, rng.randint(1, 2)):
                if other is article:
                    continue
                where = rng.randrange(len(article.body))
                article.body[where] += (
                    f" Xem thêm: [{other.title}]({{filename}}/{other.path})."
                )
        if rng.random() < SHARES["related"]:
            chosen = [a for a in rng.sample(articles, 2) if a is not article]
            article.fields["Related"] = ", ".join(a.path for a in chosen)


def write_site(
    articles: list[SiteArticle],
    folder: Path,
    date_format: str = DAY_FIRST,
    folders: tuple[str, ...] = SITE_FOLDERS,
) -> Path:
    """Write the articles, and the project's own `folders` of content/, into
    folder/content; return that content folder."""
    content = folder / "content"
    for name in folders:
        shutil.copytree(ROOT / "content" / name, content / name, dirs_exist_ok=True)
    for article in articles:
        path = content / article.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article.markdown(date_format), encoding="utf-8")
    return content


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[0] == "--site":
        size, target = int(arguments[1]), Path(arguments[2])
        write_site(site_articles(size), target)
    else:
        size, target = int(arguments[0]), Path(arguments[1])
        write_corpus(generate(size), target)
    print(f"{size} articles in {target}")
