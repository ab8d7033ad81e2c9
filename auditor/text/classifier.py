"""The copy classifier: what a snippet of shop copy says, judged from its words alone.

Pure and browser-free, so marketing teams can lint copy before it ships and text detection can
be measured on its own. It is honest about its reach: wording that *is* the pattern
(confirmshaming on a decline option, a double negative on a consent choice) is reported by the
catalogue id of the check; wording that only *claims* something (a countdown, "only 2 left",
"23 people are viewing") is reported as a claim with the browser check that can verify it,
because text alone cannot tell a real deadline from a timer that restarts.

The checks use the same functions (`shaming`, `double_negative`, `opt_out_wording`), so the
CLI and an audit agree on what a label means.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, Field

from auditor.text.claims import shows_reviews
from auditor.text.durations import parse_countdown
from auditor.text.language import LanguageDetector
from auditor.text.lexicon import LexMatch, Lexicons, lexicons
from auditor.text.normalize import normalize

Langs = Sequence[str | None] | None


class Claim(BaseModel):
    """Wording that asserts something only a browser check can verify."""

    claim: str
    verify_with: str


class Match(BaseModel):
    concept: str
    term: str  # the lexicon entry that matched
    span: tuple[int, int] | None  # character offsets in the snippet as given; None if unmappable
    lang: str


class Classification(BaseModel):
    text: str
    lang: str | None
    patterns: list[str | Claim] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    matches: list[Match] = Field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class Rule:
    category: str
    concepts: tuple[str, ...]
    pattern: str | Claim  # a catalogue id where the text is the evidence, else a claim
    note: str


RULES: tuple[Rule, ...] = (
    Rule("urgency", ("urgency", "countdown_label"), Claim(claim="urgency", verify_with="fake-countdown"),
         "urgency claim: text alone cannot tell a real deadline from a timer that restarts; "
         "fake-countdown checks that in a browser across fresh visits"),
    Rule("scarcity", ("scarcity", "stock.limited"), Claim(claim="scarcity", verify_with="fake-scarcity"),
         "scarcity claim: only fake-scarcity can say it is false, by comparing it across visits, "
         "with the quantity the cart accepts and with the structured data"),
    Rule("social proof", ("social_proof", "review_claim"), Claim(claim="social proof", verify_with="fake-social-proof"),
         "social-proof claim: fake-social-proof records activity notifications across visits; "
         "review claims need a statement of how reviews are verified"),
    Rule("confirmshaming", ("confirmshaming",), "confirmshaming",
         "confirmshaming: on a decline option this wording is the pattern itself"),
    Rule("pressured selling", ("upsell",), Claim(claim="pressured selling", verify_with="preselected-extras"),
         "upsell pressure: it becomes a pattern the browser can prove when the extra is pre-selected "
         "(preselected-extras) or added without asking (sneak-into-basket)"),
    Rule("trick question", (), "trick-question",
         "trick question: a double negative on a consent choice; the wording itself is the evidence"),
    Rule("subscription", ("subscription", "cancellation_barrier"), Claim(claim="subscription", verify_with="hard-to-cancel"),
         "subscription wording: hard-to-cancel checks whether cancelling is as easy as signing up"),
)
NONE_NOTE = ("no dark-pattern wording found; text alone cannot rule out patterns that live in "
             "behaviour (timers that restart, nagging, items sneaked into the basket)")
_CLAUSE = re.compile(r"[.;!?\n]+|\s[-–—]\s")


# ---------------------------------------------------------------- normalisation with offsets

@lru_cache(maxsize=8192)
def _fold(ch: str) -> str:
    """One character's normal form; a space for any kind of space (collapsed by the caller)."""
    return " " if unicodedata.normalize("NFKC", ch).isspace() else normalize(ch)


def normalize_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """normalize(text) and, for each of its characters, the index of the original character it
    came from. The map is None in the rare text whose normal form is not per-character (e.g.
    decomposed accents), where spans cannot be pointed back at the original."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for out in _fold(ch):
            if out == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(out)
            where.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    norm = "".join(chars)
    expected = normalize(text)
    return (norm, where) if norm == expected else (expected, None)


# ---------------------------------------------------------------- shared judgements

def _longest(hits: Iterable[LexMatch]) -> list[LexMatch]:
    """Overlapping hits reduced to the longest of each overlap ("only 3 left" over "3 left")."""
    kept: list[LexMatch] = []
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    return kept


def shaming(text: str, lex: Lexicons | None = None, langs: Langs = None) -> list[LexMatch]:
    """Confirmshaming wording: a decline option that shames or guilts ("No thanks, I prefer to
    pay full price"). A neutral "No thanks" has none."""
    return _longest((lex or lexicons()).find("confirmshaming", text, langs))


def _negations(norm: str, lex: Lexicons, langs: Langs) -> list[LexMatch]:
    """Negations outside reassurances: "no spam, unsubscribe at any time" negates nothing the
    shopper chooses."""
    calm = lex.find("consent_reassurance", norm, langs, normalized=True)
    hits = [h for h in lex.find("negation", norm, langs, normalized=True)
            if not any(c.start <= h.start and h.end <= c.end for c in calm)]
    return _longest(hits)


def double_negative(text: str, lex: Lexicons | None = None, langs: Langs = None,
                    normalized: bool = False) -> list[LexMatch]:
    """The negations of the first clause that holds two or more ("Untick this box if you do
    not want to receive offers"); empty when every clause says at most one no."""
    lex = lex or lexicons()
    norm = text if normalized else normalize(text)
    hits = _negations(norm, lex, langs)
    start = 0
    for stop in [m.start() for m in _CLAUSE.finditer(norm)] + [len(norm)]:
        inside = [h for h in hits if start <= h.start < stop]
        if len(inside) >= 2:
            return inside
        start = stop
    return []


def opt_out_wording(text: str, lex: Lexicons | None = None, langs: Langs = None) -> bool:
    """Whether ticking the box would *refuse* something ("Do not send me offers")."""
    lex = lex or lexicons()
    norm = normalize(text)
    if _negations(norm, lex, langs):
        return True
    calm = lex.find("consent_reassurance", norm, langs, normalized=True)
    return any(not any(c.start <= h.start and h.end <= c.end for c in calm)
               for h in lex.find("contact_opt_out", norm, langs, normalized=True))


def is_consent_wording(text: str, lex: Lexicons | None = None, langs: Langs = None) -> bool:
    lex = lex or lexicons()
    norm = normalize(text)
    return bool(lex.find("consent", norm, langs, normalized=True)
                or lex.find("contact_opt_out", norm, langs, normalized=True))


# ---------------------------------------------------------------- the classifier

_HEAD, _TAIL = r"(?<!\w)", r"(?!\w)"


def _loose(pattern: str, clitics: Sequence[str] = ()) -> str:
    """A term's regex without its word-boundary assertions and optional clitic prefix: a screen
    may over-match (the exact regexes decide), and a pattern that starts with a letter lets the
    engine skip ahead to where that letter occurs instead of trying every position."""
    if pattern.startswith(_HEAD):
        pattern = pattern[len(_HEAD):]
    prefix = "(?:" + "|".join(re.escape(normalize(c)) for c in clitics) + ")?" if clitics else ""
    if prefix and pattern.startswith(prefix):
        pattern = pattern[len(prefix):]
    if pattern.endswith(_TAIL):
        pattern = pattern[: -len(_TAIL)]
    return pattern

@dataclass
class TextClassifier:
    """Classify snippets one at a time. Holds the lexicons and a language detector limited to
    the languages the lexicons cover (fewer models load faster and confuse less)."""

    lex: Lexicons = field(default_factory=lexicons)
    detector: LanguageDetector | None = None
    _screens: dict[tuple[str, str], re.Pattern[str] | None] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.detector is None:
            self.detector = LanguageDetector(languages=tuple(self.lex.languages))

    def language(self, text: str, lang: str = "auto") -> str | None:
        if lang != "auto":
            return lang
        assert self.detector is not None
        return self.detector.detect(text)

    def _screen(self, lang: str, concept: str) -> re.Pattern[str] | None:
        """All of a concept's terms in one alternation: most snippets match none of them, and
        one search is far cheaper than one per term. Only a hit pays for the exact matching."""
        key = (lang, concept)
        if key not in self._screens:
            lexicon = self.lex.by_lang[lang]
            parts = [f"(?i:{rx.pattern})" if rx.flags & re.IGNORECASE else f"(?:{_loose(rx.pattern, lexicon.clitics)})"
                     for _term, rx in lexicon._regexes(concept)]
            self._screens[key] = re.compile("|".join(parts)) if parts else None
        return self._screens[key]

    def find(self, concept: str, norm: str, langs: Sequence[str | None] | None) -> list[LexMatch]:
        """Lexicons.find on normalised text, screened."""
        picked = [lg for lg in dict.fromkeys(langs or ()) if lg in self.lex.by_lang] or self.lex.languages
        hits: list[LexMatch] = []
        for lg in picked:
            screen = self._screen(lg, concept)
            if screen is not None and screen.search(norm):
                hits += self.lex.by_lang[lg].find(concept, norm)
        return sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))

    def classify(self, text: str, lang: str = "auto") -> Classification:
        found = self.language(text, lang)
        # Shops mix English UI words into any language; unknown language: every lexicon.
        langs: list[str | None] | None = [found, "en"] if found in self.lex.by_lang else None
        norm, where = normalize_with_offsets(text)
        matches: list[Match] = []
        patterns: list[str | Claim] = []
        categories: list[str] = []
        notes: list[str] = []

        def keep(hits: list[LexMatch]) -> None:
            for h in hits:
                span = (where[h.start], where[h.end - 1] + 1) if where is not None and h.end > h.start else None
                matches.append(Match(concept=h.concept, term=h.term, span=span, lang=h.lang))

        for rule in RULES:
            hits: list[LexMatch] = []
            if rule.category == "trick question":
                consent = self.find("consent", norm, langs)
                opt_out = self.find("contact_opt_out", norm, langs)
                negs = double_negative(norm, self.lex, langs, normalized=True) if (consent or opt_out) else []
                hits = _longest(consent or opt_out) + negs if negs else []
            else:
                for concept in rule.concepts:
                    if concept == "review_claim" and not shows_reviews(norm, self.lex, langs):
                        # "Write a review" claims nothing, nor "14 jours pour changer d'avis";
                        # "4.8 out of 5 (2,314 reviews)" does: a count next to the review word.
                        continue
                    found_hits = self.find(concept, norm, langs)
                    if concept == "countdown_label" and found_hits and parse_countdown(norm, self.lex, langs) is None:
                        continue  # "Nur noch" before a count is scarcity; before 02:14:33 it is a timer
                    hits += found_hits
                hits = _longest(hits)
            if hits:
                keep(hits)
                categories.append(rule.category)
                patterns.append(rule.pattern)
                notes.append(rule.note)
        matches.sort(key=lambda m: (m.span or (0, 0), m.concept))
        return Classification(
            text=text, lang=found, patterns=patterns, categories=categories or ["none"],
            matches=matches, note="; ".join(notes) if notes else NONE_NOTE,
        )
