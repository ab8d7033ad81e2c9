"""hard-to-cancel on hand-made offers and policies: German, Russian, Hebrew, English, Arabic."""

from auditor.artifacts import Control, Link, Option
from checks.choice_architecture.hard_to_cancel import HardToCancel
from tests.builders import BASE, artifacts, checkbox, judge, page


def purchase_radios(sub_label: str, once_label: str, sub_checked: bool) -> list[Control]:
    return [Control(kind="radio", name="purchase_type", label=sub_label, checked=sub_checked, locator="#sub"),
            Control(kind="radio", name="purchase_type", label=once_label, checked=not sub_checked, locator="#once")]


def test_subscription_selected_over_one_off_purchase_fails_german():
    product = page("/p/kaffee", "product", ["Bio-Kaffee 500 g"], lang="de", controls=purchase_radios(
        "Spar-Abo: alle 4 Wochen liefern, 10 % sparen", "Einmalkauf", sub_checked=True))
    result = judge(HardToCancel, artifacts(pages=[product]))
    assert result.verdict == "fail"
    forced = [f for f in result.findings if f.key == "forced subscription"]
    assert forced and forced[0].locator == "#sub"


def test_subscription_cancellable_only_by_phone_fails_russian():
    product = page("/p/kofe", "product", ["Кофе в зёрнах — подписка: доставка каждый месяц, автопродление"], lang="ru",
                   controls=purchase_radios("Подписка — каждый месяц", "Разовая покупка", sub_checked=False))
    terms = page("/pages/podpiska", "policy", ["Отменить подписку можно только по телефону горячей линии "
                                                "или письменным заявлением в офисе."], lang="ru", policy_kinds=["subscription"])
    result = judge(HardToCancel, artifacts(pages=[product, terms]))
    assert result.verdict == "fail"
    (finding,) = result.findings
    assert finding.key == "no online cancellation"
    assert "по телефону" in finding.message
    assert finding.evidence["barriers"]


def test_subscription_with_an_online_cancel_link_passes_hebrew():
    product = page("/p/kafe", "product", ["מנוי קפה חודשי: משלוח כל חודש, חידוש אוטומטי"], lang="he",
                   controls=purchase_radios("מנוי חודשי", "רכישה חד פעמית", sub_checked=False),
                   links=[Link(href=BASE + "/account/subscriptions", text="ניהול מנוי", region="main")])
    result = judge(HardToCancel, artifacts(pages=[product]))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_subscription_with_an_online_cancellation_statement_passes():
    product = page("/p/coffee", "product", ["Coffee subscription, billed monthly. Cancel online in your account at any time."])
    assert judge(HardToCancel, artifacts(pages=[product])).verdict == "pass"


def test_subscription_with_no_word_on_cancelling_fails():
    product = page("/p/coffee", "product", ["Coffee subscription: delivered monthly, renews automatically."])
    result = judge(HardToCancel, artifacts(pages=[product]))
    assert result.verdict == "fail"
    assert "never states" in result.findings[0].message


def test_required_or_preticked_subscription_box_fails():
    required = checkbox("Join the Plus membership (£7.99 per month)", False, required=True)
    result = judge(HardToCancel, artifacts(pages=[page("/checkout", "checkout", ["Checkout"], controls=[required])]))
    assert any("cannot be placed" in f.message for f in result.findings)
    ticked = Control(kind="select", name="plan", locator="#plan", options=[
        Option(text="اشتراك شهري — يتجدد تلقائيا", selected=True), Option(text="شراء لمرة واحدة")])
    result = judge(HardToCancel, artifacts(pages=[page("/ar/p/1", "product", ["قهوة"], lang="ar", controls=[ticked])]))
    assert any(f.key == "forced subscription" for f in result.findings)


def test_newsletter_box_and_plain_shop_are_not_subscriptions():
    news = checkbox("Subscribe to our newsletter", False)
    result = judge(HardToCancel, artifacts(pages=[page("/checkout", "checkout", ["Checkout"], controls=[news]),
                                                  page("/p/1", "product", ["A lamp. Pay in 3 instalments per month."])]))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_unsubscribing_by_letter_only_fails():
    privacy = page("/privacy", "policy", ["To unsubscribe from our newsletter, send a written notice by registered letter."],
                   policy_kinds=["privacy"])
    result = judge(HardToCancel, artifacts(pages=[page("/p/1", "product", ["A lamp"]), privacy]))
    assert result.verdict == "fail"
    assert result.findings[0].key == "unsubscribe barrier"


def test_no_shop_page_is_not_assessed():
    assert judge(HardToCancel, artifacts(pages=[page("/about", "policy", ["About us"])])).verdict == "not-assessed"


def test_subscribe_and_save_is_a_subscription_though_it_says_subscribe():
    product = page("/products/coffee", "product", ["Morning Ritual Coffee"], lang="en", controls=purchase_radios(
        "Subscribe & save 15%", "One-time purchase", sub_checked=True))
    result = judge(HardToCancel, artifacts(pages=[product]))
    forced = [f for f in result.findings if f.key == "forced subscription"]
    assert forced and forced[0].locator == "#sub" and "Subscribe" in forced[0].text
    newsletter = page("/", "home", ["Welcome"], lang="en", controls=[checkbox("Subscribe to our newsletter", True)])
    assert not [f for f in judge(HardToCancel, artifacts(pages=[newsletter])).findings if f.key == "forced subscription"]
