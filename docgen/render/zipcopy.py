"""Writes a .docx from a template package: changed parts compressed, the rest copied.

Only the few parts a template renders change; the others (styles, theme, fonts, images) are
copied as the compressed bytes already stored in the template, so they are neither inflated
nor deflated again. Python's zipfile has no public way to copy a stored entry, so this module
reads each local entry's compressed bytes from the template's own bytes and writes the ZIP
structures (local headers, central directory) itself, for the simple archives .docx files
are: no encryption, no ZIP64, no data descriptors needed.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_DOS_DATE = (2026 - 1980) << 9 | 1 << 5 | 1  # fixed timestamps keep outputs reproducible
_UTF8_FLAG = 0x800


def stored_bytes(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The compressed bytes of one entry, exactly as stored in the archive."""
    fp = package.fp
    assert fp is not None
    fp.seek(info.header_offset)
    header = _LOCAL.unpack(fp.read(_LOCAL.size))
    name_len, extra_len = header[9], header[10]
    fp.seek(info.header_offset + _LOCAL.size + name_len + extra_len)
    return fp.read(info.compress_size)


def deflate(data: bytes) -> bytes:
    # Level 1: rendered parts are small; the time saved matters more than a few bytes.
    compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


class _Entry:
    __slots__ = ("compressed", "crc", "method", "name", "offset", "size")

    def __init__(self, name: bytes, compressed: bytes, crc: int, size: int, method: int):
        self.name, self.compressed, self.crc = name, compressed, crc
        self.size, self.method, self.offset = size, method, 0


def write_package(package: zipfile.ZipFile, changed: dict[str, bytes]) -> bytes:
    """The template's parts in their order, with ``changed`` parts replaced."""
    entries = []
    for info in package.infolist():
        name = info.filename.encode("utf-8")
        if info.filename in changed:
            data = changed[info.filename]
            entries.append(_Entry(name, deflate(data), zlib.crc32(data), len(data),
                                  zipfile.ZIP_DEFLATED))
        else:
            entries.append(_Entry(name, stored_bytes(package, info), info.CRC,
                                  info.file_size, info.compress_type))
    out = io.BytesIO()
    for entry in entries:
        entry.offset = out.tell()
        out.write(_LOCAL.pack(b"PK\x03\x04", 20, _UTF8_FLAG, entry.method, 0, _DOS_DATE,
                              entry.crc, len(entry.compressed), entry.size, len(entry.name), 0))
        out.write(entry.name)
        out.write(entry.compressed)
    directory_start = out.tell()
    for entry in entries:
        out.write(_CENTRAL.pack(b"PK\x01\x02", 20, 20, _UTF8_FLAG, entry.method, 0, _DOS_DATE,
                                entry.crc, len(entry.compressed), entry.size, len(entry.name),
                                0, 0, 0, 0, 0, entry.offset))
        out.write(entry.name)
    directory_size = out.tell() - directory_start
    out.write(_END.pack(b"PK\x05\x06", 0, 0, len(entries), len(entries), directory_size,
                        directory_start, 0))
    return out.getvalue()
