"""The page check: every demo document printed through LibreOffice, and checked as a reader sees it.

    python tools/page_check.py [--out DIR] [--gallery]

makes the demo of every framework (blank forms, filled forms, every document for each sample
pupil, the request packs), converts every .docx to PDF with LibreOffice, and checks each page:

- no page with almost no body text (a blank page, an orphaned row or sign-off);
- no word broken across lines inside a table header row;
- no engineering text: file names, Jinja tags, ``null``, settings paths;
- no system sentences ("… have no role because: …", "The plan that follows is …", pasted
  guidance conditionals), no date with a leading zero, no minutes that are not whole;
- every letter (and every pack's covering letter) has a signature block: "Yours sincerely"
  (or "faithfully"), space to sign, a name and a role, not alone on its page;
- a pack's contents give a page number for every section, and each section is on that page.

It prints one line per problem and exits 1 if there is any. ``--gallery`` also writes the first
page of each document type as a PNG into docs/gallery/ (with its README table).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen.docprops import read_custom_properties  # noqa: E402

GALLERY = ROOT / "docs" / "gallery"
MIN_BODY_CHARS = 120  # fewer letters than this on a page (header and footer aside): near-empty
SIGNATURE_SPACE_PT = 28  # about 1 cm between "Yours sincerely," and the name
ENGINEERING = re.compile(
    r"\{\{|\}\}|\{%|%\}|\bnull\b|\bTraceback\b|\bschemas/|\bsettings/|\btemplates/"
    r"|\b[\w-]+\.(?:ya?ml|docx|json|csv|py)\b")
RUNNING_LINE = re.compile(r"Confidential|Page \d+ of \d+")
# Sentences written for the software or pasted from the guidance, not for the reader.
SYSTEM_TEXT = re.compile(
    r"no role because:|The plan that follows is|No provision is recorded yet"
    r"|If a request for Statutory Assessment is to be made|Similarly, if|Delegation policy"
    r"|\w: [A-Z][\w ]+: |Files listed but not merged|Status: Present|Source: \S+\.\w+")
LEADING_ZERO_DATE = re.compile(r"\b0\d (?:January|February|March|April|May|June|July|August"
                               r"|September|October|November|December) \d{4}\b")
# A number of minutes that is not whole ("33.3", "63.3 minutes"); times are "9.15am", money
# "£85.31", and paragraphs of the Code are cited as "SEND Code of Practice 6.44 to 6.56".
FRACTIONAL = re.compile(r"(?<![\d.,£])\d+\.\d+(?![\d.%]|\s*(?:am|pm)\b)")
CITATION = re.compile(r"(?:Code\s+of\s+Practice|CoP|paragraphs?)[\s,()0-9a-z]*?\b\d{1,2}\.\d{1,3}\b"
                      r"(?:\s*(?:to|and|-|–|,)\s*\d{1,2}\.\d{1,3}\b)*")
SIGN_OFF = re.compile(r"^Yours (?:sincerely|faithfully),?$")
CONTENTS_ROW = re.compile(r"^(?P<title>.*\S)\s{2,}(?P<page>\d+)$")
XHTML = "{http://www.w3.org/1999/xhtml}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Line:
    text: str
    top: float
    bottom: float


@dataclass
class Printed:
    """One document as printed: its kind, its pages' text and lines, its table words."""

    name: str
    kind: str
    pages: list[str]
    lines: list[list[Line]]
    header_words: set[str] = field(default_factory=set)

    @property
    def words(self) -> set[str]:
        return {_bare(w) for page in self.lines for line in page for w in line.text.split()}


@dataclass(frozen=True)
class Finding:
    document: str
    page: int | None
    problem: str

    def __str__(self) -> str:
        where = f" p{self.page}" if self.page else ""
        return f"{self.document}{where}: {self.problem}"


# --- making and printing -----------------------------------------------------------------

def make_demo(out: Path) -> list[Path]:
    from docgen.demo import run_demo

    return sorted(p for p in run_demo(out, force=True) if p.suffix == ".docx")


def to_pdfs(documents: list[Path], out: Path) -> dict[Path, Path]:
    """Every .docx as PDF in one LibreOffice run (names made unique first)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("page_check needs LibreOffice (soffice) on the PATH")
    staging = out / "staging"
    staging.mkdir(parents=True, exist_ok=True)
    unique: dict[Path, Path] = {}
    for n, document in enumerate(documents):
        copy = staging / f"{n:03d}-{document.parent.name}-{document.name}"
        shutil.copyfile(document, copy)
        unique[document] = copy
    with tempfile.TemporaryDirectory(prefix="page-check-lo-") as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out / "pdf"),
                        *map(str, unique.values())], check=True, capture_output=True,
                       timeout=1800)
    return {document: out / "pdf" / f"{copy.stem}.pdf" for document, copy in unique.items()}


def read_printed(docx: Path, pdf: Path) -> Printed:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return Printed(f"{docx.parent.name}/{docx.name}", kind_of(docx), pages, _lines(pdf),
                   _header_words(docx))


def _lines(pdf: Path) -> list[list[Line]]:
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                         capture_output=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    pages = []
    for page in root.iter(f"{XHTML}page"):
        lines = []
        for line in page.iter(f"{XHTML}line"):
            words = [w.text or "" for w in line.iter(f"{XHTML}word")]
            lines.append(Line(" ".join(words), float(line.get("yMin")), float(line.get("yMax"))))
        pages.append(sorted(lines, key=lambda x: x.top))
    return pages


def _document_xml(docx: Path) -> etree._Element:
    with zipfile.ZipFile(docx) as archive:
        data = archive.read("word/document.xml")
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def _header_words(docx: Path) -> set[str]:
    """The words of every table header row (rows marked to repeat on each page)."""
    words: set[str] = set()
    for row in _document_xml(docx).iter(f"{W}tr"):
        if row.find(f"{W}trPr/{W}tblHeader") is None:
            continue
        text = " ".join(t.text or "" for t in row.iter(f"{W}t"))
        words.update(_bare(w) for w in text.split() if len(_bare(w)) > 1)
    return words


# A pack keeps its cover's properties: the cover's template names the pack's kind.
PACKS = {"pack_cover": "pack", "ehc_pack_cover": "ehc_request_pack"}


def kind_of(docx: Path) -> str:
    """The document's type: its template's key, "form-NAME" for a form, or a pack's kind."""
    with zipfile.ZipFile(docx) as archive:
        names = archive.namelist()
        props = (read_custom_properties(etree.fromstring(archive.read("docProps/custom.xml")))
                 if "docProps/custom.xml" in names else {})
    if "docgen.template" in props:
        return PACKS.get(props["docgen.template"], props["docgen.template"])
    form = docx.name.split("-form")[0]
    return f"form-{form}" + ("-filled" if "filled" in docx.name else "")


def _bare(word: str) -> str:
    return word.strip("()[]{},.:;?!'\"“”‘’·•–—-/")


# --- the checks ----------------------------------------------------------------------------

def body_lines(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.strip() and not RUNNING_LINE.search(line)]


def near_empty_pages(doc: Printed) -> Iterable[Finding]:
    """A page with almost no text, except a pack section's opening page: a short piece of
    evidence starts a new page by design."""
    openings = {page for _, page in contents_rows(doc.pages)} if is_pack(doc) else set()
    for number, page in enumerate(doc.pages, start=1):
        letters = sum(len("".join(line.split())) for line in body_lines(page))
        if letters < MIN_BODY_CHARS and number not in openings:
            yield Finding(doc.name, number, f"almost no body text ({letters} characters)")


def broken_header_words(doc: Printed) -> Iterable[Finding]:
    printed = doc.words
    for word in sorted(doc.header_words - printed):
        yield Finding(doc.name, None, f"the table header word {word!r} is broken across lines")


def engineering_text(doc: Printed) -> Iterable[Finding]:
    for number, page in enumerate(doc.pages, start=1):
        for match in ENGINEERING.finditer(page):
            yield Finding(doc.name, number, f"engineering text on the page: {match.group(0)!r}")


def is_pack(doc: Printed) -> bool:
    return doc.kind in PACKS.values()


def is_letter(doc: Printed) -> bool:
    return doc.kind.startswith("letter_") or is_pack(doc)


def signature_block(doc: Printed) -> Iterable[Finding]:
    if not is_letter(doc):
        return
    for number, lines in enumerate(doc.lines, start=1):
        for index, line in enumerate(lines):
            if not SIGN_OFF.match(line.text.strip()):
                continue
            after = [x for x in lines[index + 1:] if not RUNNING_LINE.search(x.text)]
            if len(after) < 2:
                yield Finding(doc.name, number, "the sign-off has no name and role under it")
            elif after[0].top - line.bottom < SIGNATURE_SPACE_PT:
                yield Finding(doc.name, number, "no space to sign under the sign-off")
            before = [x for x in lines[:index] if not RUNNING_LINE.search(x.text)]
            if len(before) < 2:
                yield Finding(doc.name, number, "the sign-off is alone on its page")
            return
    yield Finding(doc.name, None, "a letter without a signature block")


def contents_pages(doc: Printed) -> Iterable[Finding]:
    """A pack's contents: every row ends in a page number, and that page opens the section."""
    if not is_pack(doc):
        return
    rows = contents_rows(doc.pages)
    if not rows:
        yield Finding(doc.name, None, "the contents have no page numbers")
        return
    for title, page in rows:
        if page > len(doc.pages) or _squash(title) not in _squash(doc.pages[page - 1]):
            yield Finding(doc.name, None, f"the contents say {title!r} is on page {page}, "
                                          "but it is not")


def contents_rows(pages: list[str]) -> list[tuple[str, int]]:
    for page in pages:
        lines = [line.strip() for line in page.splitlines()]
        if "Contents" not in lines:
            continue
        rows = []
        for line in lines[lines.index("Contents") + 1:]:
            match = CONTENTS_ROW.match(line)
            if match and not match.group("title").startswith("Page"):
                rows.append((re.sub(r"^\d+\s+", "", match.group("title")).strip(),
                             int(match.group("page"))))
        return rows
    return []


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def reader_text(doc: Printed) -> Iterable[Finding]:
    """System sentences, dates with a leading zero, minutes that are not whole."""
    for number, page in enumerate(doc.pages, start=1):
        for pattern, what in ((SYSTEM_TEXT, "a system sentence"),
                              (LEADING_ZERO_DATE, "a date not written as 8 September 2026"),
                              (FRACTIONAL, "a number of minutes that is not whole")):
            text = CITATION.sub(" ", page) if pattern is FRACTIONAL else page
            for match in pattern.finditer(text):
                yield Finding(doc.name, number, f"{what}: {match.group(0)!r}")


CHECKS = (near_empty_pages, broken_header_words, engineering_text, reader_text,
          signature_block, contents_pages)


def check(doc: Printed) -> list[Finding]:
    return [finding for rule in CHECKS for finding in rule(doc)]


# --- the gallery ---------------------------------------------------------------------------

GALLERY_PREFERENCE = ("zofia-wisniewska", "tomos-llyr-evans", "aisha-rahman", "amira-haddad",
                      "leo-brennan", "callum-price", "blank-forms")


def write_gallery(pdfs: dict[Path, Path], target: Path = GALLERY) -> list[Path]:
    """The first page of each document type, as docs/gallery/KIND.png (50 dpi), listed in
    the gallery's README under the framework the document belongs to."""
    chosen: dict[str, tuple[int, Path, str]] = {}
    for docx, pdf in pdfs.items():
        kind = kind_of(docx)
        if kind.endswith("-filled"):
            continue
        rank = (GALLERY_PREFERENCE.index(docx.parent.name)
                if docx.parent.name in GALLERY_PREFERENCE else 99)
        if kind not in chosen or rank < chosen[kind][0]:
            chosen[kind] = (rank, pdf, framework_of_document(docx))
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("*.png"):
        old.unlink()
    written: list[tuple[str, Path]] = []
    for kind, (_, pdf, framework) in sorted(chosen.items()):
        stem = target / kind.replace("_", "-")
        subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(stem)], check=True)
        written.append((framework, stem.with_suffix(".png")))
    _gallery_readme(target, written)
    return [path for _, path in written]


def framework_of_document(docx: Path) -> str:
    """The title of the framework whose form made the document (or that the form is)."""
    from docgen.frameworks import framework_of

    with zipfile.ZipFile(docx) as archive:
        props = read_custom_properties(etree.fromstring(archive.read("docProps/custom.xml")))
    return framework_of(props.get("docgen.form") or "").title


def _gallery_readme(target: Path, written: list[tuple[str, Path]]) -> None:
    from docgen.frameworks import all_frameworks

    parts = []
    for framework in (f.title for f in all_frameworks()):
        rows = "\n".join(f"| {p.stem} | ![{p.stem}]({p.name}) |" for title, p in written
                         if title == framework)
        if rows:
            parts.append(f"## {framework}\n\n| document type | first page |\n|---|---|\n{rows}\n")
    (target / "README.md").write_text(
        "# Gallery: the first page of each document type\n\n"
        "Made from the demo's sample pupils of every framework by "
        "`python tools/page_check.py --gallery` (LibreOffice, 50 dpi). Regenerate it after "
        "changing a template.\n\n" + "\n".join(parts), encoding="utf-8")


# --- running it ----------------------------------------------------------------------------

def run(out: Path, *, gallery: bool = False) -> tuple[list[Printed], list[Finding]]:
    documents = make_demo(out / "demo")
    pdfs = to_pdfs(documents, out)
    printed = [read_printed(docx, pdf) for docx, pdf in pdfs.items()]
    if gallery:
        write_gallery(pdfs)
    return printed, [finding for doc in printed for finding in check(doc)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="keep the demo, PDFs and pages here")
    parser.add_argument("--gallery", action="store_true", help="rewrite docs/gallery/")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="page-check-") as scratch:
        out = args.out or Path(scratch)
        printed, findings = run(out, gallery=args.gallery)
    for finding in findings:
        print(finding)
    pages = sum(len(doc.pages) for doc in printed)
    print(f"{len(printed)} documents, {pages} pages checked: {len(findings)} problem(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
