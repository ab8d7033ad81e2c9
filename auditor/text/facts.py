"""Facts in policy text: which required elements a page states, with the sentence as the quote.

An element is `present` when a sentence matches its concept, `vague` when only its vague
concept matches (e.g. "fast delivery" where a delivery time is required), else `missing`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from auditor.text.lexicon import Lexicons
from auditor.text.normalize import clip, normalize

_SENTENCE_END = re.compile(r"(?<=[.!?؟。])\s+|\n+|(?<=[:;])\s+(?=[-•·*])|\s+[•·]\s+")


@dataclass(frozen=True)
class Fact:
    element: str
    status: str  # present | vague | missing
    quote: str = ""
    concept: str = ""
    term: str = ""


def sentences(blocks: Iterable[str]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        for piece in _SENTENCE_END.split(block):
            piece = piece.strip()
            if len(piece) > 1:
                out.append(piece)
    return out


def find_fact(element: str, concepts: Sequence[str], sents: Sequence[str], lex: Lexicons,
              langs: Sequence[str | None] | None, vague_concepts: Sequence[str] = (),
              require_number: bool = False, also: Sequence[str] = ()) -> Fact:
    """First sentence stating the element; `require_number` for periods and times; `also`:
    concepts the same sentence must mention too (a refund time is a time *and* a refund)."""
    vague: Fact | None = None
    for sent in sents:
        norm = normalize(sent)
        for concept in concepts:
            hits = lex.find(concept, norm, langs, normalized=True)
            if not hits:
                continue
            if require_number and not re.search(r"\d", norm):
                continue
            if also and not any(lex.find(c, norm, langs, normalized=True) for c in also):
                continue
            return Fact(element, "present", clip(sent, 400), concept, hits[0].term)
        if vague is None:
            for concept in vague_concepts:
                hits = lex.find(concept, norm, langs, normalized=True)
                if hits:
                    vague = Fact(element, "vague", clip(sent, 400), concept, hits[0].term)
                    break
    return vague or Fact(element, "missing")
