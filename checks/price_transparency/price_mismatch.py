"""price-mismatch: one product priced differently on its tile, its page, its structured data and in the cart."""

from __future__ import annotations

from decimal import Decimal

from auditor.artifacts import Artifacts, PageSnapshot
from auditor.catalog import (
    all_unstruck, cart_line, line_unit_price, pages_by_product, product_name, product_urls, sd_prices,
    shown_prices, tiles, url_key,
)
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.journey_view import purchase_steps
from auditor.legal import Ref
from auditor.text.lexicon import lexicons
from auditor.text.prices import money_equal


def _has(amounts: list[Decimal], amount: Decimal, currency: str | None) -> bool:
    return any(money_equal(a, amount, currency) for a in amounts)


class PriceMismatch(Check):
    id = "price-mismatch"
    title = "Each product has one price across listing, product page, structured data and cart"
    failure_title = "A product is priced differently in different places"
    category = "price-transparency"
    severity = "serious"
    references = (
        Ref("UCPD", "art. 6(1)(d)"),
        Ref("PID", "art. 4(1)", "the selling price must be unambiguous"),
        Ref("UK-DMCC", "s. 226", "misleading actions, including as to the price"),
        Ref("IL-CPL", "§ 2(a)", "misleading the consumer, including about the price"),
        Ref("UA-CPL", "art. 19", "unfair commercial practice"),
    )
    description = """
    What it detects: the same product shown at different prices in the places a shopper (or a
    search engine) reads them: its tile on listing pages, its own product page, its structured
    data (schema.org JSON-LD or microdata, Open Graph price tags) and the cart after adding it.
    Prices are compared as amounts in their currency, whatever the format ("1.299,00 €",
    "₪1,299.90", "١٬٢٩٩٫٠٠ ر.س"), to the currency's minor unit. To stay clear of honest causes,
    a product page counts as agreeing when the other price appears anywhere on it outside other
    products' tiles (variants, bundles), price ranges and "from" prices are not compared, and
    structured data marked as excluding VAT is skipped.
    Why it harms shoppers: the shopper decides on the price on the listing or in a search result
    and pays the one in the cart. A higher price further down the path is a misleading price
    indication, and a search result showing a lower price than the shop charges lures shoppers
    in on a price that does not exist.
    """
    remedy = ("Render every price of a product from one source, including structured data and cached listing "
              "pages, and re-check the cart price against the product price.")

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        products = product_urls(artifacts)
        by_product = pages_by_product(artifacts)
        if not by_product:
            return self.not_assessed("no product page was reached")
        findings: list[Finding] = []
        compared = 0
        page_prices: dict[str, tuple[list[Decimal], list[Decimal], PageSnapshot]] = {}
        for key, pages in by_product.items():
            shown = [p.amount for page in pages for p in shown_prices(page, lex, products) if p.amount is not None]
            anywhere = [a for page in pages for a in all_unstruck(page, products)]
            page = pages[0]
            page_prices[key] = (shown, anywhere, page)
            currency = next((p.currency for pg in pages for p in pg.prices if p.currency), None)
            offers = [sd for sd in {s for pg in pages for s in sd_prices(pg)}
                      if not sd.net and not (sd.currency and currency and sd.currency != currency) and shown]
            if len({sd.amount for sd in offers}) > 1 and any(_has(anywhere, sd.amount, currency) for sd in offers):
                # One offer per variant (Shopify, WooCommerce variations): the page shows the
                # selected variant's price, so one matching offer is agreement, not all of them.
                compared += 1
                continue
            for sd in offers:
                compared += 1
                if not _has(anywhere, sd.amount, currency):
                    findings.append(self._finding(
                        page, "structured data", sd.amount, "product page", shown, currency,
                        f"structured data says {sd.amount} {sd.currency or ''}; the page shows "
                        f"{', '.join(map(str, sorted(set(shown))))}", key=f"sd:{key}"))
        for listing in artifacts.pages:
            for key, tile in tiles(listing, products).items():
                if key not in page_prices:
                    continue
                current = tile.current_prices()
                shown, anywhere, page = page_prices[key]
                if len(current) != 1 or not shown:
                    continue  # a range or "from" price, or nothing to compare
                currency = next((p.currency for p in tile.prices if p.currency), None)
                compared += 1
                if not _has(anywhere, current[0], currency):
                    findings.append(self._finding(
                        page, "listing tile", current[0], "product page", shown, currency,
                        f"the tile on {listing.final_url} says {current[0]}; the product page shows "
                        f"{', '.join(map(str, sorted(set(shown))))}", key=f"tile:{url_key(listing.final_url)}:{key}",
                        tile_url=listing.final_url, tile_locator=tile.root))
        cart_findings, cart_compared = self._cart(artifacts, page_prices)
        findings += cart_findings
        compared += cart_compared
        if compared == 0:
            return self.not_assessed("no product price could be compared with a second source "
                                     "(no structured data, listing tile or cart row for a priced product)")
        return self.judged(findings, passed=f"{compared} price comparison(s) agree", failed=(
            f"{len(findings)} price mismatch(es)"), comparisons=compared)

    def _cart(self, artifacts: Artifacts, page_prices: dict) -> tuple[list[Finding], int]:
        """The cart's price for each product the journey added, against its page."""
        out: list[Finding] = []
        compared = 0
        journey = artifacts.journey
        cart_steps = [s for s in purchase_steps(journey) if s.kind == "cart" and s.ledger is not None] if journey else []
        if journey is None or not cart_steps:
            return out, 0
        step = cart_steps[0]
        assert step.ledger is not None
        for item in journey.added:
            if not item.accepted or item.purpose != "checkout":
                continue
            line = cart_line(item, step.ledger.lines)
            key = url_key(item.url)
            if line is None or key not in page_prices:
                continue
            unit = line_unit_price(line)
            shown, anywhere, page = page_prices[key]
            if unit is None or not shown:
                continue
            if item.currency and step.ledger.currency and item.currency != step.ledger.currency:
                continue
            compared += 1
            if not _has(anywhere, unit, step.ledger.currency):
                out.append(self._finding(
                    page, "cart", unit, "product page", shown, step.ledger.currency,
                    f"the cart charges {unit} each; the product page shows {', '.join(map(str, sorted(set(shown))))}",
                    key=f"cart:{key}", tile_url=step.url, tile_locator=line.locator, step=step.index, text=line.text))
        return out, compared

    def _finding(self, page: PageSnapshot, source: str, amount: Decimal, against: str, shown: list[Decimal],
                 currency: str | None, detail: str, key: str, tile_url: str | None = None,
                 tile_locator: str = "", step: int | None = None, text: str = "") -> Finding:
        name = product_name(page)
        cur = currency or ""
        evidence = {"product": name, "product_url": page.final_url, "currency": currency,
                    "sources": [{"source": against, "url": page.final_url, "prices": sorted({str(a) for a in shown})},
                                {"source": source, "url": tile_url or page.final_url, "price": str(amount),
                                 "locator": tile_locator}]}
        if step is not None:
            evidence["step"] = step
        return Finding(
            url=tile_url or page.final_url,
            message=f"\u201c{name[:80]}\u201d: {detail}".replace("  ", " "),
            locator=tile_locator, text=text or name,
            observed=f"{source}: {amount} {cur}".strip(),
            expected=f"the {against} price: {', '.join(map(str, sorted(set(shown))))} {cur}".strip(),
            key=key, evidence=evidence,
        )
