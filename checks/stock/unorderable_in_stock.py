"""unorderable-in-stock: a product shown in stock that cannot be added to the cart or checked out."""

from __future__ import annotations

from auditor.artifacts import AddedItem, Artifacts
from auditor.availability import SHOWN_AVAILABLE, Reading, product_readings
from auditor.catalog import url_key
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import langs_of
from auditor.journey_view import page_of, purchase_steps
from auditor.legal import Ref
from auditor.text.lexicon import Lexicons, lexicons



NO_BUTTON = "no add-to-cart control"


def _refused(text: str | None, lex: Lexicons, langs: list[str | None] | None) -> bool:
    return bool(text) and (lex.has("stock.cart_refused", text or "", langs) or lex.has("stock.out", text or "", langs))


class UnorderableInStock(Check):
    id = "unorderable-in-stock"
    title = "Products shown in stock can be added to the cart and checked out"
    failure_title = "Products shown in stock cannot be ordered"
    category = "stock"
    severity = "serious"
    requires = ("journey",)
    references = (
        Ref("UCPD", "art. 6(1)(b)", "availability of the product"),
        Ref("UCPD", "Annex I no. 5", "bait advertising"),
        Ref("UK-DMCC", "s. 226", "misleading actions"),
        Ref("IL-CPL", "§ 2(a)", "misleading the consumer"),
    )
    description = """
    What it detects: a product its page, structured data or listing show as in stock (and no
    source as sold out) that the shopper journey could not buy: the shop refused to add it
    ("not enough stock", "currently unavailable"), the add-to-cart button was disabled, the
    product was missing from the cart after the shop's button was pressed, or the checkout
    stopped with a stock message. A failure of the journey itself (no button found, a page
    that did not load) is not counted.
    Why it harms shoppers: a product advertised as available that cannot be bought is bait: it
    draws shoppers in and leaves them to settle for something else, and it is false information
    about availability.
    """
    remedy = ("Show a product as in stock only when it can be bought; keep the cart's stock rules and the "
              "product page's availability in step.")

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        journey = artifacts.journey
        assert journey is not None
        items = [a for a in journey.added if a.purpose == "checkout"]
        if not items:
            return self.not_assessed("the journey tried to buy no product")
        readings = product_readings(artifacts, lex)
        findings: list[Finding] = []
        judged = 0
        for item in items:
            _page, found = readings.get(url_key(item.url), (None, []))
            shown = [r for r in found if r.state in SHOWN_AVAILABLE]
            if not shown or any(r.state == "out" for r in found):
                continue
            judged += 1
            why = self._why_not(item, found, lex, artifacts)
            if why:
                findings.append(self._finding(item, shown, why))
        steps = purchase_steps(journey)
        for step in steps:
            if not step.kind.startswith("checkout"):
                continue
            langs = langs_of(page_of(artifacts, step))
            stock_msgs = [m for m in step.messages if _refused(m, lex, langs)]
            if stock_msgs and judged:
                findings.append(Finding(
                    url=step.url, message=f"The checkout answered \u201c{stock_msgs[0][:160]}\u201d for products shown in stock",
                    text=stock_msgs[0], observed=stock_msgs[0], expected="the checkout accepts products shown in stock",
                    key=f"checkout:{step.kind}", evidence={"step": step.index, "messages": step.messages}))
        if judged == 0:
            return self.not_assessed("no product the journey tried to buy was shown in stock by any source")
        return self.judged(findings, passed=f"{judged} product(s) shown in stock were added to the cart",
                           failed=f"{len(findings)} product(s) shown in stock could not be ordered")

    def _why_not(self, item: AddedItem, found: list[Reading], lex: Lexicons, artifacts: Artifacts) -> str | None:
        if item.accepted:
            return None
        langs = None
        if _refused(item.message, lex, langs):
            return f"adding it, the shop answered \u201c{(item.message or '')[:160]}\u201d"
        if item.message and (NO_BUTTON in item.message or lex.has("form_required", item.message, langs)):
            # The journey found no button it could press, or the shop asked for a field it left
            # empty ("This is a required field", "choose a size"): that is about how the journey
            # filled the form, not evidence about the shop's stock (a disabled button beside
            # "in stock" is a contradiction stock-mismatch reports).
            return None
        carts = [s for s in (artifacts.journey.steps if artifacts.journey else []) if s.kind == "cart"]
        if carts:
            return "the shop's add-to-cart button was pressed but the product was not in the cart"
        return None

    def _finding(self, item: AddedItem, shown: list[Reading], why: str) -> Finding:
        return Finding(
            url=item.url,
            message=f"\u201c{item.name[:80]}\u201d is shown in stock ({shown[0].source}: \u201c{shown[0].text[:60]}\u201d) but {why}",
            locator=shown[0].locator, text=item.message or shown[0].text,
            observed=why, expected="a product shown in stock can be added to the cart and checked out",
            key=f"item:{url_key(item.url)}",
            evidence={"product": item.name, "shown_as": [{"source": r.source, "state": r.describe(), "text": r.text}
                                                           for r in shown],
                      "added_quantity": item.quantity, "accepted": item.accepted, "shop_message": item.message},
        )
