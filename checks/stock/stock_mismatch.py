"""stock-mismatch: one product shown available by one source and sold out by another."""

from __future__ import annotations

from auditor.artifacts import Artifacts
from auditor.availability import conflicts, product_readings
from auditor.catalog import product_name
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.legal import Ref
from auditor.text.lexicon import lexicons


class StockMismatch(Check):
    id = "stock-mismatch"
    title = "Availability is the same in every place a product is shown"
    failure_title = "A product is shown available in one place and sold out in another"
    category = "stock"
    severity = "moderate"
    requires = ("pages",)
    references = (
        Ref("UCPD", "art. 6(1)(b)", "availability of the product"),
        Ref("UK-DMCC", "s. 226", "misleading actions"),
        Ref("IL-CPL", "§ 2(a)", "misleading the consumer"),
        Ref("UA-CPL", "art. 19", "unfair commercial practice"),
    )
    description = """
    What it detects: a product whose availability differs between the places it is shown: its
    structured data (schema.org availability, which search engines show), its badge on listing
    pages, the text of its own page ("In stock", "Немає в наявності", "אזל מהמלאי", "نفدت
    الكمية") and the state of its add-to-cart button (enabled, disabled, a quantity cap). Each
    source is normalised to in stock, sold out or limited; a source that says both (a variant
    sold out beside "in stock") is not compared, and pre-order is not compared with either.
    Why it harms shoppers: "in stock" in a search result or on a listing brings shoppers to a
    product they cannot buy, and "sold out" on a listing hides one they could; both are false
    information about availability, a main characteristic of the offer.
    """
    remedy = "Feed the stock status of listings, product pages, structured data and the buy button from one source."

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        readings = product_readings(artifacts, lex)
        findings: list[Finding] = []
        compared = 0
        for key, (page, found) in readings.items():
            usable = [r for r in found if r.state in ("in", "limited", "out")]
            if len(usable) < 2:
                continue
            compared += 1
            pairs = conflicts(usable)
            if not pairs:
                continue
            avail = next(r for pair in pairs for r in pair if r.state != "out")
            out = next(r for pair in pairs for r in pair if r.state == "out")
            name = product_name(page)
            findings.append(Finding(
                url=out.url if out.source == "listing badge" else page.final_url,
                message=(f"\u201c{name[:80]}\u201d: {avail.source} says {avail.describe()} "
                         f"(\u201c{avail.text[:60]}\u201d) but {out.source} says sold out (\u201c{out.text[:60]}\u201d)"),
                locator=out.locator or avail.locator, text=out.text,
                observed="; ".join(f"{r.source}: {r.describe()}" for r in found),
                expected="the same availability in every source", key=f"stock:{key}",
                evidence={"product": name, "product_url": page.final_url,
                          "sources": [{"source": r.source, "state": r.describe(), "text": r.text, "url": r.url,
                                       "locator": r.locator} for r in found]},
            ))
        if compared == 0:
            return self.not_assessed("no product had two sources of availability to compare")
        return self.judged(findings, passed=f"{compared} product(s): every source agrees on availability",
                           failed=f"{len(findings)} product(s) with contradicting availability", compared=compared)
