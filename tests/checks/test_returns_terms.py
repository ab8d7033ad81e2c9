"""returns-terms on hand-made policy pages: English, German, Ukrainian and Hebrew, under each profile."""

from checks.policies.returns_terms import ReturnsTerms
from tests.builders import artifacts, judge, page

COMPLETE_EN = [
    "Returns and refunds",
    "You may return any item within 30 days of delivery.",
    "The 30-day period starts from the day you receive your order.",
    "Items must be unused and in their original packaging with tags attached.",
    "Return shipping is free: we send you a prepaid return label.",
    "We refund you to the original payment method within 14 days of receiving the return.",
    "To start a return, fill in the return form in your account or email returns@shop.test.",
    "You may use the model withdrawal form below, but you do not have to.",
]
INCOMPLETE_EN = [
    "Returns",
    "You can return items within 30 days.",
    "Goods must be unused and in original packaging.",
    "Email us to start a return.",
]
COMPLETE_DE = [
    "Widerrufsbelehrung",
    "Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen.",
    "Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag, an dem Sie die Waren in Besitz genommen haben.",
    "Bitte senden Sie die Ware unbenutzt und in der Originalverpackung zurück.",
    "Sie tragen die unmittelbaren Kosten der Rücksendung der Waren.",
    "Für die Rückzahlung verwenden wir dasselbe Zahlungsmittel, das Sie bei der ursprünglichen Transaktion eingesetzt haben.",
    "Wir erstatten Ihnen alle Zahlungen unverzüglich und spätestens binnen vierzehn Tagen.",
    "Um Ihr Widerrufsrecht auszuüben, müssen Sie uns mittels einer eindeutigen Erklärung informieren.",
    "Sie können dafür das beigefügte Muster-Widerrufsformular verwenden.",
]
COMPLETE_UK = [
    "Повернення та обмін",
    "Ви можете повернути товар протягом 14 днів з дня отримання замовлення.",
    "Товар повинен бути без слідів використання, зі збереженими ярликами та в оригінальній упаковці.",
    "Вартість зворотної доставки оплачує покупець, крім випадків виявлення браку.",
    "Кошти повертаються на ту саму картку, якою було здійснено оплату, протягом 14 днів.",
    "Щоб оформити повернення, напишіть нам на email або зателефонуйте.",
]
COMPLETE_HE = [
    "מדיניות ביטול עסקה",
    "ניתן לבטל את העסקה תוך 14 יום מיום קבלת המוצר.",
    "ההחזר הכספי יבוצע לכרטיס האשראי שבו בוצע התשלום, תוך 14 ימים מקבלת הודעת הביטול.",
    "לביטול עסקה יש לשלוח הודעה בדוא\"ל או בטלפון.",
    "בעת ביטול ייגבו דמי ביטול בשיעור 5% ממחיר העסקה או 100 ש\"ח, הנמוך מביניהם.",
]


def policy(texts, lang="en", path="/returns"):
    return page(path, "policy", texts, lang=lang, policy_kinds=["returns"])


def test_complete_english_policy_passes():
    result = judge(ReturnsTerms, artifacts(pages=[policy(COMPLETE_EN)]))
    assert result.verdict == "pass", [f.message for f in result.findings]
    table = result.details["elements"]
    assert all(table[e]["status"] == "present" for e in table if table[e]["required"])
    assert table["period"]["page"] == "http://shop.test/returns"


def test_complete_german_withdrawal_notice_passes_in_the_eu():
    result = judge(ReturnsTerms, artifacts(pages=[policy(COMPLETE_DE, "de", "/widerruf")]))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_complete_ukrainian_policy_passes_under_the_ukrainian_profile():
    result = judge(ReturnsTerms, artifacts(pages=[policy(COMPLETE_UK, "uk", "/povernennya")]), jurisdiction="UA")
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_the_same_ukrainian_policy_lacks_the_model_withdrawal_form_under_the_eu_profile():
    result = judge(ReturnsTerms, artifacts(pages=[policy(COMPLETE_UK, "uk", "/povernennya")]), jurisdiction="EU")
    assert result.verdict == "fail"
    assert {f.key for f in result.findings} == {"withdrawal_form"}


def test_complete_hebrew_cancellation_policy_passes_under_the_israeli_profile():
    result = judge(ReturnsTerms, artifacts(pages=[policy(COMPLETE_HE, "he", "/bitul")]), jurisdiction="IL")
    assert result.verdict == "pass", [f.message for f in result.findings]
    assert result.details["elements"]["cancellation_fee"]["status"] == "present"


def test_israeli_cancellation_fee_above_the_cap_is_critical():
    texts = COMPLETE_HE[:-1] + ["בעת ביטול ייגבו דמי ביטול בשיעור 10% ממחיר העסקה."]
    result = judge(ReturnsTerms, artifacts(pages=[policy(texts, "he", "/bitul")]), jurisdiction="IL")
    assert result.verdict == "fail"
    fee = next(f for f in result.findings if f.key == "fee-above-cap")
    assert fee.severity == "critical" and "10%" in fee.message


def test_incomplete_policy_names_each_missing_element_with_quotes_for_the_rest():
    result = judge(ReturnsTerms, artifacts(pages=[policy(INCOMPLETE_EN)]))
    assert result.verdict == "fail"
    missing = {f.key for f in result.findings}
    assert missing == {"period_start", "shipping_payer", "refund_method", "refund_time", "withdrawal_form"}
    assert result.details["elements"]["period"]["quote"] == "You can return items within 30 days."
    assert result.reason == "5 of 8 required elements missing or vague"


def test_incomplete_ukrainian_policy_fails():
    texts = ["Повернення", "Повернути товар можна протягом 14 днів."]
    result = judge(ReturnsTerms, artifacts(pages=[policy(texts, "uk")]), jurisdiction="UA")
    assert result.verdict == "fail"
    assert "period" not in {f.key for f in result.findings}


def test_vague_refund_time_is_reported_as_vague_with_its_quote():
    texts = COMPLETE_EN[:5] + ["Refunds go back to the original payment method and are processed promptly."] + COMPLETE_EN[6:]
    result = judge(ReturnsTerms, artifacts(pages=[policy(texts)]))
    assert result.verdict == "fail"
    finding = next(f for f in result.findings if f.key == "refund_time")
    assert "vague" in finding.message and "promptly" in finding.text


def test_period_shorter_than_the_statutory_fourteen_days_is_critical():
    texts = [t.replace("30 days", "7 days").replace("30-day", "7-day") for t in COMPLETE_EN]
    result = judge(ReturnsTerms, artifacts(pages=[policy(texts)]))
    short = next(f for f in result.findings if f.key == "period-too-short")
    assert short.severity == "critical" and "7 days" in short.message and "14" in short.message
    assert not any(f.key == "period-too-short" for f in judge(ReturnsTerms, artifacts(pages=[policy(texts)]),
                                                               jurisdiction="US-CA").findings)


def test_no_returns_statement_is_critical_in_the_eu_but_lawful_if_disclosed_in_california():
    texts = COMPLETE_EN + ["Sale items: all sales are final."]
    result = judge(ReturnsTerms, artifacts(pages=[policy(texts)]))
    assert any(f.key == "no-returns" and f.severity == "critical" for f in result.findings)
    ca = judge(ReturnsTerms, artifacts(pages=[policy(texts)]), jurisdiction="US-CA")
    assert ca.verdict == "pass", [f.message for f in ca.findings]


def test_california_needs_period_condition_and_refund_method_only():
    texts = ["Refund policy", "Unworn items can be returned within 30 days for store credit."]
    ca = judge(ReturnsTerms, artifacts(pages=[policy(texts)]), jurisdiction="US-CA")
    assert ca.verdict == "pass", [f.message for f in ca.findings]
    eu = judge(ReturnsTerms, artifacts(pages=[policy(texts)]), jurisdiction="EU")
    assert eu.verdict == "fail"


def test_shop_without_any_returns_page_fails_when_other_policies_were_found():
    pages = [page("/", "home", ["Welcome"]), page("/privacy", "policy", ["Privacy"], policy_kinds=["privacy"])]
    result = judge(ReturnsTerms, artifacts(pages=pages))
    assert result.verdict == "fail"
    assert result.findings[0].key == "no-policy"


def test_returns_terms_stated_on_a_product_page_count():
    product = page("/p/socks", "product", ["Merino socks", "£12.00",
                                            "Free returns within 30 days of delivery, refunded to your card within 14 days."])
    pages = [product, page("/privacy", "policy", ["Privacy"], policy_kinds=["privacy"])]
    result = judge(ReturnsTerms, artifacts(pages=pages))
    assert not any(f.key == "no-policy" for f in result.findings)
    table = result.details["elements"]
    assert table["period"]["status"] == "present" and table["period"]["page"] == "http://shop.test/p/socks"
    assert table["refund_time"]["status"] == "present"


def test_delivery_times_on_a_product_page_are_not_a_return_period():
    product = page("/p/socks", "product", ["Merino socks", "Dispatched within 2 working days."])
    pages = [product, page("/privacy", "policy", ["Privacy"], policy_kinds=["privacy"])]
    result = judge(ReturnsTerms, artifacts(pages=pages))
    assert result.findings[0].key == "no-policy"


def test_returns_section_inside_terms_page_counts():
    terms = page("/terms", "policy", ["Terms of sale"] + COMPLETE_EN[1:], policy_kinds=["terms"])
    assert judge(ReturnsTerms, artifacts(pages=[terms])).verdict == "pass"


def test_no_policy_pages_at_all_is_not_assessed():
    assert judge(ReturnsTerms, artifacts(pages=[page("/", "home", ["Hi"])])).verdict == "not-assessed"


def test_linked_but_unvisited_returns_page_is_not_assessed():
    arts = artifacts(pages=[page("/", "home", ["Hi"]), page("/privacy", "policy", ["Privacy"], policy_kinds=["privacy"])],
                     skipped=[{"url": "http://shop.test/returns-policy", "reason": "page budget (--max-pages) reached"}])
    result = judge(ReturnsTerms, arts)
    assert result.verdict == "not-assessed" and "returns-policy" in result.reason


def test_the_statutory_exceptions_of_a_german_withdrawal_notice_do_not_exclude_returns():
    texts = ["Widerrufsbelehrung", "Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen.",
             "Das Widerrufsrecht besteht nicht bei Verträgen zur Lieferung von Waren, die nach Kundenspezifikation angefertigt werden.",
             "Das Widerrufsrecht erlischt vorzeitig bei Verträgen zur Lieferung versiegelter Waren, deren Versiegelung nach der Lieferung entfernt wurde."]
    result = judge(ReturnsTerms, artifacts(pages=[policy(texts, lang="de")]))
    assert not any(f.key == "no-returns" for f in result.findings), [f.message for f in result.findings]
    blanket = judge(ReturnsTerms, artifacts(pages=[policy(texts + ["Reduzierte Artikel sind vom Umtausch ausgeschlossen."], lang="de")]))
    assert any(f.key == "no-returns" for f in blanket.findings)
