"""Multilingual lexicons: one data file per language, one key per concept.

A concept (`scarcity`, `action.place_order`, `policy.returns`...) has `terms` and optional
`patterns` in `auditor/lexicons/<lang>.toml`. Term syntax, applied to normalised text:

    only {n} left      {n} is a number (digits in any script, with separators)
    залиш*             a trailing * matches any word ending (stems for inflected languages)
    only ... left      ... is a gap of up to three words
    *versand           a leading * matches any word start (the end of a compound: "Standardversand")
    others             literal words; boundaries are word boundaries on both sides

`patterns` are Python regular expressions over normalised text, for what terms cannot say.
Languages whose words take glued-on prefixes (Hebrew ו/ה/ב/ל/ש, Arabic و/ال/ب) list them as
`clitics`; a term then also matches after one of them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from auditor.text.normalize import normalize

NUMBER = r"\d+(?:[ .,']\d+)*"
GAP = r"[\s\-]+(?:\S+[\s\-]+){0,3}?"


@dataclass(frozen=True)
class LexMatch:
    concept: str
    lang: str
    term: str  # the lexicon entry that matched
    found: str  # the matched span of the normalised text
    start: int
    end: int


def _compile_term(term: str, clitics: Sequence[str]) -> str:
    tokens = normalize(term).split(" ")
    parts: list[str] = []
    for i, tok in enumerate(tokens):
        if tok == "...":
            parts.append(GAP)
            continue
        if tok == "{n}":
            piece = NUMBER
        elif tok.startswith("*") and len(tok) > 1:
            # "*versand": the end of a compound ("Standardversand", "Expressversand").
            inner = tok[1:].rstrip("*")
            piece = r"\w*" + re.escape(inner) + (r"\w*" if tok.endswith("*") else "")
        elif tok.endswith("*") and len(tok) > 1:
            piece = re.escape(tok[:-1]).replace(r"\{n\}", NUMBER) + r"\w*"
        else:
            piece = re.escape(tok).replace(r"\{n\}", NUMBER)
        if parts and parts[-1] != GAP:
            parts.append(r"[\s\-]*" if not tok[:1].isalnum() else r"[\s\-]+")
        parts.append(piece)
    body = "".join(parts)
    if not body:
        return ""
    prefix = ""
    if clitics:
        prefix = "(?:" + "|".join(re.escape(normalize(c)) for c in clitics) + ")?"
    # Word boundaries only where the term starts or ends with a word character: "/kg" must
    # match inside "грн/кг", "вул." before "Хрещатик".
    first, last = tokens[0].lstrip("*"), tokens[-1].rstrip("*")
    head = r"(?<!\w)" + prefix if (first[:1].isalnum() or first.startswith("{n}")) else ""
    tail = r"(?!\w)" if (last[-1:].isalnum() or last.endswith("{n}")) and not tokens[-1].endswith("*") else ""
    return f"{head}(?:{body}){tail}"


@dataclass
class Lexicon:
    lang: str
    name: str
    direction: str
    clitics: tuple[str, ...]
    terms: dict[str, tuple[str, ...]]
    patterns: dict[str, tuple[str, ...]]

    @cache
    def _regexes(self, concept: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        out = [(t, re.compile(_compile_term(t, self.clitics)))
               for t in self.terms.get(concept, ()) if _compile_term(t, self.clitics)]
        out += [(p, re.compile(p, re.IGNORECASE)) for p in self.patterns.get(concept, ())]
        return tuple(out)

    def find(self, concept: str, normalized_text: str) -> list[LexMatch]:
        hits: list[LexMatch] = []
        for term, rx in self._regexes(concept):
            for m in rx.finditer(normalized_text):
                hits.append(LexMatch(concept, self.lang, term, m.group(0), m.start(), m.end()))
        return hits

    def concepts(self) -> set[str]:
        return set(self.terms) | set(self.patterns)

    def __hash__(self) -> int:  # lets functools.cache key on the instance
        return hash(self.lang)


def _load(text: str) -> Lexicon:
    raw = tomllib.loads(text)
    terms: dict[str, tuple[str, ...]] = {}
    patterns: dict[str, tuple[str, ...]] = {}

    def walk(prefix: str, table: dict) -> None:
        for key, value in table.items():
            if not isinstance(value, dict):
                continue
            name = f"{prefix}.{key}" if prefix else key
            if "terms" in value or "patterns" in value:
                terms[name] = tuple(value.get("terms", ()))
                patterns[name] = tuple(value.get("patterns", ()))
            walk(name, {k: v for k, v in value.items() if isinstance(v, dict)})

    walk("", raw.get("concepts", {}))
    return Lexicon(
        lang=raw["lang"], name=raw.get("name", raw["lang"]), direction=raw.get("dir", "ltr"),
        clitics=tuple(raw.get("clitics", ())), terms=terms, patterns=patterns,
    )


class Lexicons:
    """All languages' lexicons. Matching defaults to every language, since a page's language
    is a guess and shops mix languages (English buttons on a Ukrainian page)."""

    def __init__(self, lexicons: Iterable[Lexicon]):
        self.by_lang = {lx.lang: lx for lx in lexicons}

    @property
    def languages(self) -> list[str]:
        return sorted(self.by_lang)

    def _pick(self, langs: Iterable[str | None] | None) -> list[Lexicon]:
        if not langs:
            return list(self.by_lang.values())
        wanted = [self.by_lang[lg] for lg in dict.fromkeys(langs) if lg and lg in self.by_lang]
        return wanted or list(self.by_lang.values())

    def find(self, concept: str, text: str, langs: Iterable[str | None] | None = None,
             normalized: bool = False) -> list[LexMatch]:
        norm = text if normalized else normalize(text)
        hits: list[LexMatch] = []
        for lx in self._pick(langs):
            hits.extend(lx.find(concept, norm))
        return sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))

    def has(self, concept: str, text: str, langs: Iterable[str | None] | None = None) -> bool:
        return bool(self.find(concept, text, langs))

    def any_of(self, concepts: Iterable[str], text: str,
               langs: Iterable[str | None] | None = None) -> list[LexMatch]:
        norm = normalize(text)
        return [h for c in concepts for h in self.find(c, norm, langs, normalized=True)]

    def concepts(self) -> set[str]:
        out: set[str] = set()
        for lx in self.by_lang.values():
            out |= lx.concepts()
        return out


@cache
def lexicons() -> Lexicons:
    """The bundled lexicons. Cached: they are immutable data, read once per process."""
    folder = resources.files("auditor").joinpath("lexicons")
    return Lexicons(
        _load(entry.read_text("utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".toml")
    )
