"""returns-terms on hand-made policy pages, in English and Ukrainian."""

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
]
INCOMPLETE_EN = [
    "Returns",
    "You can return items within 30 days.",
    "Goods must be unused and in original packaging.",
    "Email us to start a return.",
]
COMPLETE_UK = [
    "Повернення та обмін",
    "Ви можете повернути товар протягом 14 днів з дня отримання замовлення.",
    "Товар повинен бути без слідів використання, зі збереженими ярликами та в оригінальній упаковці.",
    "Вартість зворотної доставки оплачує покупець, крім випадків виявлення браку.",
    "Кошти повертаються на ту саму картку, якою було здійснено оплату, протягом 14 днів.",
    "Щоб оформити повернення, напишіть нам на email або зателефонуйте.",
]


def policy(texts, lang="en", path="/returns"):
    return page(path, "policy", texts, lang=lang, policy_kinds=["returns"])


def test_complete_english_policy_passes():
    result = judge(ReturnsTerms, artifacts(pages=[policy(COMPLETE_EN)]))
    assert result.verdict == "pass", [f.message for f in result.findings]
    assert all(v["status"] == "present" for v in result.details["elements"].values())


def test_complete_ukrainian_policy_passes():
    result = judge(ReturnsTerms, artifacts(pages=[policy(COMPLETE_UK, "uk", "/povernennya")]))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_incomplete_policy_names_each_missing_element_with_quotes_for_the_rest():
    result = judge(ReturnsTerms, artifacts(pages=[policy(INCOMPLETE_EN)]))
    assert result.verdict == "fail"
    missing = {f.key for f in result.findings}
    assert missing == {"period_start", "shipping_payer", "refund_method", "refund_time"}
    assert result.details["elements"]["period"]["quote"] == "You can return items within 30 days."


def test_incomplete_ukrainian_policy_fails():
    texts = ["Повернення", "Повернути товар можна протягом 14 днів."]
    result = judge(ReturnsTerms, artifacts(pages=[policy(texts, "uk")]))
    assert result.verdict == "fail"
    assert "period" not in {f.key for f in result.findings}


def test_no_returns_statement_is_critical():
    texts = COMPLETE_EN + ["Sale items: all sales are final."]
    result = judge(ReturnsTerms, artifacts(pages=[policy(texts)]))
    assert result.verdict == "fail"
    assert any(f.key == "no-returns" and f.severity == "critical" for f in result.findings)


def test_shop_without_any_returns_page_fails_when_other_policies_were_found():
    pages = [page("/", "home", ["Welcome"]), page("/privacy", "policy", ["Privacy"], policy_kinds=["privacy"])]
    result = judge(ReturnsTerms, artifacts(pages=pages))
    assert result.verdict == "fail"
    assert result.findings[0].key == "no-policy"


def test_returns_section_inside_terms_page_counts():
    terms = page("/terms", "policy", ["Terms of sale"] + COMPLETE_EN[1:], policy_kinds=["terms"])
    assert judge(ReturnsTerms, artifacts(pages=[terms])).verdict == "pass"


def test_no_policy_pages_at_all_is_not_assessed():
    assert judge(ReturnsTerms, artifacts(pages=[page("/", "home", ["Hi"])])).verdict == "not-assessed"
