"""Counted claims in shop copy: "only 3 left", "23 people are viewing", "נותרו 3 יחידות".

The scarcity check, the social-proof check and the journey's scarcity probe all need the same
reading of such a claim: which concept it is, the number it states (if any) and the words that
said it, so that two loads, or a claim and the cart, can be compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.text.lexicon import LexMatch, Lexicons
from auditor.text.normalize import normalize

STOCK_CONCEPTS = ("scarcity", "stock.limited")
_NUMBER = re.compile(r"\d+(?:[ .,']\d{3})*")


@dataclass(frozen=True)
class Claim:
    concept: str
    term: str  # the lexicon entry that matched: groups like claims across loads
    found: str  # the matched words, normalised
    count: int | None  # the number the claim states, None for "selling fast"


def _count(found: str) -> int | None:
    m = _NUMBER.search(found)
    if not m:
        return None
    try:
        return int(re.sub(r"[ .,']", "", m.group(0)))
    except ValueError:
        return None


def _best(hits: list[LexMatch]) -> list[LexMatch]:
    """One match per stretch of text: the longest, and a counted one before a wordy one."""
    chosen: list[LexMatch] = []
    for hit in sorted(hits, key=lambda h: (-(_count(h.found) is not None), -(h.end - h.start), h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _in_a_clock(norm: str, hit: LexMatch) -> bool:
    """"03:47:32 left" is a countdown, not 32 units left: a number glued to a colon is a time."""
    m = _NUMBER.search(hit.found)
    if not m:
        return False
    start, end = hit.start + m.start(), hit.start + m.end()
    return norm[start - 1: start] == ":" or norm[end: end + 1] == ":"


def claims(text: str, concepts: tuple[str, ...], lex: Lexicons,
           langs: list[str | None] | None = None) -> list[Claim]:
    norm = normalize(text)
    hits = [h for c in concepts for h in lex.find(c, norm, langs, normalized=True) if not _in_a_clock(norm, h)]
    return [Claim(h.concept, h.term, h.found, _count(h.found)) for h in _best(hits)]


def stock_claims(text: str, lex: Lexicons, langs: list[str | None] | None = None) -> list[Claim]:
    """"Only N left", "low stock", "selling fast": what the shop says about how few remain."""
    return claims(text, STOCK_CONCEPTS, lex, langs)


def stock_count(text: str, lex: Lexicons, langs: list[str | None] | None = None) -> int | None:
    """The number of units a scarcity claim says are left, if it states one."""
    for claim in stock_claims(text, lex, langs):
        if claim.count is not None:
            return claim.count
    return None
