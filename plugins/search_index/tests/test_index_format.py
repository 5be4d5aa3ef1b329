"""The byte formats that search.js reads."""

import gzip
import zlib

from search_index.index_format import (
    GZIP_HEADER,
    SMALL,
    compress,
    gaps_of,
    id_list,
    keyed_file,
    postings_tail_size,
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


def test_keyed_file_puts_sorted_keys_first_then_heads_then_tails():
    directory, heads, tails = keyed_file(
        [("giao ban", b"\x01\x02", b"\x09"), ("dau tu", b"", b""), ("đ", b"\x03", b"")]
    )
    assert directory == bytes([3, 6]) + b"dau tu" + bytes([0, 8]) + b"giao ban" + (
        bytes([2, 2]) + "đ".encode() + bytes([1])
    )
    assert (heads, tails) == (b"\x01\x02\x03", b"\x09")
    data = directory + heads + tails
    # Here a tail is half as long as its head.
    assert read_keyed_file(data, lambda head: len(head) // 2) == {
        "dau tu": b"",
        "giao ban": b"\x01\x02\x09",
        "đ": b"\x03",
    }


def test_a_postings_tail_has_a_level_byte_per_posting_when_there_are_levels():
    # count 3, step 250, then the level count
    assert postings_tail_size(bytes([3]) + varint(250) + bytes([4, 0, 0, 0])) == 3
    assert postings_tail_size(bytes([3]) + varint(250) + bytes([1, 0, 0, 0])) == 0


def test_parts_compress_as_blocks_of_one_stream():
    parts = (b"dau tu giao ban " * 40, postings_like(3_000), b"", bytes([1, 2]) * 200)
    packed = compress(parts)
    assert packed[:10] == GZIP_HEADER
    assert gzip.decompress(packed) == b"".join(parts)
    assert compress(()) == compress(b"")


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
        filtered, default = deflated(data, 6, zlib.Z_FILTERED), deflated(data, 5, 0)
        assert len(compress(data)) == 18 + min(len(filtered), len(default))
    data = postings_like(SMALL)
    assert len(compress(data)) == 18 + len(deflated(data, 6, zlib.Z_FILTERED))


def deflated(data: bytes, level: int, strategy: int) -> bytes:
    deflate = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS, 9, strategy)
    return deflate.compress(data) + deflate.flush()
