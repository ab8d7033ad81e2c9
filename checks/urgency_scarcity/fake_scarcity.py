"""fake-scarcity: "only N left" claims that change at random, or that the shop's own cart and data contradict."""

from __future__ import annotations

from dataclasses import dataclass

from auditor import structured
from auditor.artifacts import AddedItem, Artifacts, Box, Load, PageSnapshot, RepeatedLoads
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import box_on_page, langs_of, observation
from auditor.legal import Ref
from auditor.text.claims import stock_claims, stock_count
from auditor.text.lexicon import Lexicons, lexicons

SKIP_REGIONS = ("nav", "footer")


@dataclass
class Reading:
    load: Load
    at: float  # seconds since the first load of the series
    text: str
    count: int
    locator: str
    box: Box | None


def _load_readings(load: Load, lex: Lexicons, langs: list[str | None] | None) -> list[Reading]:
    """A load's counted stock claims: its final text, plus both reads of a claim that changed
    while the page was watched (a stock count that moves on its own within seconds)."""
    found: list[Reading] = []
    final_at = load.elapsed_s + (load.observed_ms / 1000 if load.observed_ms else 2.0)
    for block in load.text_blocks:
        if block.region not in SKIP_REGIONS:
            count = stock_count(block.text, lex, langs)
            if count is not None:
                found.append(Reading(load, final_at, block.text, count, block.locator, block.box))
    for tick in load.ticking:
        for at, text in ((load.elapsed_s, tick.first), (load.elapsed_s + tick.interval_ms / 1000, tick.second)):
            count = stock_count(text, lex, langs)
            if count is not None:
                found.append(Reading(load, at, text, count, tick.locator, tick.box))
    return found


def series_readings(series: RepeatedLoads, lex: Lexicons, langs: list[str | None] | None) -> dict[str, list[Reading]]:
    """Counted claims per element across loads; matched by position when each load shows one
    claim (widgets that inject themselves land at a new locator on every load)."""
    per_load = [_load_readings(ld, lex, langs) for ld in series.loads if ld.error is None]
    by_key: dict[str, list[Reading]] = {}
    for found in per_load:
        for r in found:
            by_key.setdefault(r.locator, []).append(r)
    if len(by_key) > 1 and all(len({r.locator for r in found}) <= 1 for found in per_load):
        by_key = {"the page's stock claim": [r for found in per_load for r in found]}
    return by_key


def _wordy_terms(load: Load, lex: Lexicons, langs: list[str | None] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for block in load.text_blocks:
        if block.region not in SKIP_REGIONS:
            for claim in stock_claims(block.text, lex, langs):
                if claim.count is None:
                    out.setdefault(claim.term, block.text)
    return out


class FakeScarcity(Check):
    id = "fake-scarcity"
    title = "Stock claims are stable and match what the shop sells"
    failure_title = "Stock claims change at random or contradict the cart"
    category = "urgency-scarcity"
    severity = "serious"
    references = (
        Ref("UCPD", "Annex I no. 7"),
        Ref("UCPD", "Annex I no. 18"),
        Ref("UCPD", "art. 6(1)(b)"),
        Ref("IN-DP", "Annexure 1, item 1", "false urgency: quantities more limited than they are"),
    )
    description = """
    What it detects: "only 3 left", "selling fast" and "limited stock" claims that are not about
    real stock. The page is loaded by several new visitors seconds apart and the claim read on
    each visit and while it is watched: a stock count that goes up within seconds, or a claim
    shown to some visitors and not to others, is not counting stock. The claim is also held
    against the shop's own answers: the journey asks the cart for one unit more than the page
    says is left, and the product's structured data may state the real inventory.
    Why it harms shoppers: telling shoppers that a product is about to run out pushes them to buy
    at once, without comparing offers. Falsely stating that a product is available only for a
    very limited time or on particular terms is banned in all circumstances (UCPD Annex I no. 7),
    as is passing on materially inaccurate information about the chance of finding the product
    elsewhere or later (no. 18); availability is a main characteristic a trader must not misstate
    (art. 6(1)(b)).
    """
    remedy = ("Show a stock count only when it is read from the inventory, the same for every visitor, "
              "and let the cart enforce it; otherwise remove the claim.")
    requires = ("pages",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        findings: list[Finding] = []
        verified: list[str] = []
        unverified: list[str] = []
        for series in artifacts.repeated:
            langs = langs_of(artifacts.page_for(series.url))
            for key, reads in series_readings(series, lex, langs).items():
                reads.sort(key=lambda r: r.at)
                if len({r.load.index for r in reads}) < 2 and len({r.count for r in reads}) < 2:
                    unverified.append(f"{series.url} ({key}): seen on one visit only")
                    continue
                verified.append(f"{series.url} ({key}): {' → '.join(str(r.count) for r in reads)}")
                finding = self._rising(artifacts, series, key, reads)
                if finding:
                    findings.append(finding)
            finding = self._flipping(series, lex, langs, verified)
            if finding:
                findings.append(finding)
        for item in (artifacts.journey.added if artifacts.journey else []):
            if item.purpose == "scarcity probe":
                finding = self._cart(artifacts, item, lex, verified, unverified)
                if finding:
                    findings.append(finding)
        for page in {p.final_url: p for p in artifacts.pages_of_kind("product")}.values():
            finding = self._structured(page, lex, verified)
            if finding:
                findings.append(finding)
        claimed = list(dict.fromkeys(
            p.final_url for p in artifacts.pages
            if any(stock_claims(b.text, lex, langs_of(p)) for b in p.text_blocks if b.region not in SKIP_REGIONS)))
        if not findings and not verified and not artifacts.pages_of_kind("product"):
            return self.not_assessed("no product page was reached, where stock claims stand", claimed=claimed[:20])
        if not findings and not verified and (claimed or unverified):
            return self.not_assessed("stock claims were seen but none could be compared across visits, "
                                     "with the cart or with structured data", claimed=claimed[:20],
                                     unverified=unverified)
        return self.judged(
            findings,
            passed=(f"{len(verified)} stock claim(s) verified: stable across visits and consistent with the cart "
                    "and structured data" if verified else "no stock-scarcity claim on the pages visited"),
            failed=f"{len(findings)} stock claim(s) are not about real stock",
            verified=verified, unverified=unverified, claimed=claimed[:20],
        )

    def _rising(self, artifacts: Artifacts, series: RepeatedLoads, key: str, reads: list[Reading]) -> Finding | None:
        rise = next(((a, b) for a, b in zip(reads, reads[1:]) if b.count > a.count), None)
        if rise is None:
            return None
        before, after = rise
        per_load: dict[int, list[Reading]] = {}
        for r in reads:
            per_load.setdefault(r.load.index, []).append(r)
        where = "on the same visit" if before.load.index == after.load.index else "for a later visitor"
        return Finding(
            url=series.url, key="changes between loads",
            message=(f"Stock claim changes at random: \u201c{before.text[:80]}\u201d, then {where} "
                     f"{after.at - before.at:.0f} s later \u201c{after.text[:80]}\u201d — stock does not grow back"),
            locator=after.locator if key == after.locator else key,
            text=after.text[:240],
            observed=" → ".join(f"{r.count} at +{r.at:.1f} s" for r in reads),
            expected="one stock count that only falls as units are sold",
            observations=[observation(rs[0].load, " → ".join(r.text for r in rs), series.url)
                          for rs in per_load.values()],
            evidence={"counts": [r.count for r in reads], "visits": len(per_load),
                      "contexts": sorted({r.load.context for r in reads})},
            # Crops come from the crawl's desktop screenshot; a phone load's box would not fit it.
            box=box_on_page(artifacts, series.url, after.locator) or next(
                (r.box for r in reads if r.load.profile != "mobile"), None),
        )

    def _flipping(self, series: RepeatedLoads, lex: Lexicons, langs: list[str | None] | None,
                  verified: list[str]) -> Finding | None:
        """A wordy claim ("selling fast") shown to some fresh desktop visitors and not to others.
        Only desktop loads are compared: a phone layout may hide a badge for want of room."""
        loads = [ld for ld in series.loads if ld.error is None and ld.profile == "desktop"]
        if len(loads) < 2:
            return None
        seen = [_wordy_terms(ld, lex, langs) for ld in loads]
        for term in dict.fromkeys(t for s in seen for t in s):
            shown = [term in s for s in seen]
            if all(shown):
                verified.append(f"{series.url}: \u201c{term}\u201d shown to all {len(loads)} new visitors")
            else:
                text = next(s[term] for s in seen if term in s)
                return Finding(
                    url=series.url, key=f"shown to some visitors: {term}",
                    message=f"\u201c{text[:100]}\u201d is shown to {sum(shown)} of {len(loads)} new visitors seconds apart",
                    text=text[:240], observed=", ".join("shown" if s else "absent" for s in shown),
                    expected="a stock claim every visitor sees while it is true",
                    observations=[observation(ld, s.get(term) or "(no such claim)", series.url) for ld, s in zip(loads, seen)],
                    evidence={"term": term, "shown": shown},
                )
        return None

    def _cart(self, artifacts: Artifacts, item: AddedItem, lex: Lexicons, verified: list[str],
              unverified: list[str]) -> Finding | None:
        claimed = item.quantity - 1  # the probe asks for one unit more than the page claims
        page = artifacts.page_for(item.url)
        block = next((b for b in (page.text_blocks if page else [])
                      if stock_count(b.text, lex, langs_of(page)) == claimed), None)
        if item.cart_quantity is None:
            unverified.append(f"{item.url}: asked the cart for {item.quantity}, could not read the quantity it kept")
            return None
        verified.append(f"{item.url}: page claims {claimed} left, cart kept {item.cart_quantity} of {item.quantity}")
        if item.cart_quantity <= claimed:
            return None
        return Finding(
            url=item.url, key="cart accepts more",
            message=(f"The page says only {claimed} left, but the cart accepted {item.cart_quantity} "
                     f"when asked for {item.quantity}"),
            locator=block.locator if block else "", text=(block.text if block else "")[:240],
            observed=f"cart quantity {item.cart_quantity} after adding {item.quantity}",
            expected=f"the cart refuses more than the {claimed} units the page says are left",
            evidence={"claimed_left": claimed, "asked": item.quantity, "cart_quantity": item.cart_quantity,
                      "shop_message": item.message, "accepted": item.accepted},
            box=block.box if block else None,
        )

    def _structured(self, page: PageSnapshot, lex: Lexicons, verified: list[str]) -> Finding | None:
        items = structured.products(page.structured_data)
        if len(items) != 1:
            return None  # a claim cannot be tied to one product's inventory
        levels = {structured.inventory_of(o) for o in structured.offers(items[0])} - {None}
        if len(levels) != 1:
            return None
        level = levels.pop()
        for block in page.text_blocks:
            count = stock_count(block.text, lex, langs_of(page)) if block.region not in SKIP_REGIONS else None
            if count is None:
                continue
            verified.append(f"{page.final_url}: page claims {count} left, structured data says {level}")
            if level > count:
                return Finding(
                    url=page.final_url, key="structured data",
                    message=f"The page says only {count} left; its own product data says {level} in stock",
                    locator=block.locator, text=block.text[:240],
                    observed=f"claim {count}, schema.org inventoryLevel {level}",
                    expected="the claim states the inventory the shop publishes",
                    evidence={"claimed_left": count, "inventory_level": level,
                              "product": structured.name_of(items[0])},
                    box=block.box,
                )
        return None
