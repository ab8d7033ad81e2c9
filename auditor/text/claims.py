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


# A count or score: "12", "4,5", "2,314". Numbers elsewhere in the block ("14 jours pour
# changer d'avis", "delivery in 3 days") say nothing about reviews.
_NUM = r"\d+(?:[.,]\d+)*"
_BEFORE = re.compile(rf"({_NUM})\s*$")  # "12 avis", "128 reviews"
_AFTER = re.compile(rf"^\s*(?:[:(\[|·-]\s*)?({_NUM})")  # "Avis (12)", "Reviews: 4.8"
# Stars are a rating in every language: "★★★★☆ (12)", "★★★★☆ 4,5", "4,5 ★".
_STARS = re.compile(rf"[★☆⭐✩✪✭✮]{{3,10}}\s*\(?\s*({_NUM})|({_NUM})\s*(?:/\s*5\s*)?[★⭐]")


def _positive(number: str) -> bool:
    """Above zero: "0 avis" and "(0)" show no review."""
    return any(ch in "123456789" for ch in number)


def shows_reviews(text: str, lex: Lexicons, langs: list[str | None] | None) -> bool:
    """A reviews heading or an empty "no reviews yet" section gives access to no review: only
    a count, rating or score above zero next to a review word (or a row of stars) shows that
    reviews are there."""
    norm = normalize(text)
    for m in _STARS.finditer(norm):
        if _positive(m.group(1) or m.group(2)):
            return True
    for hit in lex.find("review_claim", norm, langs, normalized=True):
        if "{n}" in hit.term:  # "{n}/5", "rated {n}", "{n} відгуків": the number is part of the claim
            inside = re.search(_NUM, hit.found)
            if inside and _positive(inside.group(0)):
                return True
            continue
        near = _BEFORE.search(norm[:hit.start]) or _AFTER.search(norm[hit.end:])
        if near and _positive(near.group(1)):
            return True
    return False
