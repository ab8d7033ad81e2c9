"""undisclosed-ranking: listings sorted "recommended" or "featured" by default, with no word on how."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from auditor.artifacts import Artifacts, Box, Control, PageSnapshot
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import langs_of
from auditor.jurisdiction import rule
from auditor.legal import Ref
from auditor.text.lexicon import Lexicons, lexicons
from auditor.text.normalize import normalize

LISTING_KINDS = ("listing", "search", "home")
SORT_NAME = re.compile(r"sort|order", re.I)  # platform field names: orderby, sort_by, product_list_order
T = TypeVar("T")


@dataclass
class DefaultSort:
    locator: str
    text: str  # the default option as shown
    options: list[str]
    how: str  # "select" | "control text" | "... beside the label" | "label without value"
    box: Box | None
    known: bool = True  # False: a "Sort by" label whose current value could not be read


def opaque_terms(text: str, lex: Lexicons, langs: list[str | None] | None) -> list[str]:
    """Ranking words that are not merely the control's own "Sort by": "Sort by price" is an
    objective order, "Sort by popularity" or "Recommended" is the shop's ranking."""
    norm = normalize(text)
    generic = lex.find("sort_by", norm, langs, normalized=True)
    return [h.found for h in lex.find("ranking_sort", norm, langs, normalized=True)
            if not any(g.start <= h.start and h.end <= g.end for g in generic)]


def carries_value(text: str, lex: Lexicons, langs: list[str | None] | None) -> bool:
    """Whether a sort control's text names an order, not only "Sort by :" (a label whose
    value sits in the menu beside it)."""
    norm = normalize(text)
    for hit in sorted(lex.find("sort_by", norm, langs, normalized=True), key=lambda h: -h.start):
        norm = norm[:hit.start] + " " + norm[hit.end:]
    return bool(re.search(r"\w", norm))


def _is_sort_select(c: Control, lex: Lexicons, langs: list[str | None] | None) -> bool:
    label = " ".join(x for x in (c.label, c.group_label or "") if x)
    return (bool(SORT_NAME.search(f"{c.name or ''} {c.id or ''}")) or lex.has("sort_by", label, langs)
            or any(lex.has("sort_by", o.text, langs) for o in c.options)
            or sum(bool(opaque_terms(o.text, lex, langs)) for o in c.options) >= 2)


def _selected(c: Control) -> str:
    return next((o for o in c.options if o.selected), c.options[0]).text  # HTML selects the first by default


def _distance(label: Box | None, other: Box | None) -> float | None:
    """How far `other` is from the label if it sits on the label's line (either side: right-to-
    left pages put the value left) or just under it, where a sort menu shows its current value;
    None if it sits elsewhere."""
    if label is None or other is None or other.width <= 0 or other.height <= 0:
        return None
    middle = abs((label.y + label.height / 2) - (other.y + other.height / 2))
    gap = max(other.x - (label.x + label.width), label.x - (other.x + other.width), 0)
    if middle <= max(label.height, other.height) / 2 + 4 and gap <= 400:
        return gap
    below = other.y - (label.y + label.height)
    return max(below, 0) + gap if -4 <= below <= 60 and gap <= 40 else None


def _nearest(label: Box | None, items: list[T], box_of: Callable[[T], Box | None]) -> T | None:
    placed = [(d, i, it) for i, it in enumerate(items) if (d := _distance(label, box_of(it))) is not None]
    return min(placed, key=lambda t: (t[0], t[1]))[2] if placed else None


def _value_beside(page: PageSnapshot, label: Box | None, after: int | None, lex: Lexicons,
                  langs: list[str | None] | None) -> DefaultSort | None:
    """The current order shown next to a bare "Sort by :" label: a select's chosen option, a
    menu trigger's text, or the text block right after the label."""
    # A select of numbers beside it is the "per page" limiter, not the order.
    selects = [c for c in page.controls if c.kind == "select" and c.options and c.visible
               and not all(re.fullmatch(r"\W*\d+\W*", o.text) for o in c.options)]
    c = _nearest(label, selects, lambda c: c.box)
    if c is not None:
        return DefaultSort(c.locator, _selected(c), [o.text for o in c.options], "select beside the label", c.box)
    triggers = [b for b in page.buttons if b.region == "main" and b.kind != "submit" and 0 < len(b.text) <= 60
                and carries_value(b.text, lex, langs)]
    b = _nearest(label, triggers, lambda b: b.box)
    if b is not None:
        return DefaultSort(b.locator, b.text, [], "menu beside the label", b.box)
    if after is not None and after + 1 < len(page.text_blocks):
        nxt = page.text_blocks[after + 1]
        if (nxt.region == "main" and len(nxt.text) <= 60 and carries_value(nxt.text, lex, langs)
                and (label is None or nxt.box is None or _distance(label, nxt.box) is not None)):
            return DefaultSort(nxt.locator, nxt.text, [], "text after the label", nxt.box)
    return None


def _read_label(page: PageSnapshot, text: str, locator: str, box: Box | None, after: int | None,
                lex: Lexicons, langs: list[str | None] | None) -> DefaultSort:
    if carries_value(text, lex, langs):
        return DefaultSort(locator, text, [], "control text", box)
    # "Trier par :" names no order; never take its silence for an objective one.
    return (_value_beside(page, box, after, lex, langs)
            or DefaultSort(locator, text, [], "label without value", box, known=False))


def default_sorts(page: PageSnapshot, lex: Lexicons) -> list[DefaultSort]:
    langs = langs_of(page)
    found: list[DefaultSort] = []
    for c in page.controls:
        if c.kind == "select" and c.options and c.visible and _is_sort_select(c, lex, langs):
            found.append(DefaultSort(c.locator, _selected(c), [o.text for o in c.options], "select", c.box))
    if found:
        return found
    # Custom dropdowns show the current order on their trigger: "Sort by: Recommended ▾".
    for b in page.buttons:
        if b.region == "main" and lex.has("sort_by", b.text, langs):
            found.append(_read_label(page, b.text, b.locator, b.box, None, lex, langs))
    if found:
        return found
    for i, b in enumerate(page.text_blocks):
        if b.region == "main" and len(b.text) <= 80 and lex.has("sort_by", b.text, langs):
            return [_read_label(page, b.text, b.locator, b.box, i, lex, langs)]
    return found


def explained(page: PageSnapshot, artifacts: Artifacts, lex: Lexicons) -> str | None:
    """Where the main ranking parameters are explained: on the page or one click away."""
    langs = langs_of(page)
    for b in page.text_blocks:
        if lex.has("ranking_explanation", b.text, langs):
            return f"on the page: \u201c{b.text[:100]}\u201d"
    for ln in page.links:
        if lex.has("ranking_explanation", ln.text, langs):
            return f"linked from the page: \u201c{ln.text[:100]}\u201d ({ln.href})"
        target = artifacts.page_for(ln.href.split("#")[0])
        # Another category's own "how we sort this list" explains that list, not this one: a
        # page with a sort control of its own is such a list, whatever it was classified as.
        if (target is not None and target.final_url != page.final_url and target.kind not in ("listing", "search")
                and not default_sorts(target, lex)):
            hit = next((b for b in target.text_blocks if lex.has("ranking_explanation", b.text, langs_of(target))), None)
            if hit is not None:
                return f"one click away, on {target.final_url}: \u201c{hit.text[:100]}\u201d"
    return None


class UndisclosedRanking(Check):
    id = "undisclosed-ranking"
    title = "Default product rankings are explained"
    failure_title = "Listings are ranked by the shop's choice without saying how"
    category = "choice-architecture"
    severity = "moderate"
    references = (
        Ref("UCPD", "art. 7(4a)"),
        Ref("UCPD", "Annex I no. 11a"),
        Ref("P2B", "art. 5(1)", "online marketplaces"),
    )
    description = """
    What it detects: category and search pages whose default order is the shop's own ranking
    ("Recommended", "Featured", "Most popular", "Relevance", Magento's "Position") rather than an
    objective order such as price or date, where neither the page nor any page it links to
    explains the main parameters that decide the order. Sort controls are read as the shopper
    sees them: a select and its selected option, or the current value beside a "Sort by" label,
    in every language the lexicons cover; pages built by scripts are read after they render. A
    label that shows no current order is not assessed, never taken for an objective order.
    Why it harms shoppers: most shoppers buy from the first results, so an unexplained ranking
    can steer them to products that pay the shop more. Where shoppers search products of
    different traders, the main ranking parameters and their relative importance are material
    information that must be easy to reach from the results (UCPD art. 7(4a)), paid placement
    must be disclosed (Annex I no. 11a), and marketplaces owe their sellers the same description
    (P2B art. 5). For a single-seller shop the finding is a transparency recommendation.
    """
    remedy = ("Link from every sorted listing to a short explanation of what decides the default order and how much "
              "each factor weighs (including any paid placement), or default to an objective order such as price or newest.")
    requires = ("pages",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        listings = [p for p in {p.final_url: p for p in artifacts.pages}.values() if p.kind in LISTING_KINDS]
        if not rule(ctx.jurisdiction, "ranking_disclosure", True):
            return self.not_assessed(f"no duty to explain the default ranking under the {ctx.jurisdiction} profile: "
                                     + rule(ctx.jurisdiction, "ranking_disclosure_note", ""))
        if not any(p.kind in ("listing", "search") for p in listings):
            return self.not_assessed("no category or search page was reached")
        findings: list[Finding] = []
        sorted_pages: list[str] = []
        unknown: list[str] = []
        for page in listings:
            for sort in default_sorts(page, lex):
                if not sort.known:
                    unknown.append(f"{page.final_url}: label \u201c{sort.text[:40]}\u201d shows no current order "
                                   "and none was found beside it")
                    continue
                terms = opaque_terms(sort.text, lex, langs_of(page))
                if not terms:
                    sorted_pages.append(f"{page.final_url}: default \u201c{sort.text[:40]}\u201d is an objective order")
                    continue
                where = explained(page, artifacts, lex)
                if where:
                    sorted_pages.append(f"{page.final_url}: \u201c{sort.text[:40]}\u201d explained {where}")
                    continue
                findings.append(Finding(
                    url=page.final_url, key="default ranking",
                    message=f"Default order \u201c{sort.text[:60]}\u201d is the shop's ranking, and nothing on the page "
                            "or one click away explains what decides it",
                    locator=sort.locator, text=sort.text[:240],
                    observed=f"default sort \u201c{sort.text[:60]}\u201d ({sort.how}); no ranking explanation on the page "
                             f"or on the {len(page.links)} page(s) it links to",
                    expected="the main ranking parameters explained on the page or one click away",
                    evidence={"default": sort.text, "ranking_words": terms, "options": sort.options[:20],
                              "control": sort.how, "links_checked": len(page.links)},
                    box=sort.box,
                ))
                break
        if not findings and not sorted_pages and unknown:
            return self.not_assessed(f"the default order is unknown: {unknown[0]}", unknown_sorts=unknown)
        passed = (f"{len(sorted_pages)} sort control(s): objective default or explained ranking"
                  if sorted_pages else f"no sort control on {len(listings)} listing page(s)")
        if unknown:
            passed += f"; default order unknown on {len(unknown)} page(s) (a sort label with no value)"
        return self.judged(findings, passed=passed, failed=f"{len(findings)} listing(s) ranked without explanation",
                           sort_controls=sorted_pages, unknown_sorts=unknown)
