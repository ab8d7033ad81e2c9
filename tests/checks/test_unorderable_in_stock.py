"""unorderable-in-stock: products shown in stock that the journey could not put in the cart or check out."""

from checks.stock.unorderable_in_stock import UnorderableInStock
from tests.builders import judge
from tests.price_builders import added, ledger, product, product_sd, shop, step


def in_stock(path="/p/mug", name="Camp mug", price="$24.99", lang="en", currency="USD", text="In stock", label="Add to cart"):
    return product(path, name, price, lang, currency, extra=[text], add_label=label,
                   sd=[product_sd(name, price.strip("$₪€£ "), currency or "USD")])


def test_shop_refusing_a_product_shown_in_stock_fails():
    arts = shop([in_stock()], [step(0, "product", "/p/mug", page=0)],
                [added("Camp mug", "/p/mug", "24.99", "USD", accepted=False,
                       message="Sorry, this item is currently unavailable.")])
    result = judge(UnorderableInStock, arts)
    assert result.verdict == "fail"
    f = result.findings[0]
    assert "currently unavailable" in f.message and f.evidence["shown_as"][0]["state"] == "in"


def test_product_missing_from_the_cart_after_pressing_add_fails_in_shekels():
    page = in_stock("/p/towel", "מגבת פשתן", "₪149.90", "he", "ILS", "במלאי", "הוספה לסל")
    other = in_stock("/p/mug", "ספל קמפינג", "₪59.90", "he", "ILS", "במלאי", "הוספה לסל")
    cart = step(2, "cart", "/cart", ledger("ILS", [("item", "ספל קמפינג", "59.90")], "59.90"))
    arts = shop([page, other], [step(0, "product", "/p/towel", page=0), step(1, "product", "/p/mug", page=1), cart],
                [added("מגבת פשתן", "/p/towel", "149.90", "ILS", accepted=False, message="נוסף לסל"),
                 added("ספל קמפינג", "/p/mug", "59.90", "ILS")])
    result = judge(UnorderableInStock, arts)
    assert result.verdict == "fail" and len(result.findings) == 1


def test_checkout_refusing_stock_fails():
    arts = shop([in_stock()], [step(0, "cart", "/cart", ledger("USD", [("item", "Camp mug", "24.99")], "24.99")),
                               step(1, "checkout-review", "/checkout", messages=["Camp mug is out of stock and was removed"])],
                [added("Camp mug", "/p/mug", "24.99", "USD")])
    assert judge(UnorderableInStock, arts).verdict == "fail"


def test_products_added_as_shown_pass_and_journey_failures_do_not_count():
    ok = shop([in_stock("/p/hemd", "Leinenhemd", "49,90 €", "de", "EUR", "Auf Lager", "In den Warenkorb")],
              [step(0, "cart", "/cart", ledger("EUR", [("item", "Leinenhemd", "49.90")], "49.90"))],
              [added("Leinenhemd", "/p/hemd", "49.90", "EUR")])
    assert judge(UnorderableInStock, ok).verdict == "pass"
    no_button = shop([in_stock()], [], [added("Camp mug", "/p/mug", "24.99", "USD", accepted=False,
                                              message="no add-to-cart control that is safe to press")])
    assert judge(UnorderableInStock, no_button).verdict == "pass"


def test_products_shown_sold_out_or_no_purchase_are_not_assessed():
    sold = product("/p/x", "Jacket", "£99.00", "en", "GBP", extra=["Sold out"],
                   sd=[product_sd("Jacket", "99.00", "GBP", "OutOfStock")])
    arts = shop([sold], [], [added("Jacket", "/p/x", "99.00", "GBP", accepted=False, message="Sold out")])
    assert judge(UnorderableInStock, arts).verdict == "not-assessed"
    assert judge(UnorderableInStock, shop([sold], [], [])).verdict == "not-assessed"


def test_a_size_the_journey_did_not_choose_is_not_the_shops_refusal():
    page = in_stock("/p/tee", "Camiseta de algodón", "29,95 €", "es", "EUR", "En existencia", "Añadir al carrito")
    cart = step(1, "cart", "/checkout/cart/", ledger("EUR", [("item", "Gorra de lona", "19.95")], "19.95"))
    arts = shop([page], [step(0, "product", "/p/tee", page=0), cart],
                [added("Camiseta de algodón", "/p/tee", "29.95", "EUR", accepted=False, message="Este es un campo obligatorio."),
                 added("Gorra de lona", "/p/gorra", "19.95", "EUR")])
    assert judge(UnorderableInStock, arts).verdict == "pass"
