"""Facts in policy text: which required elements a page states, with the sentence as the quote.

An element is `present` when a sentence matches its concept, `vague` when only its vague
concept matches (e.g. "fast delivery" where a delivery time is required) or when a period or
time is named without saying how long ("refunds are processed promptly"), else `missing`.

`find_fact` judges one element over one page's sentences; `extract_facts` judges a set of
elements over several sources (policy pages first, then product, cart and checkout pages) and
keeps the URL each quote came from, so a report can point at it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from auditor.text.lexicon import Lexicons
from auditor.text.normalize import clip, normalize

_SENTENCE_END = re.compile(r"(?<=[.!?؟。])\s+|\n+|(?<=[:;])\s+(?=[-•·*])|\s+[•·]\s+")

# Number words for the periods shops write out ("binnen vierzehn Tagen", "תוך ארבעה עשר ימים").
# Only the periods consumer law and shops use; anything else is written in digits in practice.
# Keys are normalised (casefolded, marks stripped); inflected forms are listed as they occur.
NUMBER_WORDS: dict[str, int] = {
    # en
    "seven": 7, "ten": 10, "fourteen": 14, "thirty": 30, "sixty": 60, "ninety": 90,
    # de
    "sieben": 7, "zehn": 10, "vierzehn": 14, "dreißig": 30, "dreissig": 30,
    # fr
    "sept": 7, "dix": 10, "quatorze": 14, "trente": 30,
    # es
    "siete": 7, "diez": 10, "catorce": 14, "treinta": 30,
    # uk
    "сім": 7, "семи": 7, "десять": 10, "десяти": 10, "чотирнадцять": 14, "чотирнадцяти": 14,
    "тридцять": 30, "тридцяти": 30,
    # ru
    "семь": 7, "четырнадцать": 14, "четырнадцати": 14, "тридцать": 30, "тридцати": 30,
    # he
    "שבעה": 7, "שבוע": 7, "עשרה": 10, "ארבעה עשר": 14, "ארבעה-עשר": 14, "שלושים": 30,
    # ar
    "سبعة": 7, "عشرة": 10, "أربعة عشر": 14, "اربعة عشر": 14, "ثلاثين": 30, "ثلاثون": 30,
}
_NUMBER_WORD_RX = re.compile(
    r"(?<!\w)(" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)) + r")(?!\w)")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Fact:
    element: str
    status: str  # present | vague | missing
    quote: str = ""
    concept: str = ""
    term: str = ""
    page: str = ""  # URL of the page the quote came from
    value: str = ""  # what was read where one value matters: days, an e-mail, a phone number

    def at(self, url: str) -> "Fact":
        return replace(self, page=url) if self.status != "missing" else self


@dataclass(frozen=True)
class ElementSpec:
    """One element a policy must state: the concepts that state it and what a reader is told."""

    name: str
    concepts: tuple[str, ...]
    need: str  # "how many days the shopper has to return" — completes "does not say ..."
    numeric: bool = False  # a period or time: only a stated quantity makes it present
    vague_concepts: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()  # the sentence must also be about this ("within 14 days" about refunds)
    avoid: tuple[str, ...] = ()  # prefer sentences not about this (the period, not the refund time)


@dataclass(frozen=True)
class Source:
    """The sentences of one page (or one journey step) in the order a shopper reads them."""

    url: str
    sentences: tuple[str, ...]
    langs: tuple[str | None, ...] | None = None
    origin: str = "policy"  # policy | product | cart | checkout | journey | footer


def sentences(blocks: Iterable[str]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        for piece in _SENTENCE_END.split(block):
            piece = piece.strip()
            if len(piece) > 1:
                out.append(piece)
    return out


def has_quantity(normalized: str) -> bool:
    """A number in digits (any script, already ASCII after normalisation) or in words."""
    return bool(_DIGITS.search(normalized) or _NUMBER_WORD_RX.search(normalized))


def numbers_in(normalized: str) -> list[tuple[int, int, int]]:
    """(value, start, end) of every number in digits or words, in text order."""
    found = [(int(m.group(0)), m.start(), m.end()) for m in _DIGITS.finditer(normalized)
             if len(m.group(0)) <= 4]
    found += [(NUMBER_WORDS[m.group(1)], m.start(), m.end()) for m in _NUMBER_WORD_RX.finditer(normalized)]
    return sorted(found, key=lambda x: x[1])


def days_stated(text: str, lex: Lexicons, langs: Sequence[str | None] | None = None) -> list[int]:
    """Periods in days a sentence states: "30 days", "30-day", "14 Tagen", "14 днів", "14 יום".

    A number counts when the word right after it (or glued to it by a hyphen) is a day word in
    the lexicons; weeks and months are converted, so "two weeks" is not read but "2 weeks" is.
    """
    norm = normalize(text)
    out: list[int] = []
    for value, _start, end in numbers_in(norm):
        rest = norm[end:end + 24].lstrip(" -")
        word = re.match(r"[^\W\d_]+\.?", rest)
        if not word:
            continue
        token = word.group(0)
        if _whole_word(lex, "time.days", token, langs) or _whole_word(lex, "time.days", token.rstrip("."), langs):
            out.append(value)
        elif re.fullmatch(r"(weeks?|wochen?|semaines?|semanas?|тижн\w*|недел\w*|שבועות|أسابيع|اسابيع)", token):
            out.append(value * 7)
    return out


def _whole_word(lex: Lexicons, concept: str, token: str, langs: Sequence[str | None] | None) -> bool:
    return any(h.start == 0 and h.end == len(token) for h in lex.find(concept, token, langs, normalized=True))


def find_fact(element: str, concepts: Sequence[str], sents: Sequence[str], lex: Lexicons,
              langs: Sequence[str | None] | None, vague_concepts: Sequence[str] = (),
              require_number: bool = False, topic: Sequence[str] = (), avoid: Sequence[str] = ()) -> Fact:
    """First sentence stating the element; `require_number` for periods and times.

    With `require_number`, a sentence that names the element without a quantity ("refunds are
    processed promptly") makes it vague, not missing: the shop said something, but not what a
    shopper needs. `topic` concepts must also match (a generic "within 14 days" states the
    refund time only in a sentence about refunds); sentences matching `avoid` are taken only
    when no other sentence states the element.
    """
    def about(norm: str, wanted: Sequence[str]) -> bool:
        return any(lex.find(c, norm, langs, normalized=True) for c in wanted)

    normed = [(sent, normalize(sent)) for sent in sents]
    if topic:
        normed = [(s, n) for s, n in normed if about(n, topic)]
    if avoid:
        preferred = [(s, n) for s, n in normed if not about(n, avoid)]
        normed = preferred + [x for x in normed if x not in preferred]
    vague: Fact | None = None
    for sent, norm in normed:
        for concept in concepts:
            hits = lex.find(concept, norm, langs, normalized=True)
            if not hits:
                continue
            if require_number and not has_quantity(norm):
                if vague is None:
                    vague = Fact(element, "vague", clip(sent, 400), concept, hits[0].term)
                continue
            return Fact(element, "present", clip(sent, 400), concept, hits[0].term)
        if vague is None:
            for concept in vague_concepts:
                hits = lex.find(concept, norm, langs, normalized=True)
                if hits:
                    vague = Fact(element, "vague", clip(sent, 400), concept, hits[0].term)
                    break
    return vague or Fact(element, "missing")


def extract_facts(specs: Iterable[ElementSpec], sources: Sequence[Source], lex: Lexicons) -> dict[str, Fact]:
    """Each element from the first source that states it; vague only if no source states it."""
    facts: dict[str, Fact] = {}
    for spec in specs:
        best = Fact(spec.name, "missing")
        for src in sources:
            fact = find_fact(spec.name, spec.concepts, src.sentences, lex, src.langs,
                             spec.vague_concepts, spec.numeric, spec.topic, spec.avoid).at(src.url)
            if fact.status == "present":
                best = fact
                break
            if fact.status == "vague" and best.status == "missing":
                best = fact
        facts[spec.name] = best
    return facts


def element_table(facts: dict[str, Fact], required: Iterable[str]) -> dict[str, dict[str, object]]:
    """The per-element table a report renders: status, quote, page and whether it is required."""
    need = set(required)
    return {name: {"status": f.status, "quote": f.quote, "page": f.page, "required": name in need,
                   **({"value": f.value} if f.value else {})}
            for name, f in facts.items()}
