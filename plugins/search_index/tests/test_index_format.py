"""The byte formats that search.js reads."""

import gzip

from search_index.index_format import (
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
