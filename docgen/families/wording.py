"""Turning staff wording into words for parents: their own tasks addressed to them, other
people's actions and reservations attributed, abbreviations explained where first used.

Staff write the role table in the third person ("practises the topic words at home and notes
which she knows"); a letter asks the parents in the second person ("We would like you to:
practise the topic words at home and note which she knows").
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable

from lxml import etree

from docgen.forms.ns import qn
from docgen.render.zipcopy import write_package

_BODY = "word/document.xml"
# As python-docx parsed the body when it did this step: the same XML comes out.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)

# Verbs that follow "and" in a task, turned to the second person only when listed here
# (a plural noun after "and" — "spellings and words" — must stay as it is).
_COMMON_VERBS = frozenset({
    "accepts", "agrees", "asks", "attends", "believes", "brings", "calls", "checks", "comes",
    "completes", "disagrees", "discusses", "encourages", "feels", "finds", "gives", "goes",
    "has", "helps", "is", "joins", "keeps", "lets", "listens", "looks", "meets", "notes",
    "plays", "practises", "praises", "questions", "reads", "records", "rewards", "says", "sees",
    "sends", "shares", "shows", "signs", "supports", "takes", "talks", "tells", "thinks",
    "tries", "uses", "visits", "wants", "watches", "worries", "writes",
})
_IRREGULAR = {"has": "have", "does": "do", "is": "are", "goes": "go"}
_TO_US = re.compile(r"\b(tell|let|show|ask|give|send|inform|contact) the school\b")

Abbreviations = tuple[tuple[str, str], ...]

# Abbreviations a parent may meet in Birmingham's documents, explained the first time a
# document uses them (each framework has its own list).
ABBREVIATIONS: Abbreviations = (
    ("SENCo", "special educational needs coordinator"),
    ("IEP", "Individual Education Plan"),
    ("CRISP", "Criteria for Special Provision"),
    ("SA+", "School Action Plus"),
    ("LEA", "local education authority"),
    ("PSS", "Pupil and School Support"),
    ("EP", "educational psychologist"),
    ("SALT", "speech and language therapist"),
    ("EWO", "education welfare officer"),
)


def base_verb(word: str) -> str:
    """'practises' → 'practise', 'tells' → 'tell', 'tries' → 'try', 'watches' → 'watch'."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if re.search(r"(ss|sh|ch|x|zz)es$", lower):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith("ss"):
        return word[:-1]
    return word


def for_parents(task: str) -> str:
    """A role-table task of the parents, as something we ask them to do."""
    words = task.strip().rstrip(".").split(" ")
    if not words or not words[0]:
        return task
    if words[0].lower().endswith("s"):
        words[0] = base_verb(words[0]).lower()
        for i in range(1, len(words) - 1):
            if words[i] in ("and", "then", "or", "but") and words[i + 1] in _COMMON_VERBS:
                words[i + 1] = base_verb(words[i + 1])
    else:
        words[0] = words[0][:1].lower() + words[0][1:]
    return _TO_US.sub(r"\1 us", " ".join(words))


def starts_with_verb(text: str) -> bool:
    """True when staff wrote the text as what someone does ("Agrees with …, but has …")."""
    first = text.strip().split(" ")[0].lower() if text.strip() else ""
    return first in _COMMON_VERBS


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def joined(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def explain_abbreviations(data: bytes, context: dict | None = None,
                          abbreviations: Abbreviations = ABBREVIATIONS) -> bytes:
    """The document with each abbreviation spelled out where it is first used, in the
    sentence ("special educational needs coordinator (SENCo)"; inside brackets already,
    "(special educational needs coordinator, SENCo)"; at the start of a paragraph or a row
    header, with a capital)."""
    package = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(package.read(_BODY), _PARSER)
    texts = [t for t in root.find(qn("w:body")).iter(qn("w:t")) if t.text]
    changed = False
    for short, meaning in abbreviations:
        # "SEN" inside "SEN Support" is that name's, when the list explains the name
        longer = [_pattern(other) for other, _ in abbreviations
                  if short in other and other != short]
        found = _first_use(texts, short, longer)
        if found is None:
            continue
        index, match = found
        element = texts[index]
        before = "".join(t.text for t in texts[max(0, index - 3):index]) + \
            element.text[:match.start()]
        if not before.lower().endswith((f"{meaning.lower()} (", f"{meaning.lower()}, ")):
            if _opens_paragraph(element, match):
                meaning = meaning[:1].upper() + meaning[1:]
            element.text = _explained(element.text, match, short, meaning)
            changed = True
    if not changed:
        return data
    # Only the body changes: the other parts are copied as they are stored.
    body = etree.tostring(root, encoding="UTF-8", standalone=True)
    return write_package(package, {_BODY: body})


def _pattern(short: str) -> re.Pattern[str]:
    # not inside a word, nor inside a code such as the reference "SEN/LB/SS/2026-09"
    return re.compile(rf"(?<![\w+/]){re.escape(short)}(?![\w+/])")


def _first_use(texts: list, short: str, longer: list[re.Pattern[str]]
               ) -> tuple[int, re.Match[str]] | None:
    pattern = _pattern(short)
    for index, element in enumerate(texts):
        if short not in element.text:  # most text holds none: no pattern need look at it
            continue
        taken = [m.span() for other in longer for m in other.finditer(element.text)]
        for match in pattern.finditer(element.text):
            if not any(start <= match.start() and match.end() <= end for start, end in taken):
                return index, match
    return None


def _opens_paragraph(element, match: re.Match[str]) -> bool:
    if element.text[:match.start()].strip():
        return False
    paragraph = next(element.iterancestors(qn("w:p")), None)
    first = None if paragraph is None else next(
        (t for t in paragraph.iter(qn("w:t")) if t.text and t.text.strip()), None)
    return first is element


def explainer(abbreviations: Abbreviations) -> Callable[[bytes, dict], bytes]:
    """A document's last step (DocumentType.post) explaining this framework's abbreviations."""
    def explain(data: bytes, context: dict) -> bytes:
        return explain_abbreviations(data, context, abbreviations)
    return explain


def _explained(text: str, match: re.Match[str], short: str, meaning: str) -> str:
    start, end = match.span()
    bracketed = text[start - 1:start] == "(" and text[end:end + 1] == ")"
    shown = f"{meaning}, {short}" if bracketed else f"{meaning} ({short})"
    return text[:start] + shown + text[end:]
