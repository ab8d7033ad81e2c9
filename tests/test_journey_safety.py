"""The journey's guards against ordering and paying, by label, by target and by request."""

import pytest

from auditor.journey.safety import ButtonFacts, refusal, request_refusal
from auditor.text.lexicon import lexicons

LEX = lexicons()


@pytest.mark.parametrize("label", [
    "Place order", "Buy now", "Pay £12.99", "Confirm and pay", "Complete purchase",
    "Zahlungspflichtig bestellen", "Jetzt kaufen", "Commander avec obligation de paiement", "Payer",
    "Finalizar compra", "Realizar pedido", "Підтвердити замовлення", "Оплатити", "Оформить заказ",
    "Подтвердить заказ", "בצע הזמנה", "לתשלום", "אישור הזמנה", "إتمام الطلب", "تأكيد الطلب", "ادفع الآن",
])
def test_order_labels_are_refused_on_checkout_pages(label):
    assert refusal(ButtonFacts(label=label, page_kind="checkout"), LEX) is not None


@pytest.mark.parametrize("label", [
    "Continue", "Continue to delivery", "Next step", "Weiter", "Continuer", "Continuar", "Далі", "Продолжить",
    "המשך", "متابعة", "Continue as guest",
])
def test_continue_labels_are_allowed_on_checkout_pages(label):
    assert refusal(ButtonFacts(label=label, page_kind="checkout"), LEX) is None


@pytest.mark.parametrize("label", ["Buy now", "Jetzt kaufen", "קנה עכשיו", "اشتري الآن"])
def test_buy_now_is_refused_on_product_pages(label):
    assert refusal(ButtonFacts(label=label, page_kind="product"), LEX) is not None


@pytest.mark.parametrize("label", ["Add to basket", "In den Warenkorb", "Додати в кошик", "В корзину", "הוסף לסל", "أضف إلى السلة"])
def test_add_to_cart_is_allowed_on_product_pages(label):
    assert refusal(ButtonFacts(label=label, page_kind="product"), LEX) is None


def test_ambiguous_checkout_wording_is_allowed_on_the_cart_only():
    ua = "Оформити замовлення"
    assert refusal(ButtonFacts(label=ua, page_kind="cart"), LEX) is None
    assert refusal(ButtonFacts(label=ua, page_kind="checkout"), LEX) is not None


@pytest.mark.parametrize("facts", [
    ButtonFacts(label="Continue", page_kind="checkout", formaction="https://shop.test/checkout/payment", method="post"),
    ButtonFacts(label="Continue", page_kind="checkout", formaction="https://shop.test/__record/order", method="post"),
    ButtonFacts(label="Next", page_kind="checkout", formaction="https://www.paypal.com/cgi-bin/webscr", method="get"),
    ButtonFacts(label="Continue", page_kind="checkout", hidden=("action=place_order",)),
    ButtonFacts(label="Continue", page_kind="checkout", hidden=("woocommerce-process-checkout-nonce=abc",)),
    ButtonFacts(label="Continue", page_kind="checkout", card_fields=2),
])
def test_a_harmless_label_does_not_excuse_a_payment_target(facts):
    assert refusal(facts, LEX) is not None


def test_ordinary_checkout_forms_pass_the_target_guard():
    facts = ButtonFacts(label="Continue", page_kind="checkout", formaction="https://shop.test/checkout/shipping-address/",
                        method="post", hidden=("csrfmiddlewaretoken=x",))
    assert refusal(facts, LEX) is None


@pytest.mark.parametrize("method,url,body", [
    ("POST", "https://shop.test/__record/order", "order=1"),
    ("POST", "https://shop.test/?wc-ajax=checkout", "billing_email=x"),
    ("POST", "https://shop.test/checkout/preview/", "csrfmiddlewaretoken=x&action=place_order"),
    ("POST", "https://shop.test/rest/V1/guest-carts/abc/payment-information", "{}"),
    ("GET", "https://js.stripe.com/v3/", None),
    ("POST", "https://shop.test/api/orders/create-order", "{}"),
])
def test_network_guard_blocks_order_and_payment_requests(method, url, body):
    assert request_refusal(method, url, body) is not None


@pytest.mark.parametrize("method,url,body", [
    ("GET", "https://shop.test/checkout/payment-details/", None),
    ("POST", "https://shop.test/checkout/shipping-address/", "first_name=Alex&postcode=SW1A"),
    ("POST", "https://shop.test/cart/add", "product=1&qty=1"),
    ("POST", "https://shop.test/?wc-ajax=update_order_review", "country=UA"),
])
def test_network_guard_lets_the_shopper_through_to_the_last_step(method, url, body):
    assert request_refusal(method, url, body) is None


def test_on_a_page_that_asks_for_the_card_only_a_code_can_be_applied():
    assert refusal(ButtonFacts(label="Apply", page_kind="checkout", page_card_fields=4), LEX) is None
    assert refusal(ButtonFacts(label="Continue", page_kind="checkout", page_card_fields=4), LEX) is not None
    assert refusal(ButtonFacts(label="Pay now", page_kind="checkout", page_card_fields=4), LEX) is not None
    assert refusal(ButtonFacts(label="Apply", page_kind="checkout", card_fields=4), LEX) is not None
