"""File names legal on Windows, macOS and Linux whatever a pupil is called, and still readable.

Windows refuses ``<>:"/\\|?*`` and control characters, drops trailing dots and spaces, and
reserves device names (CON, PRN, AUX, NUL, COM1-9, LPT1-9, also with an extension); NTFS allows
255 UTF-16 units a name, ext4 and APFS 255 UTF-8 bytes, so a long Urdu or Polish name can
overflow a Linux disk before a Windows one. Letters of every script are kept as typed
(composed to NFC, with their accents and vowel marks), so Wiśniewska, Llŷr and فاطمہ stay
legible; everything else becomes a hyphen.

Names keep the order surname, forename, document (``Rahman-فاطمہ-iep.docx``): Explorer lists
each pupil's documents together, and the Unicode bidirectional algorithm shows a right-to-left
name as one run beside the Latin document part, so nothing needs reordering. Bidi controls
(which could make a name display as something else) are dropped.
"""

from __future__ import annotations

import unicodedata

FORBIDDEN = frozenset('<>:"/\\|?*')
RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")})
# Joiners shape Urdu, Persian and Indic letters; kept only between two letters.
JOINERS = frozenset({"\u200c", "\u200d"})
NAME_PART_CHARS = 40  # of a surname or forename: enough for any real name, readable in Explorer
STEM_BYTES = 150  # UTF-8 bytes of a document's name before '-redacted.docx', so the temporary
#                   '.NAME.docx.xxxxxxxx.part' and the answers file stay under 255 everywhere
WINDOWS_MAX_PATH = 259  # what Word and Windows without long-path support can open


def name_part(text: str, *, limit: int = NAME_PART_CHARS) -> str:
    """A surname or forename for a file name: letters and digits of every script kept (with
    their marks), anything else one hyphen, at most ``limit`` characters; 'pupil' if empty."""
    kept: list[str] = []
    for ch in unicodedata.normalize("NFC", text.strip()):
        category = unicodedata.category(ch)
        if ch.isalnum():
            kept.append(ch)
        elif category.startswith("M") and kept and kept[-1] != "-":
            kept.append(ch)  # an accent or vowel sign on the letter before it
        elif ch in JOINERS and kept and kept[-1].isalpha():
            kept.append(ch)
        else:
            kept.append("-")
    joined = "-".join(part for part in "".join(kept).split("-") if part)
    joined = _strip_loose_joiners(joined)
    return shorten(joined, limit) or "pupil"


def _strip_loose_joiners(text: str) -> str:
    """A joiner is kept only between two letters: drop one that ends up beside a hyphen."""
    out = []
    for i, ch in enumerate(text):
        if ch in JOINERS and not (i + 1 < len(text) and text[i + 1].isalpha()):
            continue
        out.append(ch)
    return "".join(out)


def shorten(text: str, limit: int, *, max_bytes: int | None = None) -> str:
    """At most ``limit`` characters (and ``max_bytes`` UTF-8 bytes), cut before a letter, never
    between a letter and its mark, and without a trailing hyphen."""
    end = min(len(text), limit)
    while end < len(text) and end > 0 and _continues(text[end]):
        end -= 1  # never leave an accent or joiner without its letter
    while max_bytes is not None and end > 0 and len(text[:end].encode("utf-8")) > max_bytes:
        end -= 1
        while end > 0 and _continues(text[end]):
            end -= 1
    return text[:end].rstrip("-" + "".join(JOINERS))


def _continues(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M") or ch in JOINERS


def legal_file_name(name: str) -> str:
    """Any file name made legal on Windows (and so everywhere): forbidden and control
    characters become hyphens, no trailing dots or spaces, no reserved device name."""
    cleaned = "".join("-" if ch in FORBIDDEN or unicodedata.category(ch) == "Cc"
                      or _is_bidi_control(ch) else ch
                      for ch in unicodedata.normalize("NFC", name))
    cleaned = cleaned.rstrip(". ") or "document"
    base, dot, rest = cleaned.partition(".")
    if base.rstrip(" ").upper() in RESERVED:
        cleaned = f"{base.rstrip(' ')}_{dot}{rest}"
    return cleaned


def _is_bidi_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cf" and ch not in JOINERS


def document_stem(surname: str, forename: str, what: str) -> str:
    """'Surname-Forename-what' within ``STEM_BYTES`` UTF-8 bytes: long names (Urdu letters
    take two bytes each) are shortened, never a failure, and the document part is kept whole."""
    first, second = name_part(surname), name_part(forename)
    budget = STEM_BYTES - len(what.encode("utf-8")) - 2
    if len(f"{first}{second}".encode()) > budget:
        half = budget // 2
        # each name gets half the room, and whatever the other does not need
        second_room = max(half, budget - len(first.encode()))
        second = shorten(second, len(second), max_bytes=second_room) or "pupil"
        first = shorten(first, len(first), max_bytes=budget - len(second.encode())) or "pupil"
    return legal_file_name(f"{first}-{second}-{what}")


def too_long_for_windows(path: str, overhead: int = 0) -> bool:
    """True when an absolute Windows path (plus ``overhead`` characters for a temporary name)
    is longer than Word and Windows without long-path support can open."""
    return len(path) + overhead > WINDOWS_MAX_PATH
