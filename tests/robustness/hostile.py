"""Builders for hostile inputs beyond the classic nine: parse amplification inside the size
limits, hostile evidence in a case folder, zip uploads, deep data. Used by the tests and by
``bench/bench_hostile.py`` (which measures time and peak memory for each)."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

from tests.robustness.conftest import filled_form, sample
from tests.unit.forms.builders import zip_bomb

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADER_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
IMAGE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
SAMPLE_CASE = Path(__file__).resolve().parents[2] / "samples" / "zofia-wisniewska" / "case"


def empty_paragraphs_part(megabytes: float, root: str = "hdr") -> bytes:
    """A header (or other part) of nothing but empty paragraphs: tiny compressed, millions of
    elements parsed."""
    body = b"<w:p/>" * int(megabytes * 1_000_000 / 6)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:{root} xmlns:w="{W_NS}">').encode() + body + f"</w:{root}>".encode()


def _with_parts(docx: bytes, parts: dict[str, bytes], rels: list[tuple[str, str]]) -> bytes:
    """The package with extra parts, and extra relationships (type, target) from the main
    document, streaming each large part into the archive."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/_rels/document.xml.rels" and rels:
                extra = "".join(f'<Relationship Id="rIdHostile{n}" Type="{kind}" '
                                f'Target="{where}"/>' for n, (kind, where) in enumerate(rels))
                data = data.replace(b"</Relationships>", extra.encode() + b"</Relationships>")
            target.writestr(info, data)
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def amplified_headers(count: int = 4, megabytes: float = 42) -> bytes:
    """A filled, valid IEP form with ``count`` headers of empty paragraphs (each under the
    50 MB part limit, all together under the 200 MB package limit)."""
    header = empty_paragraphs_part(megabytes)
    names = {f"word/header{90 + n}.xml": header for n in range(count)}
    return _with_parts(filled_form(sample()), names,
                       [(HEADER_TYPE, name.removeprefix("word/")) for name in names])


def shared_header(references: int = 1000, megabytes: float = 4) -> bytes:
    """A filled form whose one header part is the target of ``references`` relationships."""
    return _with_parts(filled_form(sample()),
                       {"word/header90.xml": empty_paragraphs_part(megabytes)},
                       [(HEADER_TYPE, "header90.xml")] * references)


def amplified_body(megabytes: float = 45) -> bytes:
    """A form whose document part is ``megabytes`` of empty paragraphs (inside the 50 MB part
    limit): millions of elements."""
    body = b"<w:p/>" * int(megabytes * 1_000_000 / 6)
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
           ).encode() + body + b"</w:body></w:document>"
    source = zipfile.ZipFile(io.BytesIO(filled_form(sample())))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, xml if info.filename == "word/document.xml"
                            else source.read(info))
    return out.getvalue()


def plain_document(text: str = "Attendance 2026: 94%") -> bytes:
    """An ordinary Word document (evidence), as python-docx writes one."""
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xxe_document() -> bytes:
    """An evidence document whose body declares an external entity and uses it."""
    data = plain_document("Attendance &xxe; record")
    source = zipfile.ZipFile(io.BytesIO(data))
    xml = source.read("word/document.xml").decode("utf-8")
    end = xml.index("?>") + 2
    xml = (xml[:end] + '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           + xml[end:]).replace("Attendance &amp;xxe; record", "Attendance &xxe; record")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, xml.encode() if info.filename == "word/document.xml"
                            else source.read(info))
    return out.getvalue()


def case_with_evidence(folder: Path, file_name: str, data: bytes) -> Path:
    """A copy of the sample case folder with the evidence file ``file_name`` replaced."""
    shutil.copytree(SAMPLE_CASE, folder)
    (folder / file_name).write_bytes(data)
    return folder


def media_bomb(megabytes: int = 1000) -> bytes:
    """An ordinary Word document with a 'picture' that inflates to ``megabytes`` MB of zeros
    (about a thousandth of that compressed): the parts a Word library loads whole."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        source = zipfile.ZipFile(io.BytesIO(plain_document()))
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdBomb" Type="{IMAGE_TYPE}" '
                    'Target="media/image1.png"/></Relationships>').encode())
            archive.writestr(info, data)
        with archive.open("word/media/image1.png", "w", force_zip64=True) as part:
            chunk = b"\x00" * (1 << 20)
            for _ in range(megabytes):
                part.write(chunk)
    return out.getvalue()


HOSTILE_EVIDENCE = {
    "zip bomb": lambda: media_bomb(1000),
    "zip-bomb document part": lambda: zip_bomb(300),
    "XXE": xxe_document,
    "not a Word document": lambda: b"this is only text, saved with a .docx name",
    "truncated": lambda: plain_document()[:2000],
    "amplified header": lambda: _with_parts(
        plain_document(), {"word/header90.xml": empty_paragraphs_part(42)},
        [(HEADER_TYPE, "header90.xml")]),
}


def zip_upload_bomb(megabytes: int = 1000) -> bytes:
    """A .zip (for the web page's pack upload) holding one 'case.yaml' that inflates to
    ``megabytes`` MB (about a thousandth of that compressed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("case.yaml", "w", force_zip64=True) as part:
        chunk = b" " * (1 << 20)
        for _ in range(megabytes):
            part.write(chunk)
    return out.getvalue()


def nested_json(depth: int = 100_000) -> str:
    """A data file nested ``depth`` lists deep (Python's json gives up with RecursionError)."""
    return '{"form": "iep", "pupil": ' + "[" * depth + "]" * depth + "}"


def impossible_date_yaml() -> str:
    text = (Path(__file__).resolve().parents[2] / "samples" / "tomos-llyr-evans" /
            "iep.yaml").read_text("utf-8")
    return re.sub(r"date_of_birth: \S+", "date_of_birth: 2015-02-30", text, count=1)

