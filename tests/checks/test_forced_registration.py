"""forced-registration: the journey's guest-checkout result and the checkout's mandatory fields."""

import pytest

from auditor.artifacts import Button, Control, Journey, JourneyStep, StopPoint
from checks.choice_architecture.forced_registration import ForcedRegistration
from tests.builders import BASE, artifacts, judge, page


def field(label, kind="text", required=True, name=None, autocomplete=None):
    return Control(kind=kind, label=label, required=required, name=name, autocomplete=autocomplete,
                   locator=f"#{name or abs(hash(label)) % 1000}")


def walked(controls, kind="checkout-address", lang="en", guest=True, stop=None, buttons=None, texts=None):
    snap = page("/checkout", "checkout", texts or ["Checkout"], lang=lang, found_from="journey")
    steps = [JourneyStep(index=0, kind=kind, url=BASE + "/checkout", controls=controls, buttons=buttons or [], page=0)]
    return artifacts(pages=[snap], journey=Journey(reached=kind, guest_checkout=guest, steps=steps, stop=stop))


ADDRESS = [field("Email", "email", name="email"), field("First name", name="first_name"),
           field("Street", name="address1"), field("Postcode", name="postcode"), field("City", name="city")]


def test_no_guest_option_fails_with_the_stop_reason_and_wording():
    stop = StopPoint(url=BASE + "/checkout", reason="checkout requires signing in or registering (no guest checkout)")
    arts = walked([field("Пароль", "password", name="password"), field("Email", "email", name="login")],
                  kind="checkout-login", lang="uk", guest=False, stop=stop,
                  buttons=[Button(text="Увійти", locator="#login"), Button(text="Зареєструватися", locator="#register")],
                  texts=["Оформлення замовлення", "Для оформлення замовлення необхідно увійти або зареєструватися"])
    result = judge(ForcedRegistration, arts)
    assert result.verdict == "fail"
    f = result.findings[0]
    assert "guest" in f.message and "no guest checkout" in f.observed
    assert f.evidence["wording"] and f.evidence["buttons_offered"] == ["Увійти", "Зареєструватися"]


@pytest.mark.parametrize("extra,lang", [
    (field("Date of birth", "date", name="dob"), "en"),
    (field("Birthday", "text", name="bd", autocomplete="bday"), "en"),
    (field("Geschlecht *", "select", required=False, name="salutation_x"), "de"),
    (field("Comment nous avez-vous connus ?", "select", name="source"), "fr"),
    (field("Fecha de nacimiento", "date", name="fnac"), "es"),
    (field("Як ви про нас дізналися?", "select", name="q1"), "uk"),
    (field("Дата рождения", "text", name="f7"), "ru"),
    (field("תאריך לידה", "date", name="f8"), "he"),
    (field("كيف سمعت عنا؟", "select", name="f9"), "ar"),
    (field("Create a password", "password", name="account_password"), "en"),
])
def test_mandatory_field_not_needed_for_delivery_fails(extra, lang):
    result = judge(ForcedRegistration, walked(ADDRESS + [extra], lang=lang))
    assert result.verdict == "fail", result.reason
    assert result.findings[0].locator == extra.locator


@pytest.mark.parametrize("extra", [
    field("Date of birth (optional)", "date", required=False, name="dob"),      # optional: fine
    field("Phone", "tel", name="phone"),                                         # needed by couriers
    field("Password", "password", required=True, name="pw", autocomplete="current-password"),  # sign-in box
    field("Company", name="company", required=False),
])
def test_guest_checkout_with_needed_or_optional_fields_passes(extra):
    result = judge(ForcedRegistration, walked(ADDRESS + [extra]))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_a_login_step_that_offers_guest_checkout_passes():
    arts = walked([field("Password", "password", name="password"), field("Email", "email", name="username")],
                  kind="checkout-login", guest=True)
    assert judge(ForcedRegistration, arts).verdict == "pass"


def test_no_checkout_reached_is_not_assessed():
    arts = artifacts(pages=[], journey=Journey(reached="cart", steps=[JourneyStep(index=0, kind="cart", url=BASE + "/cart")]))
    assert judge(ForcedRegistration, arts).verdict == "not-assessed"
    assert judge(ForcedRegistration, artifacts(pages=[])).verdict == "not-assessed"


def test_the_journey_records_a_sign_in_wall_as_a_login_step_not_as_the_order_review():
    """What this check relies on: a page whose only submits (sign in, register) the journey must
    refuse is a login step without a guest way, not the last step before paying."""
    from auditor.journey.steps import step_kind
    from auditor.text.lexicon import lexicons

    wall = page("/oformlennya/", "checkout", ["Оформлення замовлення"], lang="uk", controls=[
        field("Email", "email", name="login_email", autocomplete="username"),
        field("Пароль", "password", name="login_password", autocomplete="current-password")])
    assert step_kind(wall, lexicons(), card_fields=0, final_refused=True) == "checkout-login"
    review = page("/checkout/review", "checkout", ["Review"], controls=ADDRESS)
    assert step_kind(review, lexicons(), card_fields=0, final_refused=True) == "checkout-review"
