"""undisclosed-ranking: listings sorted "recommended" or "featured" by default, with no word on how."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.artifacts import Artifacts, Box, Control, PageSnapshot
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import langs_of
from auditor.legal import Ref
from auditor.text.lexicon import Lexicons, lexicons
from auditor.text.normalize import normalize

LISTING_KINDS = ("listing", "search", "home")
SORT_NAME = re.compile(r"sort|order", re.I)  # platform field names: orderby, sort_by, product_list_order


@dataclass
class DefaultSort:
    locator: str
    text: str  # the default option as shown
    options: list[str]
    how: str  # "select" | "control text"
    box: Box | None


def opaque_terms(text: str, lex: Lexicons, langs: list[str | None] | None) -> list[str]:
    """Ranking words that are not merely the control's own "Sort by": "Sort by price" is an
    objective order, "Sort by popularity" or "Recommended" is the shop's ranking."""
    norm = normalize(text)
    generic = lex.find("sort_by", norm, langs, normalized=True)
    return [h.found for h in lex.find("ranking_sort", norm, langs, normalized=True)
            if not any(g.start <= h.start and h.end <= g.end for g in generic)]


def _is_sort_select(c: Control, lex: Lexicons, langs: list[str | None] | None) -> bool:
    label = " ".join(x for x in (c.label, c.group_label or "") if x)
    return (bool(SORT_NAME.search(f"{c.name or ''} {c.id or ''}")) or lex.has("sort_by", label, langs)
            or any(lex.has("sort_by", o.text, langs) for o in c.options)
            or sum(bool(opaque_terms(o.text, lex, langs)) for o in c.options) >= 2)


def default_sorts(page: PageSnapshot, lex: Lexicons) -> list[DefaultSort]:
    langs = langs_of(page)
    found: list[DefaultSort] = []
    for c in page.controls:
        if c.kind == "select" and c.options and c.visible and _is_sort_select(c, lex, langs):
            chosen = next((o for o in c.options if o.selected), c.options[0])  # HTML selects the first by default
            found.append(DefaultSort(c.locator, chosen.text, [o.text for o in c.options], "select", c.box))
    if found:
        return found
    # Custom dropdowns show the current order on their trigger: "Sort by: Recommended ▾".
    for b in page.buttons:
        if b.region == "main" and lex.has("sort_by", b.text, langs):
            found.append(DefaultSort(b.locator, b.text, [], "control text", b.box))
    for b in page.text_blocks:
        if b.region == "main" and len(b.text) <= 80 and lex.has("sort_by", b.text, langs) and not found:
            found.append(DefaultSort(b.locator, b.text, [], "control text", b.box))
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
        if target is not None and target.final_url != page.final_url:
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
    ("Recommended", "Featured", "Most popular", "Relevance") rather than an objective order such
    as price or date, where neither the page nor any page it links to explains the main
    parameters that decide the order. Sort controls are read as the shopper sees them: a select
    and its selected option, or the label of a custom sort menu, in every language the lexicons
    cover; pages built by scripts are read after they render.
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
        if not any(p.kind in ("listing", "search") for p in listings):
            return self.not_assessed("no category or search page was reached")
        findings: list[Finding] = []
        sorted_pages: list[str] = []
        for page in listings:
            for sort in default_sorts(page, lex):
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
        return self.judged(findings,
                           passed=(f"{len(sorted_pages)} sort control(s): objective default or explained ranking"
                                   if sorted_pages else f"no sort control on {len(listings)} listing page(s)"),
                           failed=f"{len(findings)} listing(s) ranked without explanation",
                           sort_controls=sorted_pages)
