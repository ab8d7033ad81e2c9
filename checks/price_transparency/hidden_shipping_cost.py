"""hidden-shipping-cost: the delivery charge is first revealed inside the checkout."""

from __future__ import annotations

from decimal import Decimal

from auditor.artifacts import Artifacts, JourneyStep, PageSnapshot
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import walked_to_the_end
from auditor.disclosures import linked_pages, shipping_statements
from auditor.journey_view import bought, page_of, product_pages, purchase_steps
from auditor.jurisdiction import rule
from auditor.legal import Ref
from auditor.ledger_math import informational
from auditor.text.lexicon import Lexicons, lexicons


def first_shipping_amount(steps: list[JourneyStep], lex: Lexicons) -> tuple[JourneyStep, Decimal, str, str] | None:
    """(step, amount, label, locator) where a positive delivery charge first shows, as a ledger
    row or as the price of a delivery option. A row stating a rule ("free over £75") is not a
    charge."""
    for step in steps:
        if step.ledger is not None:
            for line in step.ledger.lines:
                if line.kind == "shipping" and line.amount is not None and line.amount > 0 \
                        and not informational(line, lex, None):
                    return step, line.amount, line.text or line.label, line.locator
        for option in step.shipping_options:
            if option.amount is not None and option.amount > 0:
                return step, option.amount, option.label, option.locator
    return None


class HiddenShippingCost(Check):
    id = "hidden-shipping-cost"
    title = "Delivery costs are stated before the checkout"
    failure_title = "Delivery costs are first revealed inside the checkout"
    category = "price-transparency"
    severity = "serious"
    requires = ("journey.steps",)
    references = (
        Ref("CRD", "art. 6(1)(e)"),
        Ref("UCPD", "art. 7(4)(c)"),
        Ref("UK-DMCC", "s. 225(4)(b) and s. 230", "delivery charges in an invitation to purchase"),
        Ref("UK-CCR", "reg. 13 and Sch. 2", "delivery charges before the contract"),
        Ref("IL-CPL", "§ 14C(a)", "disclosure before a distance transaction"),
        Ref("UA-CPL", "art. 15", "information about the price and delivery"),
    )
    description = """
    What it detects: a delivery charge that first appears as an amount inside the checkout (after
    the shopper has started to give their details), when neither the product pages, nor the cart,
    nor a page linked from them (a delivery page) said what delivery costs or how it is
    calculated. The shopper journey notes the first step where a delivery charge shows, as a line
    of the price ledger or as the price of a delivery option; the product and cart pages and the
    pages one click away are then searched, in every language of the lexicons, for a delivery
    cost, a rate table or a rule ("free over 1 500 ₴", "zzgl. Versandkosten", "from £3.95",
    "calculated at checkout"). A bare "free delivery" does not announce a charge.
    Why it harms shoppers: delivery can double the price of a small order. Shoppers compare shops
    on the price they see; learning the delivery charge only in the checkout makes comparison
    impossible and pushes them to finish a purchase they have invested time in.
    """
    remedy = ("State delivery costs, or the rule that sets them, on product and cart pages or on a delivery "
              "page linked from them.")

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        journey = artifacts.journey
        assert journey is not None
        if "shipping" in (rule(ctx.jurisdiction, "charges_added_at_checkout", []) or []):
            note = rule(ctx.jurisdiction, "charges_added_at_checkout_note", "")
            return self.not_assessed(f"the {ctx.jurisdiction} profile lets delivery charges be added at checkout"
                                     + (f": {note}" if note else ""))
        steps = purchase_steps(journey)
        items = bought(journey)
        if not items:
            return self.not_assessed("the journey put no product in the cart")
        lex = lexicons()
        first = first_shipping_amount(steps, lex)
        reached = [s for s in steps if s.kind.startswith("checkout")]
        if first is None:
            if not reached:
                return self.not_assessed("the checkout was not reached and the cart showed no delivery charge")
            if not walked_to_the_end(journey):
                return self.not_assessed(f"no delivery charge up to the {reached[-1].kind} step, where the journey "
                                         "stopped before the last step; a charge could still appear later")
            return self.judged([], passed=f"no delivery charge appeared up to the {reached[-1].kind} step")
        step, amount, label, locator = first
        currency = step.ledger.currency if step.ledger else None
        if not step.kind.startswith("checkout"):
            return self.judged([], passed=f"the delivery charge ({amount}) is shown in the {step.kind}, before the checkout")
        searched: list[PageSnapshot] = product_pages(artifacts, items)
        searched += [p for s in steps if s.kind == "cart" for p in [page_of(artifacts, s)] if p is not None]
        linked = [q for p in searched for q in linked_pages(artifacts, p)]
        for i, page in enumerate(searched + linked):
            found = shipping_statements(page, lex)
            if found:
                where = f"the {page.kind} page" if i < len(searched) else "a page linked from the product or cart page"
                return self.judged([], passed=f"delivery costs were stated on {where} ({page.final_url}): "
                                   f"\u201c{found[0].quote}\u201d", statement=found[0].quote, statement_url=found[0].url)
        finding = Finding(
            url=step.url,
            message=(f"A delivery charge of {amount} {currency or ''} first appears at step {step.index} ({step.kind}); "
                     "no product page, cart or page linked from them said what delivery costs").replace("  ", " "),
            locator=locator, text=label,
            observed=f"{amount} {currency or ''} for delivery, first shown inside the checkout".replace("  ", " "),
            expected="delivery costs or the rule that sets them stated on product or cart pages, or one click away",
            key="first-shipping-charge",
            evidence={"step": step.index, "step_kind": step.kind, "amount": str(amount), "currency": currency,
                      "pages_searched": sorted({p.final_url for p in searched + linked})},
        )
        return self.judged([finding], passed="", failed="delivery costs first revealed inside the checkout")
