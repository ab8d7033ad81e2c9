"""Putting text from an audited site into Markdown without letting it write Markdown.

Pull-request comments and job summaries render Markdown with HTML, autolinks, @mentions and
#references. A shop page is hostile input: its text must come out as text, on one line, with no
link, image, heading, mention, HTML or code fence of its own.
"""

from __future__ import annotations

import re
import unicodedata

# Every ASCII punctuation mark CommonMark (or GitHub's extensions: tables, strikethrough, math)
# gives a meaning to; a backslash makes each a literal character.
_MD_PUNCT = set("\\`*_{}[]()#+-.!|~$")
# HTML-significant characters become entities, so no tag or attribute survives.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
# A zero-width space after @ and # keeps GitHub from linking or notifying anyone.
_ZWSP = "&#8203;"
_SPACES = re.compile(r"\s+")


def one_line(text: object, limit: int | None = None) -> str:
    """Whitespace (newlines included) collapsed, control and format characters dropped,
    cut to `limit` characters with an ellipsis."""
    s = "".join(ch for ch in str(text) if ch in "\t\n\r " or unicodedata.category(ch)[0] != "C")
    s = _SPACES.sub(" ", s).strip()
    if limit is not None and len(s) > limit:
        s = s[: max(0, limit - 1)].rstrip() + "…"
    return s


def md_text(text: object, limit: int | None = None) -> str:
    """Plain text safe to place anywhere in Markdown, table cells included."""
    out: list[str] = []
    for ch in one_line(text, limit):
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in "@#":
            out.append("\\" + ch + _ZWSP)
        elif ch in _MD_PUNCT:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def code(text: object, limit: int | None = None) -> str:
    """An inline code span whose fence is longer than any backtick run inside it. Not for table
    cells: a `|` there would still split the cell."""
    s = one_line(text, limit)
    if not s:
        return "—"
    longest = max((len(m) for m in re.findall(r"`+", s)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{fence}{pad}{s}{pad}{fence}"
