"""Sample files shared by the work-calendar tests (and tests/)."""

from __future__ import annotations

ARTICLE = "Title: Tin\nDate: 16/11/2017 10:00\nCategory: Tin hoạt động\n\nNội dung.\n"

WEEK_46 = """\
# Lịch công tác tuần 46 năm 2017
Ghi chú: Lịch có thể thay đổi.

## Thứ Hai, 13/11/2017
- Sáng 8h30: Giao ban Lãnh đạo Sở
  - Chủ trì: Giám đốc Sở
  - Thành phần: Các Phó Giám đốc Sở;
    Chánh Văn phòng
  - Địa điểm: Phòng họp tầng 5
  - Chuẩn bị: Văn phòng Sở
- [Bổ sung] 14h00 - 16h30: Làm việc với Trung tâm Thông tin
  - Ghi chú: Mời thêm Phòng Kế hoạch
- Chiều, (15h)
  - Nội dung: Tiếp công dân

## Thứ Tư, 15/11/2017
- Cả ngày: Kiểm tra đề tài tại Đầm Hà
  - Địa điểm: Huyện Đầm Hà

## Thứ Năm, 16/11/2017
- 8 giờ 00: Họp phiên thường kỳ tháng 11
- [Thay đổi] Chiều 14:30: Làm việc với Chi cục TĐC
- Sáng: Tiếp khách
"""

WEEK_47 = """\
## Thứ Hai, 20/11/2017
- Sáng 08h00: Giao ban đầu tuần
"""

WEEK_48_2026 = """\
## Thứ Hai, 23/11/2026
- Sáng 8h00: Giao ban tuần 48
## Thứ Năm, 26/11/2026
- Chiều 14h: Họp chuẩn bị Techmart
  - Địa điểm: Cung Quy hoạch
"""

SCHEDULE_FILES = {
    "articles/tin.md": ARTICLE,
    "schedule/2017/2017-W46.md": WEEK_46,
    "schedule/2017/2017-W47.md": WEEK_47,
    "schedule/2026/2026-W48.md": WEEK_48_2026,
}
