"""trick-question on hand-made consent controls, in eight languages."""

import pytest

from auditor.artifacts import Control, Journey, JourneyStep, Overlay
from checks.choice_architecture.trick_question import TrickQuestion
from tests.builders import BASE, artifacts, checkbox, judge, page


def form(controls, lang="en", kind="checkout"):
    return artifacts(pages=[page("/checkout", kind, ["Your details"], lang=lang, controls=controls)])


@pytest.mark.parametrize("label,lang", [
    ("Untick this box if you do not want to receive our offers", "en"),
    ("Uncheck this box if you would not like to hear about offers", "en"),
    ("Kreuzen Sie nicht an, wenn Sie keinen Newsletter wünschen", "de"),
    ("Cochez cette case si vous ne souhaitez pas ne pas recevoir nos offres", "fr"),
    ("Quite la marca si no desea recibir ofertas", "es"),
    ("Зніміть позначку, якщо не бажаєте отримувати розсилку", "uk"),
    ("Снимите галочку, если не хотите получать рассылку", "ru"),
    ("הסר את הסימון אם אינך מעוניין לקבל דיוור", "he"),
    ("قم بإلغاء التحديد إذا كنت لا ترغب في تلقي العروض", "ar"),
])
def test_double_negative_on_a_consent_box_fails(label, lang):
    result = judge(TrickQuestion, form([checkbox(label, True)], lang))
    assert result.verdict == "fail", result.reason
    f = result.findings[0]
    assert f.text == label and len(f.evidence["negations"]) >= 2


@pytest.mark.parametrize("label,lang", [
    ("Send me offers by email. No spam, unsubscribe at any time.", "en"),  # reassurance, not a negation
    ("Do not send me marketing emails", "en"),                            # a plain opt-out
    ("Ja, ich möchte den Newsletter erhalten. Abmeldung jederzeit möglich.", "de"),
    ("Je souhaite recevoir les offres par e-mail", "fr"),
    ("Quiero recibir ofertas por email", "es"),
    ("Підписатися на розсилку. Без спаму, відписатися можна будь-коли", "uk"),
    ("Не присылайте мне рекламную рассылку", "ru"),
    ("אני מעוניין לקבל דיוור", "he"),
    ("أرغب في تلقي العروض والنشرة الإخبارية", "ar"),
])
def test_plain_consent_wording_passes(label, lang):
    result = judge(TrickQuestion, form([checkbox(label, False)], lang))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_double_negatives_outside_consent_are_not_this_checks_business():
    label = "I am not unable to collect the parcel without ID"
    assert judge(TrickQuestion, form([checkbox(label, False), checkbox("Email me offers", False)])).verdict == "pass"


def test_opt_in_and_opt_out_marketing_boxes_on_one_form_fail_as_minor():
    boxes = [checkbox("Email me news and offers", False, locator="#in"),
             checkbox("Do not share my details with partners", False, locator="#out")]
    result = judge(TrickQuestion, form(boxes))
    assert result.verdict == "fail"
    f = result.findings[0]
    assert f.severity == "minor" and f.locator == "#out"
    assert f.evidence["opt_in"] == "Email me news and offers"


def test_newsletter_opt_in_beside_a_do_not_call_me_box_passes():
    """Ukrainian shops often offer "don't call me to confirm the order": not marketing consent."""
    boxes = [checkbox("Підписатися на розсилку новин та акцій", False),
             checkbox("Не телефонуйте мені для підтвердження замовлення", False)]
    assert judge(TrickQuestion, form(boxes, "uk")).verdict == "pass"


def test_boxes_in_overlays_and_journey_steps_are_read():
    box = checkbox("Untick if you don't want partner offers", True, locator="#pop-box")
    arts = artifacts(pages=[page("/", "home", ["Hi"], overlays=[Overlay(kind="modal", text="Sign up", controls=[box])])])
    assert judge(TrickQuestion, arts).verdict == "fail"
    step_box = Control(kind="checkbox", label="Uncheck this box if you do not wish to receive offers",
                       checked=True, locator="#step-box")
    journey = Journey(reached="checkout-address", steps=[
        JourneyStep(index=0, kind="checkout-address", url=BASE + "/checkout/address", controls=[step_box])])
    assert judge(TrickQuestion, artifacts(pages=[], journey=journey)).verdict == "fail"


def test_nothing_to_read_and_no_checkout_is_not_assessed():
    assert judge(TrickQuestion, artifacts(pages=[page("/", "home", ["Hi"])])).verdict == "not-assessed"
