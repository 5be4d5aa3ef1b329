"""Byte formats of the index files; search.js reads them (see docs in README.md).

Every data file is gzip-compressed by the build, so its size on the wire does not
depend on the web server's settings. Inside:

- varint: unsigned LEB128.
- id list: varint count, then the first id and each later gap minus one, as
  varints. Dense lists become runs of zero bytes, which gzip shrinks to almost
  nothing, so no bitmap is needed.
- keyed file (postings and forms): varint entry count; per entry, sorted by key:
  varint key length, key (UTF-8), varint head length; then the heads in the
  same order; then the tails in the same order, whose lengths follow from the
  heads. Keys side by side compress well and are found without reading the
  payloads. Directory, heads and tails are compressed in deflate blocks of
  their own, each with its own code tables (the three hold different bytes).
- postings head: varint document count n; varint step (score step in
  thousandths); varint level count L; the ids' gaps (an id list without its
  count). Postings tail: if L > 1, one level byte per posting, else nothing. A
  posting's score is (level + 0.5) * step.
- forms head: varint form count, then per form its length, UTF-8 text,
  varint count and, when the count is below the key's document count, the
  gaps of an id list (no count). Forms have no tail.
"""

from __future__ import annotations

import gzip
import struct
import zlib
from collections.abc import Iterable


def put_varint(out: bytearray, value: int) -> None:
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def varint(value: int) -> bytes:
    out = bytearray()
    put_varint(out, value)
    return bytes(out)


def read_varint(data: bytes, offset: int) -> tuple[int, int]:
    """(value, next offset)."""
    value = shift = 0
    while True:
        byte = data[offset]
        offset += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, offset
        shift += 7


def gaps_of(ids: Iterable[int]) -> bytearray:
    """Ascending ids as varint gaps (first id, then gap - 1), without a count."""
    out = bytearray()
    previous = -1
    for doc_id in ids:
        put_varint(out, doc_id - previous - 1)
        previous = doc_id
    return out


def id_list(ids: list[int]) -> bytes:
    return varint(len(ids)) + bytes(gaps_of(ids))


def read_gaps(data: bytes, offset: int, count: int) -> tuple[list[int], int]:
    ids = []
    previous = -1
    for _ in range(count):
        gap, offset = read_varint(data, offset)
        previous += gap + 1
        ids.append(previous)
    return ids, offset


# Binary data in parts that compress best in deflate blocks of their own.
Parts = tuple[bytes, ...]


def keyed_file(entries: list[tuple[str, bytes, bytes]]) -> Parts:
    """(directory of (key, head size), heads, tails) of (key, head, tail)."""
    entries = sorted(entries)
    directory = bytearray(varint(len(entries)))
    for key, head, _ in entries:
        raw = key.encode("utf-8")
        put_varint(directory, len(raw))
        directory += raw
        put_varint(directory, len(head))
    heads = b"".join(head for _, head, _ in entries)
    return bytes(directory), heads, b"".join(tail for _, _, tail in entries)


def read_keyed_file(data: bytes, tail_size=lambda head: 0) -> dict[str, bytes]:
    """{key: head + tail} of a decompressed keyed file; ``tail_size(head)``
    tells a tail's length (postings_tail_size for postings)."""
    count, offset = read_varint(data, 0)
    directory = []
    for _ in range(count):
        size, offset = read_varint(data, offset)
        key = data[offset : offset + size].decode("utf-8")
        offset += size
        size, offset = read_varint(data, offset)
        directory.append((key, size))
    heads = []
    for key, size in directory:
        heads.append((key, data[offset : offset + size]))
        offset += size
    entries = {}
    for key, head in heads:
        size = tail_size(head)
        entries[key] = head + data[offset : offset + size]
        offset += size
    return entries


def postings_tail_size(head: bytes) -> int:
    """One level byte per posting when there is more than one level."""
    count, offset = read_varint(head, 0)
    _, offset = read_varint(head, offset)
    levels, _ = read_varint(head, offset)
    return count if levels > 1 else 0


# gzip's header with no name and no time, so the same index gives the same bytes.
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
# Below this size binary data is also tried with the default strategy.
SMALL = 16_384


def compress(data: str | bytes | Parts) -> bytes:
    """gzip: text (JSON) at level 9. Binary data (varints) at level 6 with
    zlib's filtered strategy, which compresses it as well as level 9 and five
    times faster; small files take the smaller of that and the default
    strategy at level 5 (at 20k articles, within 0.2% of level 9's size in a
    third of its time)."""
    if isinstance(data, str):
        return gzip.compress(data.encode("utf-8"), compresslevel=9, mtime=0)
    parts = [data] if isinstance(data, bytes) else [part for part in data if part]
    whole = b"".join(parts)
    body = _deflate(parts, 6, zlib.Z_FILTERED)
    if len(whole) < SMALL:
        body = min(body, _deflate(parts, 5, zlib.Z_DEFAULT_STRATEGY), key=len)
    size = len(whole) & 0xFFFFFFFF  # gzip keeps the size modulo 2**32
    return GZIP_HEADER + body + struct.pack("<II", zlib.crc32(whole), size)


def _deflate(parts: list[bytes], level: int, strategy: int) -> bytes:
    """One deflate stream; each part ends a block (codes are chosen per block)."""
    deflate = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS, 9, strategy)
    *first, last = parts or [b""]
    body = [deflate.compress(part) + deflate.flush(zlib.Z_BLOCK) for part in first]
    return b"".join(body) + deflate.compress(last) + deflate.flush()
