"""totals-mismatch: the lines a cart or checkout step shows do not add up to the total it shows."""

from __future__ import annotations

from auditor.artifacts import Artifacts, JourneyStep
from auditor.catalog import name_matches
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import langs_of
from auditor.ledger_math import Sum, add_up, ledger_rows
from auditor.legal import Ref
from auditor.text.lexicon import lexicons


class TotalsMismatch(Check):
    id = "totals-mismatch"
    title = "Cart and checkout totals add up"
    failure_title = "Cart or checkout totals do not add up"
    category = "price-transparency"
    severity = "serious"
    requires = ("journey.steps",)
    references = (
        Ref("UCPD", "art. 6(1)(d)"),
        Ref("CRD", "art. 6(1)(e)"),
        Ref("UK-DMCC", "s. 226", "misleading actions, including as to the price"),
        Ref("IL-CPL", "§ 2(a)", "misleading the consumer, including about the price"),
        Ref("UA-CPL", "art. 19", "unfair commercial practice"),
    )
    description = """
    What it detects: a cart or checkout step whose item rows, delivery, fees, taxes and discounts
    do not add up to the total the same step shows, to the cent (to the minor unit of the
    currency: none for yen, three decimals for dinars). Each step the shopper journey reached is
    re-added; before calling a difference, every honest reading is tried: tax rows that only
    state the VAT already included, "you save" rows that are not deductions, item rows that show
    a unit price beside a quantity, a delivery option chosen by radio button, and summary boxes
    that repeat the items. Only a total that no reading reproduces is reported, with the ledger.
    Why it harms shoppers: the total is what the shopper is asked to pay. A total higher than its
    visible parts charges for something the shopper was never shown; any misstated total is
    false information about the price.
    """
    remedy = ("Compute the displayed total from the same line items, charges and discounts that are "
              "displayed, rounded once to the currency's minor unit, and show every charge as a line.")

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        journey = artifacts.journey
        assert journey is not None
        findings: list[Finding] = []
        judged: list[int] = []
        skipped: dict[int, str] = {}
        for step in journey.steps:
            if step.ledger is None:
                continue
            page = artifacts.pages[step.page] if step.page is not None and step.page < len(artifacts.pages) else None
            items = [ln for ln in step.ledger.lines if ln.kind == "item"]
            ours = [ln for ln in items if any(name_matches(a.name, f"{ln.label} {ln.text}") for a in journey.added)]
            result = add_up(step.ledger, step.shipping_options, lex, langs_of(page),
                            expected_items=len(items) if items and len(ours) == len(items) else None)
            if not result.judged:
                skipped[step.index] = result.why_not
                continue
            judged.append(step.index)
            if not result.adds_up:
                findings.append(self._total_finding(step, result))
            if result.subtotal_ok is False:
                findings.append(self._subtotal_finding(step, result))
        if not judged:
            why = "; ".join(f"step {i}: {w}" for i, w in skipped.items()) or "no step of the journey showed prices"
            return self.not_assessed(f"no cart or checkout step could be added up ({why})", skipped=skipped)
        return self.judged(findings, passed=f"{len(judged)} step(s) add up to the cent", failed=(
            f"{len(findings)} step total(s) do not add up"), steps_judged=judged, skipped=skipped)

    def _total_finding(self, step: JourneyStep, result: Sum) -> Finding:
        ledger = step.ledger
        assert ledger is not None and result.plain is not None
        cur = ledger.currency or ""
        total_line = next((ln for ln in reversed(ledger.lines) if ln.kind == "total"), None)
        return Finding(
            url=step.url,
            message=(f"At the {step.kind} step the lines add up to {result.plain.expected} {cur} but the total "
                     f"shown is {ledger.total} {cur} (difference {result.difference} {cur})").replace("  ", " "),
            locator=total_line.locator if total_line else "",
            text=ledger.total_text or (total_line.text if total_line else ""),
            observed=f"total shown: {ledger.total} {cur}".strip(),
            expected=f"sum of the lines shown: {result.plain.expected} {cur}".strip(),
            key=f"total@{step.kind}",
            evidence={"step": step.index, "step_kind": step.kind, "currency": ledger.currency,
                      "ledger": ledger_rows(ledger),
                      "sum_as_shown": [{"part": n, "amount": str(a)} for n, a in result.plain.parts],
                      "difference": str(result.difference), "readings_tried": len(result.readings)},
        )

    def _subtotal_finding(self, step: JourneyStep, result: Sum) -> Finding:
        ledger = step.ledger
        assert ledger is not None
        cur = ledger.currency or ""
        line = next((ln for ln in ledger.lines if ln.kind == "subtotal"), None)
        return Finding(
            url=step.url,
            message=(f"At the {step.kind} step the item rows add up to {result.subtotal_expected} {cur} but the "
                     f"subtotal shown is {ledger.subtotal} {cur}"),
            locator=line.locator if line else "", text=line.text if line else "",
            observed=f"subtotal shown: {ledger.subtotal} {cur}", expected=f"sum of the item rows: {result.subtotal_expected} {cur}",
            key=f"subtotal@{step.kind}",
            evidence={"step": step.index, "step_kind": step.kind, "currency": ledger.currency, "ledger": ledger_rows(ledger)},
        )
