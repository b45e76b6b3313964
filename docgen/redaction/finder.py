"""Finds what identifies the pupil in a text, as a reader reads it (docgen.redaction.fold),
and replaces it: each name with its initials, any UPN (a letter and twelve characters, with any
spaces, dots or dashes between) and the date of birth (any common format) with a note that it
was removed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docgen.redaction.dates import date_pattern, find_dates
from docgen.redaction.fold import fold, fold_only, original_span
from docgen.redaction.identity import Identity, initials

UPN_REMOVED = "[UPN removed]"
DOB_REMOVED = "[date of birth removed]"
# A letter, eleven digits and a digit or letter (a temporary UPN ends in a letter), with any
# spacing; not inside a longer word or number.
_UPN = re.compile(r"(?<![^\W_])[a-z](?:[ ./-]*\d){11}[ ./-]*[0-9a-z](?![^\W_])")
_BEFORE = r"(?:(?<![^\W_])|(?<=(?<![^\W_])[وفبلك]))"  # Arabic 'and', 'by'… join the name
_AFTER = r"(?![^\W_])"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    replacement: str
    kind: str  # "name", "UPN", "date of birth"


class Finder:
    """Spans to replace in any text, for one identity (compiled once)."""

    def __init__(self, identity: Identity) -> None:
        self.identity = identity
        names = sorted(identity.names, key=lambda n: len(fold_only(n)), reverse=True)
        self.names = names
        alternatives = [f"(?P<n{i}>{_name_pattern(name)})" for i, name in enumerate(names)]
        self.pattern = (re.compile(f"{_BEFORE}(?:{'|'.join(alternatives)}){_AFTER}")
                        if alternatives else None)
        # each name's longest piece without an apostrophe (XML may write one as &apos;)
        self.chunks = {max(re.split(r"[' ]", fold_only(name)), key=len) for name in names}

    def could_match(self, folded: str) -> bool:
        """A quick, generous test on folded text (names anywhere, even inside words or
        joined to the next): False means ``spans`` finds nothing in any part of it."""
        if self.names_in(folded):
            return True
        if _UPN.search(folded):
            return True
        date = self.identity.date_of_birth
        return date is not None and date_pattern(date).search(folded) is not None

    def names_in(self, folded: str) -> bool:
        """Whether a name (its longest piece) appears anywhere in folded text."""
        return any(chunk in folded for chunk in self.chunks)

    def spans(self, text: str, *, dots: bool = True) -> list[Span]:
        """Non-overlapping spans of ``text`` (original indices), in order."""
        if not text or not self.identity:
            return []
        folded, origin = fold(text)
        found: list[tuple[int, int, str, str]] = []
        if self.pattern is not None:
            for match in self.pattern.finditer(folded):
                name = self.names[int(match.lastgroup[1:])]  # type: ignore[index]
                short = self.identity.names[name] if dots else initials(name, dots=False)
                found.append((*match.span(), short, "name"))
        for match in _UPN.finditer(folded):
            found.append((*match.span(), UPN_REMOVED if dots else "UPN", "UPN"))
        if self.identity.date_of_birth is not None:
            for start, end in find_dates(folded, self.identity.date_of_birth):
                found.append((start, end, DOB_REMOVED if dots else "DOB", "date of birth"))
        spans: list[Span] = []
        last = -1
        for start, end, replacement, kind in sorted(found, key=lambda f: (f[0], -f[1])):
            if start < last:
                continue  # overlaps one already kept
            begin, finish = original_span(origin, len(text), start, end)
            spans.append(Span(begin, finish, replacement, kind))
            last = end
        return spans

    def redact(self, text: str, *, dots: bool = True) -> str:
        """``text`` with every span replaced."""
        spans = self.spans(text, dots=dots)
        if not spans:
            return text
        out = []
        position = 0
        for span in spans:
            out.append(text[position:span.start])
            out.append(span.replacement)
            position = span.end
        out.append(text[position:])
        return "".join(out)


def _name_pattern(name: str) -> str:
    """A name's folded words, with any spaces or dashes between them."""
    words = [re.escape(word) for word in re.split(r"[ \-]+", fold_only(name)) if word]
    return "[ -]+".join(words)
