"""The byte formats that search.js reads."""

import gzip

from search_index.index_format import (
    GZIP_HEADER,
    SMALL,
    compress,
    gaps_of,
    id_list,
    keyed_file,
    read_gaps,
    read_keyed_file,
    read_varint,
    varint,
)


def test_varints_round_trip():
    for value in [0, 1, 127, 128, 255, 16383, 16384, 2**31, 2**40]:
        assert read_varint(varint(value), 0) == (value, len(varint(value)))
    assert varint(300) == bytes([0xAC, 0x02])


def test_id_lists_store_gaps_minus_one():
    assert bytes(gaps_of([0, 1, 2, 10])) == bytes([0, 0, 0, 7])
    data = id_list([3, 4, 200])
    count, offset = read_varint(data, 0)
    assert read_gaps(data, offset, count) == ([3, 4, 200], len(data))


def test_keyed_file_puts_sorted_keys_first():
    data = keyed_file([("giao ban", b"\x01\x02"), ("dau tu", b""), ("đ", b"\x03")])
    assert data.startswith(bytes([3, 6]) + b"dau tu" + bytes([0, 8]))
    assert read_keyed_file(data) == {
        "dau tu": b"",
        "giao ban": b"\x01\x02",
        "đ": b"\x03",
    }


def test_compression_is_deterministic():
    assert compress(b"abc" * 10) == compress(b"abc" * 10)
    assert gzip.decompress(compress(b"abc")) == b"abc"


def postings_like(size: int) -> bytes:
    """Varint gaps, mostly runs of zeros, and code bytes, as postings hold."""
    return bytes((i * 2654435761) >> 27 & 0x3F if i % 5 else 0 for i in range(size))


def test_text_and_binary_data_come_back_whole_from_gzip():
    text = '[["Họp giao ban", "/tin-tuc/hop/", 20000, 1, "Sở Khoa học…"]]'
    assert gzip.decompress(compress(text)) == text.encode("utf-8")
    for size in (0, 100, SMALL - 1, SMALL, 200_000):
        data = postings_like(size)
        packed = compress(data)
        assert packed[:10] == GZIP_HEADER  # no name, no time
        assert gzip.decompress(packed) == data


def test_small_binary_files_take_the_smaller_of_two_strategies():
    for size in (300, 3_000, SMALL - 1):
        data = postings_like(size)
        level_nine = len(gzip.compress(data, compresslevel=9, mtime=0))
        assert len(compress(data)) <= level_nine
