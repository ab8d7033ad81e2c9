"""personalized-pricing: the same product priced differently for a phone or a returning visitor, undisclosed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from auditor import structured
from auditor.artifacts import Artifacts, Load, RepeatedLoads
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import box_on_page, langs_of, observation
from auditor.legal import Ref
from auditor.text.lexicon import Lexicons, lexicons
from auditor.text.prices import money_equal

PRICE_REGIONS = ("main", "aside", "dialog")


@dataclass
class Seen:
    key: str  # the product, or the displayed price's element and its words
    label: str
    amount: Decimal
    currency: str | None
    text: str
    locator: str
    y: float


def _words(context: str) -> str:
    """A price's surroundings without numbers or symbols: the same element showing another
    amount keeps its key; a listing whose cards were reordered does not."""
    return re.sub(r"[\W\d_]+", " ", context).strip()[:80]


def prices_seen(load: Load) -> dict[str, Seen]:
    out: dict[str, Seen] = {}
    for item in structured.products(load.structured_data):
        name = structured.name_of(item) or str(item.get("sku") or "")
        for offer in structured.offers(item):
            amount = structured.price_of(offer)
            if amount is not None:
                key = f"data: {item.get('sku') or name}"
                cur = structured.currency_of(offer)
                out.setdefault(key, Seen(key, name or "product data", amount, cur,
                                         f"{amount} {cur or ''}".strip(), "schema.org offer", -1))
                break
    for m in load.prices:
        # A struck "was" price is the old price for everyone, not this visitor's price.
        if m.amount is None or m.struck or m.region not in PRICE_REGIONS:
            continue
        key = f"shown: {m.locator} | {_words(m.context)}"
        out.setdefault(key, Seen(key, m.context[:80] or m.text, m.amount, m.currency, m.text, m.locator,
                                 m.box.y if m.box else 0))
    return out


def _by_profile(loads: list[Load], per_load: dict[int, Seen | None]) -> str:
    """ "new desktop visitors (2): 1 290 ₽; mobile: 1 419 ₽; returning: 1 290 ₽" """
    names = {"desktop": "new desktop visitors", "mobile": "new mobile visitor", "returning": "returning visitor"}
    groups: dict[tuple[str, str], int] = {}
    for ld in loads:
        seen = per_load[ld.index]
        if seen is not None:
            key = (names.get(ld.profile, ld.profile), seen.text)
            groups[key] = groups.get(key, 0) + 1
    return "; ".join(f"{who}{f' ({n})' if n > 1 else ''}: {text}" for (who, text), n in groups.items())


class PersonalizedPricing(Check):
    id = "personalized-pricing"
    title = "Every visitor is offered the same price, or personalisation is disclosed"
    failure_title = "Prices differ by device or visit history without disclosure"
    category = "choice-architecture"
    severity = "serious"
    references = (Ref("CRD", "art. 6(1)(ea)"),)
    description = """
    What it detects: the same product page shown with a different price to a phone than to a
    desktop computer, or to a returning visitor (carrying the cookies and storage of an earlier
    visit) than on that earlier visit, with no statement that the price is personalised. Each
    page is loaded by at least two new desktop visitors, a mobile visitor and a returning
    visitor; prices are read from the product data and from the displayed prices (struck "was"
    prices are ignored) and compared at the currency's minor unit. Prices that already differ
    between identical new desktop visitors are treated as an A/B test or rotation, not as
    personalisation, and a change of currency is not compared.
    Why it harms shoppers: a shopper cannot know that others pay less for the same product, nor
    look for a better offer. Since 2022 a trader must inform the consumer, before the contract,
    that the price was personalised on the basis of automated decision-making (CRD art.
    6(1)(ea)).
    """
    remedy = ("Charge every visitor the same price for the same product, or state clearly next to the price that "
              "it was personalised on the basis of automated decision-making.")
    requires = ("repeated",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        findings: list[Finding] = []
        compared: list[str] = []
        notes: list[str] = []
        for series in artifacts.repeated:
            loads = [ld for ld in series.loads if ld.error is None]
            desktop = [ld for ld in loads if ld.profile == "desktop"]
            others = [ld for ld in loads if ld.profile != "desktop"]
            if len(desktop) < 2 or not others:
                notes.append(f"{series.url}: needs two new desktop visitors and a mobile or returning one")
                continue
            seen = {ld.index: prices_seen(ld) for ld in loads}
            if not any(seen.values()):
                continue
            compared.append(f"{series.url} ({', '.join(sorted({ld.profile for ld in loads}))})")
            finding = self._judge(series, artifacts, loads, desktop, others, seen, lex, notes)
            if finding:
                findings.append(finding)
        if not compared:
            return self.not_assessed("no page with prices was loaded by new desktop visitors and by a mobile or "
                                     "returning visitor", notes=notes)
        return self.judged(findings, passed=f"{len(compared)} page(s) showed every profile the same prices",
                           failed=f"{len(findings)} page(s) price the same product differently by visitor",
                           compared=compared, notes=notes)

    def _judge(self, series: RepeatedLoads, artifacts: Artifacts, loads: list[Load], desktop: list[Load],
               others: list[Load], seen: dict[int, dict[str, Seen]], lex: Lexicons, notes: list[str]) -> Finding | None:
        diffs: list[tuple[Seen, Load, Seen]] = []
        for key in dict.fromkeys(k for ld in loads for k in seen[ld.index]):
            base_seen = [seen[ld.index][key] for ld in desktop if key in seen[ld.index]]
            if len(base_seen) < 2:
                continue
            base = base_seen[0]
            if not all(money_equal(s.amount, base.amount, base.currency) for s in base_seen):
                notes.append(f"{series.url}: {base.label[:40]} varies between identical new visitors (A/B test?)")
                continue
            for ld in others:
                mine = seen[ld.index].get(key)
                # The returning visitor carries the first visit's cookies: compare with that visit.
                ref = seen[loads[0].index].get(key, base) if ld.profile == "returning" else base
                if mine is None:
                    continue
                if mine.currency and ref.currency and mine.currency != ref.currency:
                    notes.append(f"{series.url}: {ld.profile} visitor shown another currency; not compared")
                    continue
                if not money_equal(mine.amount, ref.amount, ref.currency):
                    diffs.append((ref, ld, mine))
        if not diffs:
            return None
        page = artifacts.page_for(series.url)
        texts = [b.text for ld in loads for b in ld.text_blocks] + [b.text for b in (page.text_blocks if page else [])]
        if any(lex.has("personalized_price_disclosure", t, langs_of(page)) for t in texts):
            notes.append(f"{series.url}: prices differ by visitor and the page discloses personalised pricing")
            return None
        diffs.sort(key=lambda d: (d[0].key.startswith("data:"), d[0].y))  # what the shopper sees first
        ref, _ld, _mine = diffs[0]
        per_load = {ld.index: seen[ld.index].get(ref.key) for ld in loads}
        return Finding(
            url=series.url, key="price differs by visitor",
            message="Same product, different price by visitor: " + _by_profile(loads, per_load),
            locator=ref.locator, text=ref.label[:240],
            observed="; ".join(f"{ld.profile}: {mine.text} (others saw {r.text})" for r, ld, mine in diffs[:6]),
            expected="one price for every visitor, or a disclosure that the price is personalised",
            observations=[observation(ld, per_load[ld.index].text if per_load[ld.index] else "(price not shown)",
                                      series.url) for ld in loads],
            evidence={"differences": [{"price": r.label[:80], "profile": ld.profile, "load": ld.index + 1,
                                       "seen": str(mine.amount), "others": str(r.amount),
                                       "currency": r.currency} for r, ld, mine in diffs[:10]],
                      "desktop_visitors_agreeing": len(desktop)},
            box=box_on_page(artifacts, series.url, ref.locator),
        )
