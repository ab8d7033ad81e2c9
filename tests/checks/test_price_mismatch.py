"""price-mismatch across listing tiles, product pages, structured data and the cart, in six currencies."""

import pytest

from checks.price_transparency.price_mismatch import PriceMismatch
from tests.builders import judge
from tests.price_builders import added, ledger, product, product_sd, shop, step, tile_listing


@pytest.mark.parametrize("shown,sd_price,currency,lang", [
    ("1.299,00 €", "1299.00", "EUR", "de"),
    ("١٬٢٩٩٫٠٠ ر.س", "1299.00", "SAR", "ar"),
    ("₪89.90", "89.90", "ILS", "he"),
    ("1 299,00 ₴", "1299", "UAH", "uk"),
])
def test_structured_data_agreeing_with_the_page_passes(shown, sd_price, currency, lang):
    page = product("/p/x", "Product", shown, lang, currency, sd=[product_sd("Product", sd_price, currency)])
    assert judge(PriceMismatch, shop([page])).verdict == "pass"


@pytest.mark.parametrize("shown,sd_price,currency,lang", [
    ("1.299,00 €", "1199.00", "EUR", "de"),
    ("١٬٢٩٩٫٠٠ ر.س", "1199.00", "SAR", "ar"),
    ("£49.00", "39.00", "GBP", "en"),
])
def test_structured_data_with_another_price_fails(shown, sd_price, currency, lang):
    page = product("/p/x", "Product", shown, lang, currency, sd=[product_sd("Product", sd_price, currency)])
    result = judge(PriceMismatch, shop([page]))
    assert result.verdict == "fail"
    f = result.findings[0]
    assert f.observed.startswith("structured data") and sd_price.rstrip("0").rstrip(".") in f.message


def test_listing_tile_cheaper_than_the_product_page_fails_in_dollars():
    page = product("/p/mug", "Camp mug", "$29.99", "en", "USD")
    listing = tile_listing("/shop", [("/p/mug", "Camp mug", ["$24.99"], [])], "en", "USD")
    result = judge(PriceMismatch, shop([listing, page]))
    assert result.verdict == "fail"
    f = result.findings[0]
    assert f.url.endswith("/shop") and "24.99" in f.message and f.evidence["sources"][0]["prices"] == ["29.99"]


def test_listing_tile_with_sale_price_and_struck_price_matching_passes():
    page = product("/p/jacket", "Down jacket", "£149.00", "en", "GBP", struck="£199.00")
    listing = tile_listing("/sale", [("/p/jacket", "Down jacket", ["£149.00"], ["£199.00"])], "en", "GBP")
    assert judge(PriceMismatch, shop([listing, page])).verdict == "pass"


def test_from_prices_and_ranges_on_tiles_are_not_compared():
    page = product("/p/socks", "Socks", "£12.00", "en", "GBP")
    listing = tile_listing("/shop", [("/p/socks", "Socks", ["£10.00", "£15.00"], [])], "en", "GBP")
    assert judge(PriceMismatch, shop([listing, page])).verdict == "not-assessed"


def test_cart_charging_more_than_the_product_page_fails_in_hryvnias():
    page = product("/p/skatertyna", "Лляна скатертина", "1 299,00 ₴", "uk", "UAH")
    cart = step(1, "cart", "/koshyk", ledger("UAH", [("item", "Лляна скатертина", "1399.00")], "1399.00"))
    arts = shop([page], [step(0, "product", page.url, page=0), cart], [added("Лляна скатертина", "/p/skatertyna", "1299.00", "UAH")])
    result = judge(PriceMismatch, arts)
    assert result.verdict == "fail"
    assert result.findings[0].evidence["step"] == 1 and "1399" in result.findings[0].message


def test_cart_at_the_product_price_passes():
    page = product("/p/skatertyna", "Лляна скатертина", "1 299,00 ₴", "uk", "UAH")
    cart = step(1, "cart", "/koshyk", ledger("UAH", [("item", "Лляна скатертина", "1299.00")], "1299.00"))
    arts = shop([page], [cart], [added("Лляна скатертина", "/p/skatertyna", "1299.00", "UAH")])
    assert judge(PriceMismatch, arts).verdict == "pass"


def test_net_structured_data_is_skipped_and_no_product_is_not_assessed():
    sd = product_sd("Desk", "400.00", "GBP")
    sd["offers"]["valueAddedTaxIncluded"] = False
    page = product("/p/desk", "Desk", "£480.00", "en", "GBP", sd=[sd])
    assert judge(PriceMismatch, shop([page])).verdict == "not-assessed"
    assert judge(PriceMismatch, shop([])).verdict == "not-assessed"


def test_cart_rows_of_products_with_similar_names_are_told_apart():
    roaster = product("/p/roaster", "محمصة قهوة يدوية", "١٬٢٩٩٫٠٠ ر.س", "ar", "SAR")
    grinder = product("/p/grinder", "مطحنة قهوة يدوية", "٣٤٩٫٠٠ ر.س", "ar", "SAR")
    cart = step(2, "cart", "/cart", ledger("SAR", [("item", "محمصة قهوة يدوية × 1", "1299.00"),
                                                   ("item", "مطحنة قهوة يدوية × 1", "349.00")], "1648.00"))
    arts = shop([roaster, grinder], [cart], [added("محمصة قهوة يدوية", "/p/roaster", "1299.00", "SAR"),
                                             added("مطحنة قهوة يدوية", "/p/grinder", "349.00", "SAR")])
    result = judge(PriceMismatch, arts)
    assert result.verdict == "pass" and result.details["comparisons"] == 2


def test_one_offer_per_variant_agrees_when_the_shown_variant_is_among_them():
    variants = {"@context": "https://schema.org", "@type": "Product", "name": "Tee",
                "offers": [{"@type": "Offer", "price": p, "priceCurrency": "USD", "sku": f"TEE-{i}"}
                           for i, p in enumerate(("15.30", "18.00", "42.00"))]}
    page = product("/products/tee", "Tee", "$15.30", "en", "USD", sd=[variants])
    assert judge(PriceMismatch, shop([page])).verdict == "pass"
    none_shown = {**variants, "offers": [{"@type": "Offer", "price": p, "priceCurrency": "USD"} for p in ("19.00", "21.00")]}
    assert judge(PriceMismatch, shop([product("/products/tee", "Tee", "$15.30", "en", "USD", sd=[none_shown])])).verdict == "fail"
