"""Read a countdown's remaining time from its text, in any language the lexicons know.

Countdowns come as "00:14:59", "1234d 05:06:07", "2 days 03 hrs 04 min", "02 год 14 хв 33 сек",
"٠٢:١٤:٣٣", or digits in separate boxes that arrive as "02 : 14 : 33". Clock times ("open until
18:00") look the same as a two-part countdown, so callers only apply this to text that ticked
or stands next to a countdown label.
"""

from __future__ import annotations

import re

from auditor.text.lexicon import Lexicons
from auditor.text.normalize import normalize

_COLON = re.compile(
    r"(?<![\d:])(?:(\d{1,4})\s*:\s*)?(\d{1,3})\s*:\s*(\d{2})(?:\s*:\s*(\d{2}))?(?![\d:])"
)
_DAYS_BEFORE = re.compile(r"(\d{1,4})\s*([^\W\d_]{1,12}\.?)\s*[,.]?\s*$", re.UNICODE)
_NUM_UNIT = re.compile(r"(\d{1,4})\s*([^\W\d_]{1,12}\.?)", re.UNICODE)
_UNIT_SECONDS = {"time.days": 86400, "time.hours": 3600, "time.minutes": 60, "time.seconds": 1}


def _unit_seconds(word: str, lex: Lexicons, langs: list[str] | None) -> int | None:
    word = word.rstrip(".")
    for concept, secs in _UNIT_SECONDS.items():
        for hit in lex.find(concept, word, langs, normalized=True):
            if hit.start == 0 and hit.end == len(word):
                return secs
    return None


def parse_countdown(text: str, lex: Lexicons, langs: list[str] | None = None) -> int | None:
    """Remaining seconds shown by a countdown text, or None if it does not read as one."""
    norm = normalize(text)
    total = 0
    found = False
    colon = _COLON.search(norm)
    if colon:
        d, a, b, c = colon.groups()
        if d is not None and c is None:
            d, a, b, c = None, d, a, b  # three parts: H:M:S
        if c is not None:
            total = int(a) * 3600 + int(b) * 60 + int(c)
        else:
            total = int(a) * 60 + int(b)  # two parts: countdowns show MM:SS under an hour
        if d is not None:
            total += int(d) * 86400  # four parts: D:H:M:S
        else:
            day = _DAYS_BEFORE.search(norm[: colon.start()])
            if day and _unit_seconds(day.group(2), lex, langs) == 86400:
                total += int(day.group(1)) * 86400  # "1234d 05:06:07", "2 дні 05:06:07"
        return total
    for num, unit in _NUM_UNIT.findall(norm):
        secs = _unit_seconds(unit, lex, langs)
        if secs:
            total += int(num) * secs
            found = True
    return total if found else None
