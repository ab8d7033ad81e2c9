"""order-button-label: the button the journey stopped before, judged on its words alone."""

import pytest

from auditor.artifacts import Button, Journey, JourneyStep, StopPoint
from checks.policies.order_button_label import OrderButtonLabel
from tests.builders import BASE, artifacts, judge, page

REVIEW = BASE + "/checkout/review"


def stopped_before(text, reached="checkout-review"):
    button = Button(text=text, locator="#place-order", kind="submit")
    step = JourneyStep(index=5, kind="checkout-review", url=REVIEW, primary_button=text, buttons=[button])
    return artifacts(pages=[page("/checkout/review", "checkout", ["Review your order"])],
                     journey=Journey(reached=reached, steps=[step],
                                     stop=StopPoint(url=REVIEW, reason="final order button: not pressed", button=button)))


@pytest.mark.parametrize("label", [
    "Buy now", "Pay now", "Pay £152.94", "Order with obligation to pay",
    "Zahlungspflichtig bestellen", "Jetzt kaufen", "Commander avec obligation de paiement", "Pagar ahora",
    "Оплатити замовлення", "Купить сейчас", "לתשלום", "ادفع الآن",
])
def test_wording_that_states_the_obligation_to_pay_passes(label):
    result = judge(OrderButtonLabel, stopped_before(label))
    assert result.verdict == "pass", result.reason
    assert result.details["button"] == label


@pytest.mark.parametrize("label", [
    "Place order", "Confirm order", "Submit", "Continue", "Complete booking",
    "Bestellen", "Jetzt bestellen", "Valider la commande", "Confirmar pedido", "Підтвердити замовлення",
    "Оформить заказ", "בצע הזמנה", "تأكيد الطلب",
])
def test_wording_that_does_not_mention_paying_fails_in_the_eu(label):
    result = judge(OrderButtonLabel, stopped_before(label))
    assert result.verdict == "fail", result.reason
    finding = result.findings[0]
    assert finding.locator == "#place-order" and finding.text == label and finding.url == REVIEW
    assert "read, not pressed" in finding.observed


def test_place_order_fails_under_the_uk_profile_too():
    result = judge(OrderButtonLabel, stopped_before("Place order"), jurisdiction="UK")
    assert result.verdict == "fail"


@pytest.mark.parametrize("profile", ["US-CA", "IL", "UA"])
def test_profiles_without_a_button_rule_are_not_assessed_with_the_reason(profile):
    result = judge(OrderButtonLabel, stopped_before("Place order"), jurisdiction=profile)
    assert result.verdict == "not-assessed"
    assert profile in result.reason and "wording" in result.reason


def test_last_checkout_step_primary_button_is_used_when_the_stop_has_no_button():
    step = JourneyStep(index=4, kind="checkout-payment", url=BASE + "/checkout", primary_button="Place order",
                       buttons=[Button(text="Place order", locator="button#place_order")])
    arts = artifacts(pages=[], journey=Journey(reached="checkout-payment", steps=[step],
                                                stop=StopPoint(url=BASE + "/checkout", reason="payment step")))
    result = judge(OrderButtonLabel, arts)
    assert result.verdict == "fail" and result.findings[0].locator == "button#place_order"


def test_no_journey_is_not_assessed():
    result = judge(OrderButtonLabel, artifacts(pages=[page("/", "home", ["Hi"])]))
    assert result.verdict == "not-assessed" and "journey did not run" in result.reason


def test_journey_that_never_reached_checkout_is_not_assessed():
    step = JourneyStep(index=0, kind="product", url=BASE + "/p/x", primary_button="Add to basket")
    result = judge(OrderButtonLabel, artifacts(journey=Journey(reached="product", steps=[step])))
    assert result.verdict == "not-assessed" and "furthest step: product" in result.reason


def test_the_continue_button_of_a_step_the_journey_got_stuck_on_is_not_the_order_button():
    step = JourneyStep(index=3, kind="checkout-contact", url=BASE + "/commande", primary_button="Commander en tant qu'invité",
                       buttons=[Button(text="Commander en tant qu'invité", locator="a.guest")])
    arts = artifacts(pages=[], journey=Journey(reached="checkout-contact", steps=[step], stop=StopPoint(
        url=BASE + "/commande", reason="the checkout did not advance (validation errors?)")))
    result = judge(OrderButtonLabel, arts)
    assert result.verdict == "not-assessed", result.reason
