"""coupon-conditions-hidden: promotion claims and their conditions, near them or one click away."""

import pytest

from auditor.artifacts import Link, Overlay
from auditor.promos import codes_in
from auditor.text.lexicon import lexicons
from checks.promotions.coupon_conditions_hidden import CouponConditionsHidden
from tests.builders import BASE, judge
from tests.price_builders import block, ledger, product, shop, shop_page, step


def home(texts, lang="en", links=None, overlays=None):
    blocks = [block(t, f"#main > section > p:nth-of-type({i + 1})") for i, t in enumerate(texts)]
    return shop_page("/", "home", blocks, lang, links=links, overlays=overlays)


@pytest.mark.parametrize("text,lang,codes", [
    ("10 % Rabatt auf alles mit dem Code WILLKOMMEN10", "de", ["WILLKOMMEN10"]),
    ("Знижка 15% за промокодом ВЕСНА15", "uk", ["ВЕСНА15"]),
    ("15% הנחה עם קוד הנחה SUMMER15", "he", ["SUMMER15"]),
    ("خصم ١٠٪ باستخدام الكود RAMADAN10", "ar", ["RAMADAN10"]),
    ("Use code WELCOME at checkout for £5 off", "en", ["WELCOME"]),
    ("SPRING SALE: 20% OFF EVERYTHING", "en", []),
    ("Item code: NW-JK-210", "en", []),
])
def test_codes_are_read_from_promotion_texts(text, lang, codes):
    assert codes_in(text, lexicons(), [lang, "en"]) == codes


@pytest.mark.parametrize("text,lang", [
    ("10 % Rabatt auf alles mit dem Code WILLKOMMEN10", "de"),
    ("Знижка 15% на весь текстиль за промокодом ВЕСНА15!", "uk"),
    ("Get 20% off everything this weekend", "en"),
])
def test_claim_without_any_condition_fails(text, lang):
    result = judge(CouponConditionsHidden, shop([home([text, "Our story"], lang)]))
    assert result.verdict == "fail"
    assert result.findings[0].text == text


@pytest.mark.parametrize("texts,lang", [
    (["15% off with code SPRING15", "Minimum spend £40. Ends 30 April 2030. One per customer."], "en"),
    (["10 % Rabatt mit dem Code WILLKOMMEN10 – gültig ab einem Bestellwert von 50 €, einmal pro Kunde"], "de"),
    (["קוד הנחה SALE10: 10% הנחה בקנייה מעל ₪200, בתוקף עד 31.12.2030"], "he"),
    (["خصم 10% على أول طلب بكود WELCOME10"], "ar"),
])
def test_claim_with_conditions_nearby_passes(texts, lang):
    result = judge(CouponConditionsHidden, shop([home(texts, lang)]))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_conditions_one_click_away_pass_and_unvisited_terms_are_not_judged():
    link = Link(href=BASE + "/umovy-aktsii", text="Умови акції", locator="#main > section > p:nth-of-type(1) > a")
    page = home(["Знижка 15% за промокодом ВЕСНА15 — Умови акції"], "uk", links=[link])
    terms = shop_page("/umovy-aktsii", "policy", [block("Промокод ВЕСНА15 діє для замовлень від 2 000 грн до 31.05.2030.",
                                                        "#main > p")], "uk", "UAH")
    assert judge(CouponConditionsHidden, shop([page, terms])).verdict == "pass"
    assert judge(CouponConditionsHidden, shop([page])).verdict == "not-assessed"


def test_popup_offer_is_a_claim_too():
    bare = Overlay(kind="modal", text="Sign up and get 10% off with code HELLO10", locator="#popup")
    assert judge(CouponConditionsHidden, shop([home(["Welcome"], overlays=[bare])])).verdict == "fail"
    first = Overlay(kind="modal", text="Sign up and get 10% off your first order", locator="#popup")
    assert judge(CouponConditionsHidden, shop([home(["Welcome"], overlays=[first])])).verdict == "pass"


def test_a_code_the_shop_accepted_without_conditions_hid_nothing():
    page = home(["Use code HELLO10 for 10% off"])
    coupon = step(1, "coupon", "/cart", ledger("GBP", [("item", "Mug", "10.00"), ("discount", "Coupon HELLO10", "-1.00")], "9.00"),
                  messages=["Coupon code applied successfully."], action="apply advertised code \u201cHELLO10\u201d with \u201cApply\u201d")
    assert judge(CouponConditionsHidden, shop([page], [coupon], [])).verdict == "pass"


def test_price_reductions_and_plain_sale_words_are_not_coupon_claims():
    page = product("/p/x", "Leinenhemd", "49,90 €", "de", "EUR", struck="69,90 €", extra=["-25 %", "Sale"])
    result = judge(CouponConditionsHidden, shop([page]))
    assert result.verdict == "pass" and "no coupon" in result.reason


def test_a_sale_link_in_the_menu_is_not_the_banners_terms():
    """The menu's "Sale" page says "while stocks last" about reduced lines; it does not give the
    conditions of a code in a "Winter sale" banner."""
    nav = [Link(href=BASE + "/sale.html", text="Sale", region="nav")]
    banner = home(["Winter sale: 20% off with code WINTER20"], links=nav)
    sale = shop_page("/sale.html", "listing", [block("Sale", "#main > h1"),
                                               block("Reduced lines while stocks last.", "#main > p")])
    assert judge(CouponConditionsHidden, shop([banner, sale])).verdict == "fail"
    terms = [Link(href=BASE + "/sale.html", text="Winter sale terms", region="main")]
    linked = home(["Winter sale: 20% off with code WINTER20 — Winter sale terms"], links=terms)
    rules = shop_page("/sale.html", "policy", [block("WINTER20 is valid until 31 January on orders over £50, "
                                                     "one use per customer.", "#main > p")])
    assert judge(CouponConditionsHidden, shop([linked, rules])).verdict == "pass"


def _flagged_product(flag: str, was: str, now: str, kind: str = "product"):
    """A product page whose image flag comes long before the price block in DOM order."""
    blocks = [block("Pull en laine", "#main > h1", "h1"), block(flag, "#main > div.images > ul.flags > li", "li")]
    blocks += [block(f"Description {i}", f"#main > div.desc > p:nth-of-type({i + 1})") for i in range(6)]
    blocks += [block(now, "#main > div.prices > span.current", "span"),
               block(was, "#main > div.prices > span.regular", "span", struck=True)]
    return shop_page("/fr/p/pull", kind, blocks, "fr", "EUR")


@pytest.mark.parametrize("flag,was,now", [("-20%", "50,00 €", "40,00 €"), ("-20 %", "49,90 €", "39,90 €"),
                                          ("\u221221 %", "49,90 €", "39,90 €")])
def test_a_far_image_flag_matching_the_struck_price_is_a_reduction_not_a_coupon(flag, was, now):
    result = judge(CouponConditionsHidden, shop([_flagged_product(flag, was, now)]))
    assert result.verdict == "pass" and "no coupon" in result.reason, result.reason


@pytest.mark.parametrize("flag,was,now,kind", [
    ("-20%", "69,90 €", "49,90 €", "product"),  # the prices differ by 29 %: the flag promises something else
    ("-20%", "50,00 €", "40,00 €", "home"),  # not a product page: a sitewide "-20%" stays a promotion claim
    ("-20% sur tout le site", "50,00 €", "40,00 €", "product"),  # more than a bare flag
])
def test_a_flag_that_is_not_the_pages_price_cut_stays_a_claim(flag, was, now, kind):
    result = judge(CouponConditionsHidden, shop([_flagged_product(flag, was, now, kind)]))
    assert result.verdict == "fail", result.reason
    assert result.findings[0].text == flag


def test_the_label_of_a_purchase_option_is_not_a_promotion_but_a_banner_is():
    from auditor.artifacts import Control
    page = home(["Subscribe & save 15%", "Get 15% off this week"], "en")
    page.controls = [Control(kind="radio", name="purchase", label="Subscribe & save 15% · Delivered every month",
                             checked=True, locator="#plan-sub"),
                     Control(kind="radio", name="purchase", label="One-time purchase", locator="#plan-once")]
    result = judge(CouponConditionsHidden, shop([page]))
    assert [f.text for f in result.findings] == ["Get 15% off this week"]
