"""Language detection: the script decides where it can, lingua decides the rest.

Hebrew, Arabic, Ukrainian and Russian are told apart by their letters alone, instantly and
without loading a model. Latin-script text goes to lingua (the most accurate detector on short
texts we found), restricted to languages shops commonly use so its models load in seconds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

COMMON_LANGUAGES: tuple[str, ...] = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sv", "da", "nb", "fi", "ro",
    "hu", "el", "bg", "tr", "lt", "lv", "et", "sl", "hr", "uk", "ru", "be", "kk", "he", "ar",
    "fa", "ja", "zh", "ko",
)

_HEBREW = re.compile(r"[\u05d0-\u05ea]")
_ARABIC = re.compile(r"[\u0620-\u064a\u0671-\u06d3]")
_PERSIAN_ONLY = re.compile(r"[\u067e\u0686\u0698\u06af\u06cc]")  # پ چ ژ گ ی
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_LETTER = re.compile(r"[^\W\d_]")

MIN_LETTERS = 12  # below this, no detector is better than a guess


LONG_TEXT = 120  # letters; above this lingua's low-accuracy mode is as good and loads in 0.2 s


@dataclass
class LanguageDetector:
    languages: Sequence[str] = COMMON_LANGUAGES
    # Pages: always the light model (loads in 0.2 s; a page is rarely short enough to need more,
    # and the heavy one would stall the audit's event loop for seconds). Snippets: the best one.
    low_accuracy_only: bool = False
    _lingua: dict[bool, Any] = field(default_factory=dict, repr=False)

    def by_script(self, text: str) -> str | None:
        letters = _LETTER.findall(text)
        if not letters:
            return None
        n = len(letters)
        hebrew = len(_HEBREW.findall(text))
        arabic = len(_ARABIC.findall(text))
        cyrillic = len(_CYRILLIC.findall(text))
        if hebrew / n > 0.4:
            return "he"
        if arabic / n > 0.4:
            return "fa" if len(_PERSIAN_ONLY.findall(text)) > max(2, arabic * 0.02) else "ar"
        if cyrillic / n > 0.4:
            uk, ru = len(_UKRAINIAN_ONLY.findall(text)), len(_RUSSIAN_ONLY.findall(text))
            if uk > ru:
                return "uk"
            if ru > uk:
                return "ru"
            return None  # Cyrillic without tell-tale letters: let the model decide
        return None

    def _model(self, low_accuracy: bool) -> Any:
        """Lingua restricted to shop languages. The high-accuracy models (seconds to load, about
        half a GB) are only loaded for short texts, where trigrams alone guess badly."""
        if low_accuracy not in self._lingua:
            from lingua import IsoCode639_1, LanguageDetectorBuilder

            codes = [getattr(IsoCode639_1, c.upper()) for c in self.languages
                     if hasattr(IsoCode639_1, c.upper())]
            builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
            self._lingua[low_accuracy] = (builder.with_low_accuracy_mode() if low_accuracy else builder).build()
        return self._lingua[low_accuracy]

    def detect(self, text: str) -> str | None:
        text = text[:4000]
        letters = len(_LETTER.findall(text))
        if letters < MIN_LETTERS:
            return self.by_script(text)
        quick = self.by_script(text)
        if quick:
            return quick
        found = self._model(low_accuracy=self.low_accuracy_only or letters >= LONG_TEXT).detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else None


def declared(lang_attr: str | None) -> str | None:
    """'uk-UA' -> 'uk'; empty or 'x-default' -> None."""
    if not lang_attr:
        return None
    primary = lang_attr.strip().split("-")[0].split("_")[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def page_language(lang_attr: str | None, text: str, detector: LanguageDetector) -> tuple[str | None, str]:
    """The page's language and why: the text wins over a declaration it contradicts, because
    templates often keep `lang="en"` on translated pages."""
    stated = declared(lang_attr)
    detected = detector.detect(text) if text.strip() else None
    if detected and stated and detected != stated:
        return detected, f"text reads as {detected}, page declares {stated}"
    if detected:
        return detected, "detected from the text" + (" (matches the declaration)" if stated else "")
    if stated:
        return stated, "declared by the page (text too short to detect)"
    return None, "unknown"
