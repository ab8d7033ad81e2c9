"""Text normalisation shared by lexicon matching, price parsing and comparisons.

Shops write the same word many ways: Arabic-Indic or Persian digits, Hebrew with or without
niqqud, Arabic with tashkeel and tatweel, typographic apostrophes, no-break spaces, ё for е.
Matching works on one canonical form; evidence always keeps the original text.
"""

from __future__ import annotations

import re
import unicodedata

_MARKS = re.compile(
    "[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"  # Hebrew cantillation and niqqud
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"  # Arabic tashkeel and Quranic marks
    "\u0640"  # Arabic tatweel (kashida), pure stretching
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"  # zero-width and bidi controls
)
_APOSTROPHES = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u05f3": "'", "\u00b4": "'",
    "\u05f4": '"', "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u201e": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u05be": "-",
    "\u0451": "\u0435",  # ё -> е: Russian text drops the diaeresis freely
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "\u060c": ",",  # Arabic comma
    "\u061b": ";",  # Arabic semicolon
    "\u061f": "?",  # Arabic question mark
    "\u066a": "%",  # Arabic percent sign
})
_SPACE = re.compile(r"\s+")


def ascii_digits(text: str) -> str:
    """Every Unicode decimal digit (Arabic-Indic, Persian, Devanagari...) as 0-9."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.digit(ch)) if ch.isdecimal() else ch for ch in text)


def normalize(text: str) -> str:
    """Canonical form for matching: NFKC, casefolded, ASCII digits, no marks, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _MARKS.sub("", text)
    text = text.translate(_APOSTROPHES)
    text = ascii_digits(text).casefold()
    # casefold can reintroduce ё from Ё.
    text = text.replace("\u0451", "\u0435")
    return _SPACE.sub(" ", text).strip()


def squash(text: str) -> str:
    """Whitespace collapsed and trimmed, nothing else changed: for evidence quotes."""
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


def clip(text: str, limit: int = 300) -> str:
    text = squash(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
