"""order-button-label: the final order button says that ordering means paying."""

from __future__ import annotations

from auditor.artifacts import Artifacts, Button, JourneyStep
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import LAST_STEPS
from auditor.jurisdiction import rule
from auditor.legal import Ref
from auditor.text.lexicon import lexicons
from auditor.text.normalize import squash


def final_button(artifacts: Artifacts) -> tuple[Button | None, str, JourneyStep | None]:
    """The button the journey stopped before (never pressed), else the last checkout step's
    primary button; with the URL it stood on."""
    journey = artifacts.journey
    if journey is None:
        return None, "", None
    last = next((s for s in reversed(journey.steps) if s.kind.startswith("checkout")), None)
    if journey.stop and journey.stop.button and journey.stop.button.text.strip():
        return journey.stop.button, journey.stop.url, last
    # The last step's own button stands in only at the payment or review step: on a step the
    # journey got stuck on, its "Continue" is not the order button.
    if last and last.primary_button and last.kind in LAST_STEPS:
        found = next((b for b in last.buttons if squash(b.text) == squash(last.primary_button)), None)
        return found or Button(text=last.primary_button), last.url, last
    return None, "", last


class OrderButtonLabel(Check):
    id = "order-button-label"
    title = "The order button says that ordering means paying"
    failure_title = "The order button does not say that ordering means paying"
    category = "policies"
    severity = "serious"
    references = (
        Ref("CRD", "art. 8(2)", "second subparagraph"),
        Ref("CJEU-FUHRMANN2", "judgment of 7 April 2022, operative part"),
    )
    description = """
    What it detects: the button that places the order (read at the last checkout step, where
    the audit stops without pressing it) is labelled with words that do not say that ordering
    means paying, such as "Place order", "Continue", "Submit" or "Complete booking", instead of
    "Order with obligation to pay", "Buy now", "Pay now" or an equally unambiguous phrase in the
    shop's language ("Zahlungspflichtig bestellen", "Оплатити", "לתשלום").
    Why it harms shoppers: in the EU and the UK the button must be labelled only with words
    indicating that placing the order entails an obligation to pay (CRD art. 8(2); Consumer
    Contracts Regulations 2013 reg. 14), judged on the button's words alone (CJEU C-249/21
    Fuhrmann-2); otherwise the consumer is not bound by the order. Where a jurisdiction has no
    such rule the check is not assessed and says why.
    """
    remedy = "Label the final button \u201cBuy now\u201d, \u201cPay now\u201d or \u201cOrder with obligation to pay\u201d (in the shop's language)."

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        if not rule(ctx.jurisdiction, "order_button_must_mention_payment", True):
            note = rule(ctx.jurisdiction, "order_button_note", "")
            return self.not_assessed(f"not required under the {ctx.jurisdiction} profile: "
                                     + (note or "no rule on the order button's wording"))
        if artifacts.journey is None:
            return self.not_assessed("the shopper journey did not run, so the final order button was not seen")
        button, url, step = final_button(artifacts)
        if button is None:
            reached = artifacts.journey.reached
            return self.not_assessed(f"the journey did not reach the final order button (furthest step: {reached})")
        text = squash(button.text)
        hits = lexicons().find("action.pay_now_wording", text)
        details = {"button": text, "url": url, "step": step.kind if step else None}
        if hits:
            return self.judged([], passed=f"\u201c{text}\u201d states the obligation to pay", **details,
                               matched=hits[0].term, language=hits[0].lang)
        return self.judged([Finding(
            url=url, locator=button.locator, text=text, box=button.box, key="final-button",
            message=f"The final order button says \u201c{text}\u201d, which does not say that ordering means paying",
            observed=f"button labelled \u201c{text}\u201d (read, not pressed)",
            expected="\u201cOrder with obligation to pay\u201d, \u201cBuy now\u201d, \u201cPay now\u201d or equally unambiguous wording",
            evidence={"stop_reason": artifacts.journey.stop.reason if artifacts.journey.stop else None},
        )], passed="", **details)
