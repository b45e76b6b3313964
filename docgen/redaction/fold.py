"""Text folded the way a reader reads it, so a name is found however it was typed.

Folding removes what does not change what a reader sees as the name: letter case, accents
and other combining marks (NFD/NFKD, so precomposed and decomposed spellings meet), letters
that carry their stroke inside (ł, ø, đ), the many apostrophes (O’Brien, O'Brien, OʼBrien),
dashes and spaces, zero-width characters and soft hyphens Word inserts, Arabic tatweel, the
variant forms of Arabic and Urdu letters (ی/ي, ہ/ه, ک/ك, ة/ه) and digits of other scripts.
Each folded character remembers the character of the original text it came from, so a match
in the folded text can be replaced in the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "'’‘ʼʹ`´′＇"
_DASHES = "-‐‑‒–—―−﹣－"
_DROPPED = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u0640"}
_SPECIAL = {
    "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŀ": "l", "ð": "d", "þ": "th",
    "æ": "ae", "œ": "oe", "ŧ": "t", "ƒ": "f",
    # Arabic and Urdu: the same letter typed from different keyboards
    "ى": "ي", "ی": "ي", "ۍ": "ي", "ې": "ي",
    "ہ": "ه", "ە": "ه", "ھ": "ه", "ة": "ه", "ۃ": "ه",
    "ک": "ك", "ڪ": "ك",
}


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """What one character becomes when folded ('' when it is dropped)."""
    if ch in _APOSTROPHES:
        return "'"
    if ch in _DASHES:
        return "-"
    if ch.isspace():
        return " "
    if ch in _DROPPED:
        return ""
    out = []
    for part in unicodedata.normalize("NFKD", ch):
        if part in _DROPPED or unicodedata.combining(part):
            continue
        if part.isdigit() and not part.isascii():
            part = str(unicodedata.digit(part, 0))
        lower = part.casefold()
        out.append("".join(_SPECIAL.get(c, c) for c in lower))
    return "".join(out)


def fold(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the original one."""
    if text.isascii():
        folded = text.lower().replace("`", "'")
        return folded, list(range(len(text)))
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        folded = fold_char(ch)
        out.append(folded)
        origin.extend([index] * len(folded))
    return "".join(out), origin


def fold_only(text: str) -> str:
    """The folded text alone, quickly: ASCII stretches are lower-cased in one call."""
    if text.isascii():
        return text.lower().replace("`", "'")
    return "".join(piece.lower().replace("`", "'") if piece.isascii()
                   else "".join(map(fold_char, piece)) for piece in _STRETCHES.findall(text))


_STRETCHES = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


def original_span(origin: list[int], length: int, start: int, end: int) -> tuple[int, int]:
    """The original text's span for the folded span [start, end): up to (not including) the
    original character of the next folded one, so marks dropped after the last letter go
    with the match."""
    begin = origin[start]
    finish = origin[end] if end < len(origin) else length
    return begin, max(finish, begin + 1)
