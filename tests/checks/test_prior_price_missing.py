"""prior-price-missing: reductions with and without the 30-day prior price, under the EU rule only."""

import pytest

from auditor.artifacts import Link
from checks.price_transparency.prior_price_missing import PriorPriceMissing
from tests.builders import BASE, judge
from tests.price_builders import block, product, shop, tile_listing


@pytest.mark.parametrize("price,struck,lang,currency", [
    ("59,95 €", "79,95 €", "de", "EUR"),
    ("£149.00", "£199.00", "en", "GBP"),
    ("٨٩٫٠٠ ر.س", "١١٩٫٠٠ ر.س", "ar", "SAR"),
])
def test_struck_price_without_prior_price_fails(price, struck, lang, currency):
    page = product("/p/x", "Product", price, lang, currency, struck=struck)
    result = judge(PriorPriceMissing, shop([page]))
    assert result.verdict == "fail"
    assert result.findings[0].evidence["reductions"][0]["how"] == "strike-through"


@pytest.mark.parametrize("price,struck,statement,lang,currency", [
    ("59,95 €", "79,95 €", "Niedrigster Preis der letzten 30 Tage: 64,95 €", "de", "EUR"),
    ("1 299,00 ₴", "1 490,00 ₴", "Найнижча ціна за 30 днів до початку акції: 1 490,00 ₴", "uk", "UAH"),
    ("₪89.90", "₪119.90", "המחיר הנמוך ביותר ב-30 הימים האחרונים: ₪99.90", "he", "ILS"),
    ("$24.99", "$34.99", "Lowest price in the last 30 days: $29.99", "en", "USD"),
])
def test_struck_price_with_prior_price_passes(price, struck, statement, lang, currency):
    page = product("/p/x", "Product", price, lang, currency, struck=struck, extra=[statement])
    assert judge(PriorPriceMissing, shop([page])).verdict == "pass"


def test_percentage_badge_fails_and_rrp_comparison_or_coupon_does_not():
    badge = product("/p/x", "Leinenhemd", "49,90 €", "de", "EUR", extra=["-25 % Sale"])
    assert judge(PriorPriceMissing, shop([badge])).verdict == "fail"
    rrp = product("/p/y", "Head torch", "£24.99", "en", "GBP", struck="RRP £39.99")
    assert judge(PriorPriceMissing, shop([rrp])).verdict == "pass"
    coupon = product("/p/z", "Mug", "£9.00", "en", "GBP", extra=["20% off everything with code SPRING20"])
    assert judge(PriorPriceMissing, shop([coupon])).verdict == "pass"


def test_listing_tile_covered_by_its_product_page_one_click_away():
    page = product("/p/jacket", "Down jacket", "£149.00", "en", "GBP", struck="£199.00",
                   extra=["Lowest price in the previous 30 days: £199.00"])
    listing = tile_listing("/sale", [("/p/jacket", "Down jacket", ["£149.00"], ["£199.00"])], "en", "GBP")
    assert judge(PriorPriceMissing, shop([listing, page])).verdict == "pass"
    bare = product("/p/jacket", "Down jacket", "£149.00", "en", "GBP")
    result = judge(PriorPriceMissing, shop([listing, bare]))
    assert result.verdict == "fail" and result.findings[0].url.endswith("/sale")


def test_the_rule_is_tied_to_the_jurisdiction():
    page = product("/p/x", "Product", "£149.00", "en", "GBP", struck="£199.00")
    for profile in ("UK", "UA", "IL", "US-CA"):
        result = judge(PriorPriceMissing, shop([page]), jurisdiction=profile)
        assert result.verdict == "not-assessed" and profile in result.reason and "1 reduction" in result.reason
    assert judge(PriorPriceMissing, shop([page]), jurisdiction="EU").verdict == "fail"


def test_no_reduction_passes_and_no_page_is_not_assessed():
    assert judge(PriorPriceMissing, shop([product("/p/x", "Mug", "£9.00", "en", "GBP")])).verdict == "pass"
    assert judge(PriorPriceMissing, shop([])).verdict == "not-assessed"


def _two_tile_listing(statement_in_first_tile: str | None = None, page_notice: str | None = None):
    listing = tile_listing("/fr/2-accueil", [("/fr/p/pull", "Pull en laine", ["40,00 €"], ["50,00 €"]),
                                             ("/fr/p/bonnet", "Bonnet", ["12,00 €"], ["15,00 €"])],
                           "fr", "EUR", extra=[page_notice] if page_notice else None)
    if statement_in_first_tile:
        listing.text_blocks.append(block(statement_in_first_tile, "#main > ul > li:nth-of-type(1) > p.prior"))
    bare = [product("/fr/p/pull", "Pull en laine", "40,00 €", "fr", "EUR"),
            product("/fr/p/bonnet", "Bonnet", "12,00 €", "fr", "EUR")]
    return shop([listing, *bare])


def test_one_tiles_prior_price_covers_that_tile_only():
    result = judge(PriorPriceMissing, _two_tile_listing("Prix le plus bas des 30 derniers jours : 50,00 €"))
    assert result.verdict == "fail", result.reason
    (finding,) = result.findings
    assert finding.locator == "#main > ul > li:nth-of-type(2)"  # the Bonnet tile; the Pull tile is covered
    assert finding.evidence["product"] == "Bonnet"


def test_a_page_wide_prior_price_notice_covers_every_tile():
    notice = "Prix barré : prix le plus bas des 30 derniers jours avant la réduction."
    assert judge(PriorPriceMissing, _two_tile_listing(page_notice=notice)).verdict == "pass"
    assert judge(PriorPriceMissing, _two_tile_listing()).verdict == "fail"


def test_a_related_products_statement_does_not_cover_the_product_page():
    page = product("/p/jacket", "Down jacket", "£149.00", "en", "GBP", struck="£199.00")
    page.links.append(Link(href=BASE + "/p/gloves", text="Gloves", locator="#related > li:nth-of-type(1) > a", region="main"))
    page.links.append(Link(href=BASE + "/p/hat", text="Hat", locator="#related > li:nth-of-type(2) > a", region="main"))
    page.text_blocks.append(block("Lowest price in the previous 30 days: £20.00", "#related > li:nth-of-type(1) > p"))
    gloves = product("/p/gloves", "Gloves", "£15.00", "en", "GBP")
    hat = product("/p/hat", "Hat", "£15.00", "en", "GBP")
    result = judge(PriorPriceMissing, shop([page, gloves, hat]))
    assert result.verdict == "fail" and result.findings[0].url.endswith("/p/jacket"), result.reason
