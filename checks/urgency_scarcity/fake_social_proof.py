"""fake-social-proof: activity pop-ups that differ for every visitor; reviews with no word on how they are checked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor import structured
from auditor.artifacts import Artifacts, Load, PageSnapshot, RepeatedLoads
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import langs_of, observation
from auditor.jurisdiction import rule
from auditor.legal import Ref
from auditor.text.claims import claims, shows_reviews
from auditor.text.lexicon import Lexicons, lexicons
from auditor.text.normalize import normalize, squash

REVIEW_PAGES = ("product", "listing", "home", "search")
CONTENT_REGIONS = ("main", "aside", "dialog")


@dataclass
class Sighting:
    """One activity claim as a visitor saw it: a pop-up or a line of the page."""

    term: str  # the lexicon entry: groups "23 people are viewing" with "31 people are viewing"
    text: str
    count: int | None
    locator: str
    appeared_ms: float | None  # None: part of the page, not a pop-up


def sightings(load: Load, lex: Lexicons, langs: list[str | None] | None) -> list[Sighting]:
    found: list[Sighting] = []
    for t in sorted(load.transients, key=lambda t: t.appeared_ms):
        for c in claims(t.text, ("social_proof",), lex, langs):
            found.append(Sighting(c.term, squash(t.text), c.count, t.locator, t.appeared_ms))
    for b in load.text_blocks:
        if b.region in CONTENT_REGIONS:
            for c in claims(b.text, ("social_proof",), lex, langs):
                found.append(Sighting(c.term, squash(b.text), c.count, b.locator, None))
    return found


def _value(s: Sighting) -> str:
    """What must agree between visitors: the count, or the words without their numbers
    ("Anna from Kyiv bought … 3 minutes ago" may say 4 minutes a little later)."""
    return str(s.count) if s.count is not None else re.sub(r"\d+", "#", normalize(s.text))


class FakeSocialProof(Check):
    id = "fake-social-proof"
    title = "Activity notices and reviews are genuine and explained"
    failure_title = "Activity notices vary at random or reviews are not explained"
    category = "urgency-scarcity"
    severity = "serious"
    references = (
        Ref("UCPD", "Annex I no. 23b"),
        Ref("UCPD", "Annex I no. 23c"),
        Ref("UCPD", "art. 7(6)"),
        Ref("IN-DP", "Annexure 1, item 1", "false urgency: showing false popularity"),
    )
    description = """
    What it detects: pop-ups and counters that claim other shoppers' activity ("Anna from Kyiv
    just bought…", "23 people are viewing this") but tell each new visitor something different:
    the page is loaded by several new visitors seconds apart, every notice that appears is
    recorded as it appears and disappears, and the first notice of each kind is compared between
    visitors. It also reports pages that show customer reviews or ratings without saying whether
    and how the shop checks that they come from people who bought or used the product, on the
    page or one click away.
    Why it harms shoppers: invented popularity pushes a purchase by borrowing the judgement of
    shoppers who do not exist. Since 2022 a trader that gives access to reviews must say whether
    and how it ensures they come from real customers (UCPD art. 7(6)); claiming they do without
    reasonable checks, or publishing false reviews or endorsements, is banned outright (Annex I
    nos. 23b and 23c).
    """
    remedy = ("Show activity notices only from real, recent events, the same for every visitor at the same "
              "moment, or remove them; state next to the reviews (or link to) whether and how reviews are "
              "verified, e.g. only customers with an order can review.")

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        findings: list[Finding] = []
        compared: list[str] = []
        for series in artifacts.repeated:
            finding = self._varying(series, lex, langs_of(artifacts.page_for(series.url)), compared)
            if finding:
                findings.append(finding)
        # Saying how reviews are checked is EU law (UCPD art. 7(6)); elsewhere fake reviews are
        # banned but no statement is owed, so only the activity claims are judged.
        statement_owed = rule(ctx.jurisdiction, "review_verification_statement", True)
        review_pages = self._reviews(artifacts, lex) if statement_owed else []
        findings += [f for f in review_pages if f is not None]
        usable = [s for s in artifacts.repeated if sum(ld.error is None for ld in s.loads) >= 2]
        if not findings and not usable and not review_pages:
            return self.not_assessed("no page was loaded twice to compare activity notices, and no reviews were seen")
        return self.judged(
            findings,
            passed=(f"activity notices compared on {len(usable)} page(s) ({len(compared)} kind(s) consistent); "
                    f"{sum(f is None for f in review_pages)} page(s) with reviews explain how they are verified"),
            failed=f"{len(findings)} finding(s)",
            compared=compared, pages_with_reviews=len(review_pages),
        )

    def _varying(self, series: RepeatedLoads, lex: Lexicons, langs: list[str | None] | None,
                 compared: list[str]) -> Finding | None:
        loads = [ld for ld in series.loads if ld.error is None]
        seen = [sightings(ld, lex, langs) for ld in loads]
        for term in dict.fromkeys(s.term for found in seen for s in found):
            firsts = [next((s for s in found if s.term == term), None) for found in seen]
            present = [(ld, s) for ld, s in zip(loads, firsts) if s is not None]
            if len(present) < 2:
                continue
            values = {_value(s) for _, s in present}
            # A feed may rotate several real events during one visit; only what different
            # visitors are shown first at the same moment must agree.
            within = [found for found in seen if len({_value(s) for s in found if s.term == term}) > 1]
            if len(values) == 1:
                compared.append(f"{series.url}: \u201c{present[0][1].text[:60]}\u201d the same for {len(present)} visitors")
                continue
            popups = any(s.appeared_ms is not None for _, s in present)
            return Finding(
                url=series.url, key=f"varies: {term}",
                message=(f"{'Activity pop-up' if popups else 'Activity claim'} differs between new visitors "
                         f"seconds apart: " + " / ".join(f"\u201c{s.text[:60]}\u201d" for _, s in present[:4])),
                locator=present[0][1].locator, text=present[0][1].text[:240],
                observed="; ".join(f"visitor {ld.index + 1}: {s.text[:80]}" for ld, s in present),
                expected="activity notices report real events: visitors at the same moment see the same",
                observations=[observation(ld, " | ".join(
                    f"{s.text[:100]}" + (f" (appeared at {s.appeared_ms / 1000:.1f} s)" if s.appeared_ms is not None else "")
                    for s in found if s.term == term) or "(none seen)", series.url) for ld, found in zip(loads, seen)],
                evidence={"term": term, "distinct_values": sorted(values), "visits": len(loads),
                          "changed_within_a_visit": bool(within), "pop_up": popups},
            )
        return None

    def _reviews(self, artifacts: Artifacts, lex: Lexicons) -> list[Finding | None]:
        """One entry per page showing reviews: a finding, or None when it explains them."""
        explained_pages = {p.final_url for p in artifacts.pages if _states_verification(p, lex)}
        out: list[Finding | None] = []
        seen: set[str] = set()
        for page in artifacts.pages:
            if page.kind not in REVIEW_PAGES or page.final_url in seen:
                continue
            langs = langs_of(page)
            block = next((b for b in page.text_blocks if b.region in CONTENT_REGIONS
                          and shows_reviews(b.text, lex, langs)), None)
            if block is None and not _rated_in_structured_data(page):
                continue
            block = block or next((b for b in page.text_blocks if lex.has("review_claim", b.text, langs)), None)
            if block is None:
                continue
            seen.add(page.final_url)
            linked = [ln for ln in page.links if ln.href.split("#")[0] in explained_pages
                      or lex.has("review_verification", ln.text, langs)]
            if page.final_url in explained_pages or linked:
                out.append(None)
                continue
            out.append(Finding(
                url=page.final_url, key="reviews unexplained",
                message="Reviews are shown without saying whether and how they are checked to come from real customers",
                locator=block.locator, text=block.text[:240],
                observed="no statement on review verification on the page or on any page it links to",
                expected="a statement next to the reviews, or one click away, of whether and how reviews are verified",
                evidence={"links_checked": len(page.links), "pages_with_a_statement": sorted(explained_pages)[:5]},
                box=block.box,
            ))
        return out


def _states_verification(page: PageSnapshot, lex: Lexicons) -> bool:
    return any(lex.has("review_verification", b.text, langs_of(page)) for b in page.text_blocks)


def _rated_in_structured_data(page: PageSnapshot) -> bool:
    for node in structured.walk(page.structured_data.json_ld + page.structured_data.microdata):
        for key in ("reviewCount", "ratingCount"):
            try:
                if float(str(node.get(key, 0)).replace(",", ".")) > 0:
                    return True
            except ValueError:
                continue
    return False
