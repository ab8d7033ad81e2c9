"""stock-mismatch: availability from structured data, page text, the buy button and listing badges."""

import pytest

from checks.stock.stock_mismatch import StockMismatch
from tests.builders import judge
from tests.price_builders import product, product_sd, shop, tile_listing


def test_structured_data_out_of_stock_but_page_in_stock_fails():
    page = product("/p/x", "Camp mug", "£9.00", "en", "GBP", extra=["In stock"],
                   sd=[product_sd("Camp mug", "9.00", "GBP", "OutOfStock")])
    result = judge(StockMismatch, shop([page]))
    assert result.verdict == "fail"
    sources = {s["source"]: s["state"] for s in result.findings[0].evidence["sources"]}
    assert sources["structured data"] == "out" and sources["product page text"] == "in"


def test_listing_badge_sold_out_but_product_page_available_fails_in_ukrainian():
    page = product("/p/svichka", "Соєва свічка", "245,00 ₴", "uk", "UAH", extra=["В наявності"],
                   add_label="Додати в кошик")
    listing = tile_listing("/katalog", [("/p/svichka", "Соєва свічка", ["245,00 ₴"], ["Немає в наявності"])], "uk", "UAH")
    result = judge(StockMismatch, shop([listing, page]))
    assert result.verdict == "fail"
    assert result.findings[0].url.endswith("/katalog")


def test_in_stock_text_beside_a_disabled_buy_button_fails_in_hebrew():
    page = product("/p/towel", "מגבת פשתן", "₪149.90", "he", "ILS", extra=["במלאי"], add_label="הוספה לסל",
                   add_disabled=True)
    assert judge(StockMismatch, shop([page])).verdict == "fail"


@pytest.mark.parametrize("text,availability,lang,label", [
    ("In stock", "InStock", "en", "Add to basket"),
    ("Auf Lager, sofort lieferbar", "InStock", "de", "In den Warenkorb"),
    ("نفدت الكمية", "OutOfStock", "ar", "أضف إلى السلة"),
    ("Only 3 left in stock", "LimitedAvailability", "en", "Add to cart"),
])
def test_sources_that_agree_pass(text, availability, lang, label):
    disabled = availability == "OutOfStock"
    page = product("/p/x", "Item", "£10.00", lang, None, extra=[text], add_label=label, add_disabled=disabled,
                   sd=[product_sd("Item", "10.00", "GBP", availability)])
    assert judge(StockMismatch, shop([page])).verdict == "pass"


def test_mixed_variant_text_is_not_compared_and_a_single_source_is_not_assessed():
    mixed = product("/p/x", "Jacket", "£99.00", "en", "GBP", extra=["In stock", "Size XL: sold out"], add_label="Add to basket")
    result = judge(StockMismatch, shop([mixed]))
    assert result.verdict == "not-assessed"  # the text says both; only the button is left
    button_only = product("/p/y", "Mug", "£9.00", "en", "GBP", add_label="Add to basket")
    assert judge(StockMismatch, shop([button_only])).verdict == "not-assessed"
