"""tax-unclear: prices that never say whether taxes are included, or taxes added at checkout."""

from __future__ import annotations

from auditor.artifacts import Artifacts, JourneyStep
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import langs_of
from auditor.disclosures import Statement, tax_statements
from auditor.journey_view import page_of, purchase_steps
from auditor.jurisdiction import rule
from auditor.ledger_math import add_up, ledger_rows, tax_included
from auditor.legal import Ref
from auditor.text.lexicon import Lexicons, lexicons


class TaxUnclear(Check):
    id = "tax-unclear"
    title = "Prices say whether taxes are included, and taxes are not added at checkout"
    failure_title = "Taxes are unclear or added at checkout to prices that looked final"
    category = "price-transparency"
    severity = "serious"
    references = (
        Ref("CRD", "art. 6(1)(e)"),
        Ref("PID", "art. 2(a) and 3(1)", "the selling price is the final price including VAT and all other taxes"),
        Ref("UCPD", "art. 7(4)(c)"),
        Ref("UK-DMCC", "s. 225(4)(b) and s. 230", "total price including taxes"),
        Ref("IL-CPL", "§ 17D", "only the total price may be quoted"),
    )
    description = """
    What it detects: two failures about taxes. First, a shop whose product, cart and checkout
    pages never say whether the displayed prices include VAT or other taxes (no "incl. VAT",
    "inkl. MwSt.", "з ПДВ", "כולל מע\"מ", "شامل الضريبة", nor a statement that no VAT is charged).
    Second, a tax line that the checkout adds on top of prices that looked final: the journey's
    price ledger shows a tax row that the total adds (not a row stating the VAT already
    included), while the product pages and earlier steps did not say that prices exclude tax.
    Under profiles whose law lets taxes be added at checkout (California), the check does not
    apply.
    Why it harms shoppers: in the EU, the UK and Israel the price shown to consumers must be the
    final price including taxes. A price that turns out to exclude VAT at the last step raises
    what the shopper pays by a fifth or more, after the decision to buy was made on the lower
    figure.
    """
    remedy = ("Show consumer prices including VAT and all other taxes, say so beside the price (\u201cincl. VAT\u201d), "
              "and never add a tax line at checkout to prices shown as final.")

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        if "tax" in (rule(ctx.jurisdiction, "charges_added_at_checkout", []) or []):
            note = rule(ctx.jurisdiction, "charges_added_at_checkout_note", "")
            return self.not_assessed(f"the {ctx.jurisdiction} profile lets taxes be added at checkout"
                                     + (f": {note}" if note else ""))
        lex = lexicons()
        products = [p for p in artifacts.pages if p.kind == "product" and p.prices]
        if not products:
            return self.not_assessed("no product page with a price was reached")
        steps = purchase_steps(artifacts.journey) if artifacts.journey else []
        step_pages = [p for s in steps if s.ledger is not None for p in [page_of(artifacts, s)] if p is not None]
        statements = [s for page in products + step_pages for s in tax_statements(page, lex)]
        findings: list[Finding] = []
        added = self._tax_added(artifacts, steps, lex)
        excluded_before = [s for s in statements if s.kind == "tax-excluded"
                           and (added is None or self._before(s, artifacts, steps, added[0]))]
        if added is not None and not excluded_before:
            findings.append(self._added_finding(added, statements))
        if not statements:
            findings.append(Finding(
                url=products[0].final_url,
                message="No product, cart or checkout page says whether the prices include VAT or other taxes",
                observed=f"{len(products)} product page(s) and {len(step_pages)} cart/checkout step(s) read; no tax statement",
                expected="a statement such as \u201cincl. VAT\u201d or \u201cprices include all taxes\u201d with the prices",
                key="no-tax-statement",
                evidence={"pages_read": sorted({p.final_url for p in products + step_pages})[:20]},
            ))
        first = next((s for s in statements if s.kind != "tax-mention"), statements[0] if statements else None)
        passed = (f"\u201c{first.quote}\u201d ({first.url})" if first else "") + (
            "; no tax was added at checkout" if added is None else "; the tax added at checkout was announced")
        return self.judged(findings, passed=passed, failed=f"{len(findings)} tax problem(s)",
                           statements=[{"kind": s.kind, "quote": s.quote, "url": s.url} for s in statements[:5]])

    def _tax_added(self, artifacts: Artifacts, steps: list[JourneyStep], lex: Lexicons):
        """(step, line) where a tax line that the total adds first appears, or None."""
        for step in steps:
            ledger = step.ledger
            if ledger is None or ledger.total is None:
                continue
            langs = langs_of(page_of(artifacts, step))
            taxes = [ln for ln in ledger.lines if ln.kind == "tax" and ln.amount and ln.amount > 0
                     and not tax_included(ln, lex, langs)]
            if not taxes:
                continue
            summed = add_up(ledger, step.shipping_options, lex, langs)
            if summed.matched is not None and any(n.startswith("tax:") for n, _a in summed.matched.parts):
                return step, taxes[0]
        return None

    def _before(self, statement: Statement, artifacts: Artifacts, steps: list[JourneyStep], step: JourneyStep) -> bool:
        later = {page_of(artifacts, s).final_url for s in steps if s.index >= step.index and page_of(artifacts, s)}  # type: ignore[union-attr]
        return statement.url not in later

    def _added_finding(self, added, statements: list[Statement]) -> Finding:
        step, line = added
        ledger = step.ledger
        cur = ledger.currency or ""
        included = [s for s in statements if s.kind == "tax-included"]
        return Finding(
            url=step.url,
            message=(f"A tax line \u201c{line.label[:60]}\u201d of {line.amount} {cur} is added to the total at step "
                     f"{step.index} ({step.kind})"
                     + (f", although the shop said \u201c{included[0].quote[:80]}\u201d" if included else
                        "; no earlier page said that prices exclude tax")).replace("  ", " "),
            locator=line.locator, text=line.text or line.label,
            observed=f"{line.amount} {cur} tax added at the {step.kind} step".replace("  ", " "),
            expected="prices shown including taxes (or clearly marked as excluding them before checkout)",
            key="tax-added",
            evidence={"step": step.index, "step_kind": step.kind, "currency": ledger.currency,
                      "ledger": ledger_rows(ledger), "statements": [s.quote for s in statements[:5]]},
        )
