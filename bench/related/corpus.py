"""Deterministic Vietnamese news corpora for the related-articles benchmark.

Articles are built from topics (a product or subject, a place, an
organisation) told through event types (acceptance meeting, workshop,
training, …) with the boilerplate each event type repeats, plus generic
administrative sentences. Each article knows its topic, so the benchmark
can also measure how often "Tin liên quan" stays on the topic.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

PRODUCTS = (
    "lúa chịu mặn", "ngô lai", "chè hoa vàng", "ba kích tím", "hàu Thái Bình Dương",
    "tôm he chân trắng", "cá song", "sá sùng", "ngán", "miến dong", "nước mắm",
    "mật ong rừng", "nấm linh chi", "sâm Vũ Diệp", "trà hoa sở", "gốm sứ",
    "rượu ba kích", "vải chín sớm", "na dai", "thanh long ruột đỏ", "khôi nhung",
    "giảo cổ lam", "trám đen", "quế", "hồi", "bò vàng", "gà Tiên Yên", "lợn Móng Cái",
    "chả mực", "sứa", "rong biển", "san hô", "rừng ngập mặn", "cây keo", "dược liệu",
    "xăng dầu", "nước sạch", "than đá", "điện mặt trời", "điện gió", "rác thải nhựa",
    "phân bón hữu cơ", "bùn đỏ", "nước thải mỏ", "gạo nếp cái hoa vàng", "cà gai leo",
)  # fmt: skip
ACTIONS = (
    "chọn tạo giống", "nhân giống", "nuôi thương phẩm", "chế biến", "bảo quản",
    "sấy lạnh", "truy xuất nguồn gốc", "xây dựng nhãn hiệu tập thể", "chỉ dẫn địa lý",
    "trồng thâm canh", "quan trắc", "xử lý", "giám sát viễn thám", "tiêu chuẩn cơ sở",
    "phục tráng", "ứng dụng công nghệ sinh học", "cơ giới hóa", "kiểm định chất lượng",
)  # fmt: skip
PLACES = (
    "Hạ Long", "Cẩm Phả", "Uông Bí", "Móng Cái", "Đông Triều", "Quảng Yên", "Vân Đồn",
    "Cô Tô", "Tiên Yên", "Bình Liêu", "Đầm Hà", "Hải Hà", "Ba Chẽ", "Hoành Bồ",
    "Phong Cốc", "Liên Vị", "Đồng Văn", "Hoành Mô", "Quảng Đức", "Cái Rồng",
    "Minh Châu", "Quan Lạn", "Thanh Lâm", "Đạp Thanh", "Yên Tử", "Tràng Lương",
)  # fmt: skip
ORGANISATIONS = (
    "Viện Nông nghiệp ven biển", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
    "Trường Đại học Hạ Long", "Viện Nghiên cứu thủy sản", "Hợp tác xã {place}",
    "Công ty cổ phần {place}", "Viện Sinh thái và Tài nguyên sinh vật",
    "Trung tâm Khuyến nông {place}", "Viện Công nghệ môi trường",
    "Hội Nông dân {place}",
)  # fmt: skip

# Event types: (title phrase, category, tag, boilerplate sentences).
EVENTS = (
    ("Nghiệm thu đề tài", "Đề tài - dự án", "nghiệm thu", (
        "Hội đồng khoa học và công nghệ cấp tỉnh họp nghiệm thu đề tài.",
        "Hội đồng đánh giá đề tài hoàn thành các mục tiêu, xếp loại Đạt.",
        "Hội đồng đề nghị đơn vị chủ trì hoàn thiện hồ sơ và chuyển giao kết quả.",
        "Các thành viên hội đồng nhận xét báo cáo tổng hợp và các sản phẩm của đề tài.",
    )),
    ("Giao thực hiện đề tài", "Đề tài - dự án", "đề tài khoa học", (
        "Sở ký hợp đồng giao thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh.",
        "Thời gian thực hiện là 36 tháng, kinh phí từ ngân sách sự nghiệp khoa học.",
        "Đơn vị chủ trì cam kết thực hiện đúng tiến độ và nội dung đã được phê duyệt.",
    )),
    ("Kiểm tra tiến độ", "Tin hoạt động", "kiểm tra", (
        "Đoàn kiểm tra của Sở Khoa học và Công nghệ làm việc với đơn vị chủ trì.",
        "Đoàn kiểm tra đề nghị đơn vị đẩy nhanh tiến độ và ghi chép đầy đủ số liệu.",
        "Các nội dung cơ bản được thực hiện đúng kế hoạch.",
    )),
    ("Hội thảo khoa học về", "Khoa học và công nghệ", "hội thảo", (
        "Hội thảo thu hút đại biểu là nhà khoa học, doanh nghiệp và cơ quan quản lý.",
        "Các tham luận được chọn in trong kỷ yếu hội thảo.",
        "Tại phiên thảo luận, đại biểu đề xuất giải pháp và kiến nghị cơ chế hỗ trợ.",
    )),
    ("Tập huấn kỹ thuật", "Tin hoạt động", "tập huấn", (
        "Lớp tập huấn thu hút học viên là nông dân, hợp tác xã và cán bộ kỹ thuật.",
        "Học viên được hướng dẫn lý thuyết và thực hành ngay tại mô hình.",
        "Cuối khóa, học viên được cấp giấy chứng nhận hoàn thành.",
    )),
    ("Chuyển giao công nghệ", "Khoa học và công nghệ", "chuyển giao công nghệ", (
        "Việc chuyển giao giúp người dân làm chủ quy trình và nâng cao thu nhập.",
        "Đơn vị chuyển giao cử cán bộ kỹ thuật theo dõi, hỗ trợ suốt vụ sản xuất.",
    )),
    ("Hỗ trợ đăng ký nhãn hiệu cho", "Sở hữu trí tuệ", "nhãn hiệu", (
        "Sở hỗ trợ lập hồ sơ đăng ký bảo hộ quyền sở hữu công nghiệp.",
        "Cục Sở hữu trí tuệ đã chấp nhận đơn hợp lệ.",
        "Nhãn hiệu giúp sản phẩm được nhận diện và chống hàng giả trên thị trường.",
    )),
    ("Thông báo tuyển chọn nhiệm vụ về", "Thông báo", "thông báo", (
        "Sở thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ khoa học.",
        "Hồ sơ gửi về Văn phòng Sở trong giờ hành chính trước thời hạn.",
    )),
    ("Kiểm tra chất lượng", "Tiêu chuẩn - Đo lường - Chất lượng", "đo lường", (
        "Đoàn kiểm tra lấy mẫu để thử nghiệm các chỉ tiêu chất lượng theo quy chuẩn.",
        "Các cơ sở vi phạm bị xử phạt và buộc khắc phục.",
    )),
    ("Ứng dụng chuyển đổi số trong", "Chuyển đổi số", "chuyển đổi số", (
        "Nền tảng số giúp quản lý dữ liệu, kết nối người sản xuất với thị trường.",
        "Người dân được hướng dẫn sử dụng ứng dụng trên điện thoại thông minh.",
    )),
)  # fmt: skip
GENERIC = (
    "Sở Khoa học và Công nghệ tỉnh Quảng Ninh tiếp tục đồng hành cùng các địa phương.",
    "Theo kế hoạch, các sở, ban, ngành phối hợp triển khai trong năm.",
    "Đồng chí Phó Giám đốc Sở phát biểu chỉ đạo tại buổi làm việc.",
    "Kết quả góp phần phát triển kinh tế - xã hội của tỉnh.",
    "Thời gian tới, Sở sẽ tiếp tục rà soát, đánh giá và nhân rộng mô hình.",
    "Ủy ban nhân dân tỉnh đánh giá cao sự phối hợp của các đơn vị.",
    "Các đơn vị cần thực hiện nghiêm túc, hiệu quả các nội dung đã đề ra.",
    "Buổi làm việc diễn ra trong không khí cởi mở, thẳng thắn và trách nhiệm.",
    "Lãnh đạo Sở ghi nhận những cố gắng của cán bộ, viên chức trong thời gian qua.",
    "Nhiều ý kiến đề nghị tăng cường ứng dụng tiến bộ kỹ thuật vào sản xuất.",
    "Công tác tuyên truyền được đẩy mạnh trên báo, đài và cổng thông tin điện tử.",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách và vốn đối ứng.",
    "Báo cáo kết quả gửi về Sở trước ngày 15 hằng tháng để tổng hợp.",
    "Các địa phương chủ động bố trí quỹ đất và nhân lực để triển khai.",
    "Việc liên kết giữa nhà khoa học, doanh nghiệp và nông dân được chú trọng.",
    "Sở phối hợp với Ủy ban nhân dân cấp huyện kiểm tra, giám sát thường xuyên.",
    "Đây là một trong những nhiệm vụ trọng tâm của ngành khoa học và công nghệ.",
    "Thời tiết thuận lợi giúp các mô hình sinh trưởng và phát triển tốt.",
    "Người dân tích cực tham gia và đánh giá cao hiệu quả mang lại.",
    "Sản phẩm được giới thiệu tại hội chợ và các sàn thương mại điện tử.",
)  # fmt: skip
TOPIC_LINES = (
    "{Action} {product} tại {place} do {org} thực hiện đã đạt kết quả bước đầu.",
    "Mô hình {product} ở {place} có diện tích {n} héc-ta, năng suất tăng {m}%.",
    "{Org} đã hoàn thiện quy trình {action} {product} phù hợp với điều kiện {place}.",
    "Sản phẩm {product} {place} mang mã {code}, được thị trường đón nhận.",
    "Người dân {place} được hướng dẫn {action} {product} theo quy trình mới.",
    "Nhóm nghiên cứu của {org} theo dõi {product} {code} qua nhiều vụ tại {place}.",
)  # fmt: skip

# Syllables for the names each topic brings (hamlets, firms, people, varieties).
NAME_SYLLABLES = (
    "an", "bình", "châu", "dương", "đông", "giang", "hà", "hải", "hòa", "hưng", "khánh",
    "lạc", "lâm", "long", "minh", "nam", "ninh", "phú", "phong", "quang", "sơn", "tân",
    "thái", "thành", "thịnh", "thủy", "tiến", "trung", "tường", "vân", "việt", "vinh",
    "xuân", "yên", "bắc", "cường", "đức", "hiệp", "hồng", "kim", "lợi", "mỹ", "nghĩa",
    "phát", "quý", "sáng", "tâm", "thắng", "toàn", "uy", "vượng", "hạnh", "lộc", "thọ",
)  # fmt: skip
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
NAMED_LINES = (
    "Thôn {hamlet} là nơi đầu tiên áp dụng, với {n} hộ tham gia.",
    "Công ty TNHH {firm} cam kết bao tiêu sản phẩm {product} cho người dân.",
    "Chủ nhiệm {person} cho biết kết quả sẽ được nhân rộng ra toàn vùng.",
    "Dòng {variety} cho năng suất cao hơn đối chứng {m}%.",
    "Hợp tác xã {firm} ở thôn {hamlet} đã ký hợp đồng liên kết.",
    "Ông {person}, người dân thôn {hamlet}, phấn khởi vì thu nhập tăng.",
)  # fmt: skip

CATEGORY_OF_TOPIC_EXTRA = ("Tin hoạt động", "Thông báo", "Chỉ đạo điều hành")
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class Topic:
    product: str
    action: str
    place: str
    org: str
    code: str
    hamlet: str
    firm: str
    person: str
    variety: str


def name(rng: random.Random, syllables: int = 2) -> str:
    return " ".join(rng.choice(NAME_SYLLABLES) for _ in range(syllables)).title()


def make_topics(count: int, rng: random.Random) -> list[Topic]:
    topics = []
    for number in range(count):
        place = rng.choice(PLACES)
        topics.append(
            Topic(
                product=rng.choice(PRODUCTS),
                action=rng.choice(ACTIONS),
                place=place,
                org=rng.choice(ORGANISATIONS).format(place=place),
                code=f"QN-{number:05d}",
                hamlet=name(rng),
                firm=name(rng, 3),
                person=f"{rng.choice(SURNAMES)} {name(rng, 2)}",
                variety=f"{name(rng, 1)} {rng.randint(1, 99)}",
            )
        )
    return topics


def topic_sentence(topic: Topic, rng: random.Random) -> str:
    line = rng.choice(TOPIC_LINES if rng.random() < 0.6 else NAMED_LINES)
    return line.format(
        hamlet=topic.hamlet,
        firm=topic.firm,
        person=topic.person,
        variety=topic.variety,
        action=topic.action,
        Action=topic.action[:1].upper() + topic.action[1:],
        product=topic.product,
        place=topic.place,
        org=topic.org,
        Org=topic.org,
        code=topic.code,
        n=rng.randint(2, 90),
        m=rng.randint(5, 60),
    )


def make_corpus(size: int, seed: int = 2026) -> list[SimpleNamespace]:
    """`size` article-like objects with the attributes the plugin reads.

    Topics average about six articles (some many more, some one), the way a
    department site follows a project or a product over years.
    """
    rng = random.Random(seed)
    topics = make_topics(max(1, size // 6), rng)
    weights = [1.0 / (1 + rank) ** 0.6 for rank in range(len(topics))]
    start = datetime(2010, 1, 1, 8, 0, tzinfo=ZONE)
    articles = []
    for number in range(size):
        topic_number = rng.choices(range(len(topics)), weights)[0]
        articles.append(make_article(number, topic_number, topics, rng, start))
    return articles


def make_article(number, topic_number, topics, rng, start) -> SimpleNamespace:
    topic = topics[topic_number]
    phrase, category, event_tag, boilerplate = rng.choice(EVENTS)
    if rng.random() < 0.1:
        category = rng.choice(CATEGORY_OF_TOPIC_EXTRA)
    title = f"{phrase} {topic.action} {topic.product} tại {topic.place}"
    lead = topic_sentence(topic, rng)
    sentences = (
        rng.sample(boilerplate, min(len(boilerplate), rng.randint(2, 3)))
        + [topic_sentence(topic, rng) for _ in range(rng.randint(5, 9))]
        + rng.sample(GENERIC, rng.randint(5, 10))
    )
    rng.shuffle(sentences)
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    tags = [event_tag, topic.product]
    if rng.random() < 0.5:
        tags.append(topic.place)
    date = start + timedelta(minutes=rng.randrange(0, 16 * 365 * 24 * 60))
    path = f"articles/{date.year}/bai-{number:06d}.md"
    return SimpleNamespace(
        title=title,
        date=date,
        category=SimpleNamespace(name=category),
        tags=[SimpleNamespace(name=tag) for tag in tags],
        metadata={"summary": f"<p>{lead}</p>"},
        _content="".join(f"<p>{text}</p>\n" for text in paragraphs),
        relative_source_path=path,
        source_path=f"/content/{path}",
        settings={},
        topic=topic_number,
    )
