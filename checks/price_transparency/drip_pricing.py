"""drip-pricing: mandatory charges that first appear on the way to payment, not with the price."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from auditor.artifacts import Artifacts, JourneyStep, LedgerLine, PageSnapshot
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import langs_of, walked_to_the_end
from auditor.disclosures import Statement, fee_statements, linked_pages, shipping_statements, tax_statements
from auditor.journey_view import bought, final_step, first_price, line_key, page_of, product_pages, purchase_steps
from auditor.jurisdiction import rule
from auditor.ledger_math import Reading, add_up, informational, ledger_rows, quantize, tax_included
from auditor.legal import Ref
from auditor.text.lexicon import Lexicons, lexicons
from auditor.text.prices import money_equal

MANDATORY = ("shipping", "fee", "tax", "other")


@dataclass
class Charge:
    kind: str
    label: str
    amount: Decimal
    line: LedgerLine | None
    first: JourneyStep
    disclosed: Statement | None = None
    drip: bool = False
    why: str = ""


class DripPricing(Check):
    id = "drip-pricing"
    title = "The first price shown includes every mandatory charge, or announces it"
    failure_title = "Mandatory charges are added on the way to payment"
    category = "price-transparency"
    severity = "critical"
    requires = ("journey.steps",)
    references = (
        Ref("CRD", "art. 6(1)(e) and 6(6)"),
        Ref("UCPD", "art. 7(4)(c)"),
        Ref("UK-DMCC", "s. 225(4)(b) and s. 230", "material information in an invitation to purchase"),
        Ref("CA-CIV", "§ 1770(a)(29)(A)", "mandatory fees in the advertised price"),
        Ref("IL-CPL", "§ 17D", "only the total price may be quoted"),
        Ref("IN-DP", "Annexure 1, item 8", "drip pricing"),
    )
    description = """
    What it detects: the total at the last step before payment is higher than the price the
    shopper first saw for the same products (on their product pages) because of mandatory
    charges — delivery, service, handling, "small order" or payment fees, taxes — that were not
    announced with that first price. The shopper journey records the price ledger at every step
    (cart, each checkout step); every increase is attributed to a line and to the step where it
    first appeared. A charge announced earlier is not drip: a delivery table or rule on the
    product page, the cart or a delivery page linked from them, a fee named with its amount beside
    the price, "prices exclude VAT". Optional extras the shopper can untick are shown in the
    ledger but judged by preselected-extras. Under profiles whose law lets taxes or delivery be
    added at checkout (California) those lines are not counted.
    Why it harms shoppers: a low headline price anchors the decision; charges revealed one step
    at a time, after time and effort are invested, make shoppers pay more than they meant to and
    defeat price comparison. The trader must state the total price including taxes and every
    additional charge, or the fact that they are payable, before the shopper commits.
    """
    remedy = ("Include every unavoidable fee in the displayed price, and state delivery charges (or how they "
              "are calculated) and taxes beside the price on product and cart pages.")

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        journey = artifacts.journey
        assert journey is not None
        steps = purchase_steps(journey)
        first = first_price(journey)
        if first is None:
            return self.not_assessed("the journey put no product in the cart with a known price and currency")
        first_total, currency = first
        final = final_step(steps)
        if final is None or final.ledger is None or final.ledger.total is None:
            return self.not_assessed("no cart or checkout step showed a total")
        if currency and final.ledger.currency and currency != final.ledger.currency:
            return self.not_assessed(f"the product pages priced in {currency} but the cart in {final.ledger.currency}")
        exempt = set(rule(ctx.jurisdiction, "charges_added_at_checkout", []) or [])
        charges, matched = self._charges(artifacts, steps, final, lex)
        for charge in charges:
            self._judge(charge, artifacts, steps, lex, exempt, ctx.jurisdiction)
        ledger_trail = [{"step": s.index, "kind": s.kind, "url": s.url, "total": str(s.ledger.total),
                         "currency": s.ledger.currency, "lines": ledger_rows(s.ledger)}
                        for s in steps if s.ledger is not None and s.ledger.total is not None]
        attribution = [{"kind": c.kind, "label": c.label, "amount": str(c.amount), "first_step": c.first.index,
                        "first_step_kind": c.first.kind, "disclosed": c.disclosed.quote if c.disclosed else None,
                        "disclosed_on": c.disclosed.url if c.disclosed else None, "counted_as_drip": c.drip,
                        "why": c.why} for c in charges]
        final_total = final.ledger.total
        increase = quantize(final_total - first_total, currency)
        items_now = sum((ln.amount for ln in final.ledger.lines if ln.kind == "item" and ln.amount is not None), Decimal(0))
        if items_now and not money_equal(items_now, first_total, currency):
            attribution.insert(0, {"kind": "items", "label": "the products themselves", "amount": str(quantize(items_now - first_total, currency)),
                                   "first_step": None, "first_step_kind": None, "disclosed": None, "disclosed_on": None,
                                   "counted_as_drip": False, "why": "item prices differ from the product pages: judged by price-mismatch "
                                   "(or sneak-into-basket for items the shopper did not add)"})
        details = {"first_price": str(first_total), "currency": currency, "final_total": str(final_total),
                   "final_step": final.index, "increase": str(increase), "attribution": attribution,
                   "ledger_by_step": ledger_trail}
        findings = [self._finding(c, first_total, final, currency, ledger_trail, attribution) for c in charges if c.drip]
        if not findings and matched is None and increase > 0:
            return self.not_assessed(
                f"the total rose by {increase} {currency or ''} but the last step's lines do not add up, so the "
                "increase cannot be attributed (see totals-mismatch)", **details)
        if not findings and not final.kind.startswith("checkout"):
            return self.not_assessed("the checkout was not reached; the cart showed no unannounced charge, but "
                                     "later steps could not be seen", **details)
        if not findings and not walked_to_the_end(artifacts.journey):
            stop = artifacts.journey.stop.reason if artifacts.journey and artifacts.journey.stop else "no reason recorded"
            return self.not_assessed(f"the journey stopped at the {final.kind} step ({stop}); no unannounced charge "
                                     "up to there, but the last step before payment was not seen", **details)
        passed = (f"first price {first_total} {currency or ''}, total before payment {final_total}: every increase "
                  "was announced before it appeared" if increase > 0 else
                  f"the total before payment ({final_total}) does not exceed the first price ({first_total})")
        return self.judged(findings, passed=passed, failed=f"{len(findings)} charge(s) added without being announced "
                           "with the first price", **details)

    def _charges(self, artifacts: Artifacts, steps: list[JourneyStep], final: JourneyStep,
                 lex: Lexicons) -> tuple[list[Charge], Reading | None]:
        """Every line of the final step that raises the total, with the step where it first showed."""
        ledger = final.ledger
        assert ledger is not None
        langs = langs_of(page_of(artifacts, final))
        summed = add_up(ledger, final.shipping_options, lex, langs)
        # Rows the total may or may not include (tax, unnamed, rule-like rows) count only when a
        # reading that reproduces the total adds them: a guess is not evidence of a charge.
        names = {n for n, _a in summed.matched.parts} if summed.matched else set()
        out: list[Charge] = []
        for line in ledger.lines:
            if line.amount is None or line.amount <= 0 or line.kind not in ("shipping", "fee", "tax", "other", "addon"):
                continue
            if line.kind == "tax" and (tax_included(line, lex, langs) or f"tax: {line.label[:60]}" not in names):
                continue
            if (line.kind == "other" or informational(line, lex, langs)) and f"other: {line.label[:60]}" not in names:
                continue  # a rule stated in the ledger ("free over £75"), or an unnamed row the total does not add
            out.append(Charge(line.kind, line.label, line.amount, line, self._first_seen(steps, line, final)))
        option = next(((n, a) for n, a in summed.matched.parts if n.startswith("delivery option")), None) if summed.matched else None
        if summed.matched is None and not any(c.kind == "shipping" for c in out):
            # The total does not add up, but a priced delivery option is chosen and the total
            # exceeds the goods by at least its price: the option is charged whatever else is.
            base = ledger.subtotal if ledger.subtotal is not None else sum(
                (ln.amount for ln in ledger.lines if ln.kind == "item" and ln.amount is not None), Decimal(0))
            base += sum((ln.amount for ln in ledger.lines if ln.kind == "discount" and ln.amount and ln.amount < 0), Decimal(0))
            chosen = next((o for o in final.shipping_options if o.selected and o.amount), None)
            if chosen is not None and ledger.total is not None and ledger.total - base >= chosen.amount:
                option = (f"delivery option \u201c{chosen.label[:60]}\u201d", chosen.amount)
        if option is not None:
            first = next((s for s in steps if any(o.selected and o.amount for o in s.shipping_options)), final)
            label = option[0].removeprefix("delivery option").strip(" \u201c\u201d")
            out.append(Charge("shipping", label, option[1], None, first))
        return out, summed.matched

    def _first_seen(self, steps: list[JourneyStep], line: LedgerLine, final: JourneyStep) -> JourneyStep:
        key = line_key(line.kind, line.label)
        for step in steps:
            if step.ledger is None:
                continue
            for other in step.ledger.lines:
                if other.kind == line.kind and (line_key(other.kind, other.label) == key or other.amount == line.amount):
                    return step
        return final

    def _judge(self, charge: Charge, artifacts: Artifacts, steps: list[JourneyStep], lex: Lexicons,
               exempt: set[str], jurisdiction: str) -> None:
        if charge.kind == "addon":
            charge.why = "optional extra: judged by preselected-extras and sneak-into-basket"
            return
        earlier = [p for s in steps if s.index < charge.first.index and s.kind != "product"
                   for p in [page_of(artifacts, s)] if p is not None]
        sources: list[PageSnapshot] = product_pages(artifacts, bought(artifacts.journey)) + earlier  # type: ignore[arg-type]
        currency = charge.first.ledger.currency if charge.first.ledger else None
        if charge.kind == "shipping":
            for page in sources + [q for p in sources for q in linked_pages(artifacts, p)]:
                found = shipping_statements(page, lex)
                if found:
                    charge.disclosed = found[0]
                    break
        elif charge.kind == "tax":
            for page in sources:
                found = [s for s in tax_statements(page, lex) if s.kind == "tax-excluded"]
                if found:
                    charge.disclosed = found[0]
                    break
        else:
            for page in sources:
                found = fee_statements(page, lex, charge.amount, charge.label, currency)
                if found:
                    charge.disclosed = found[0]
                    break
        if charge.disclosed is not None:
            charge.why = "announced before it appeared"
        elif charge.kind in exempt:
            charge.why = f"the {jurisdiction} profile lets {charge.kind} be added at checkout"
        else:
            charge.drip = True
            charge.why = "not announced on the product page or any earlier step"

    def _finding(self, charge: Charge, first_total: Decimal, final: JourneyStep, currency: str | None,
                 trail: list[dict], attribution: list[dict]) -> Finding:
        cur = currency or ""
        what = {"shipping": "Delivery charge", "fee": "Fee", "tax": "Tax", "other": "Charge"}[charge.kind]
        return Finding(
            url=charge.first.url,
            message=(f"{what} \u201c{charge.label[:80]}\u201d of {charge.amount} {cur} first appears at step "
                     f"{charge.first.index} ({charge.first.kind}); it was not announced with the first price "
                     f"({first_total} {cur})").replace("  ", " "),
            locator=charge.line.locator if charge.line else "",
            text=charge.line.text if charge.line else charge.label,
            observed=f"{charge.amount} {cur} added at the {charge.first.kind} step".strip(),
            expected="included in the first price, or announced beside it (amount or how it is calculated)",
            key=line_key(charge.kind, charge.label),
            evidence={"step": charge.first.index, "first_price": str(first_total), "final_total": str(final.ledger.total)
                      if final.ledger else None, "final_step": final.index, "currency": currency,
                      "charge": {"kind": charge.kind, "label": charge.label, "amount": str(charge.amount)},
                      "attribution": attribution, "ledger_by_step": trail},
        )
