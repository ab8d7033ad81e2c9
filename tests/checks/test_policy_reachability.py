"""policy-reachability: click distance from product and checkout pages over the crawled link graph."""

from auditor.artifacts import Journey, JourneyStep, Link
from checks.policies.policy_reachability import PolicyReachability
from tests.builders import BASE, artifacts, judge, link, page

FOOTER_EN = [link("/returns.html", "Returns & refunds"), link("/delivery.html", "Delivery information"),
             link("/terms.html", "Terms & conditions"), link("/contact.html", "Contact us")]
FOOTER_DE = [link("/widerruf", "Widerrufsbelehrung"), link("/versand", "Versand & Zahlung"),
             link("/agb", "AGB"), link("/impressum", "Impressum")]
FOOTER_HE = [link("/returns", "מדיניות החזרות"), link("/shipping", "משלוחים"), link("/takanon", "תקנון האתר"),
             link("/contact", "צור קשר")]


def policies():
    return [page("/returns.html", "policy", ["Returns"], policy_kinds=["returns"]),
            page("/delivery.html", "policy", ["Delivery"], policy_kinds=["delivery"]),
            page("/terms.html", "policy", ["Terms"], policy_kinds=["terms"]),
            page("/contact.html", "policy", ["Contact"], policy_kinds=["contact"])]


def product(links, path="/p/jacket", lang="en"):
    return page(path, "product", ["Down jacket", "£149.00"], lang=lang, links=links)


def keys(result):
    return {f.key for f in result.findings}


def test_footer_links_on_product_and_checkout_pages_pass():
    pages = [product(FOOTER_EN), page("/checkout", "checkout", ["Your details"], links=FOOTER_EN)] + policies()
    result = judge(PolicyReachability, artifacts(pages=pages))
    assert result.verdict == "pass", [f.message for f in result.findings]
    assert result.details["distances"]["product"]["returns"] == {BASE + "/p/jacket": 1}


def test_policy_behind_a_help_page_is_two_clicks_away():
    help_page = page("/help", "other", ["Help"], links=[link("/returns.html", "Returns & refunds", "main")])
    links = [link("/help", "Help"), *FOOTER_EN[1:]]
    result = judge(PolicyReachability, artifacts(pages=[product(links), help_page] + policies()))
    assert result.verdict == "fail"
    assert keys(result) == {"product:returns"}
    finding = result.findings[0]
    assert "2 clicks away" in finding.message and finding.url == BASE + "/p/jacket"
    assert finding.evidence["pages"] == {BASE + "/p/jacket": 2}


def test_policy_not_linked_at_all():
    result = judge(PolicyReachability, artifacts(pages=[product(FOOTER_EN[:3])] + policies()))
    assert keys(result) == {"product:contact"}
    assert "not linked at all" in result.findings[0].message


def test_checkout_policy_links_seen_by_the_journey_count():
    checkout = page("/checkout", "checkout", ["Payment"], links=[])
    step = JourneyStep(index=4, kind="checkout-payment", url=BASE + "/checkout", page=1,
                       policy_links=[Link(href=BASE + "/returns.html", text="Returns"),
                                     Link(href=BASE + "/delivery.html", text="Shipping policy"),
                                     Link(href=BASE + "/terms.html", text="Terms of service"),
                                     Link(href=BASE + "/contact.html", text="Contact")])
    pages = [product(FOOTER_EN), checkout] + policies()
    result = judge(PolicyReachability, artifacts(pages=pages, journey=Journey(reached="checkout-payment", steps=[step])))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_bare_checkout_page_without_policy_links_fails():
    checkout = page("/checkout", "checkout", ["Payment"], links=[link("/", "Back to shop", "header")])
    result = judge(PolicyReachability, artifacts(pages=[product(FOOTER_EN), checkout] + policies()))
    assert keys(result) == {"checkout:returns", "checkout:delivery", "checkout:terms", "checkout:contact"}


def test_german_link_texts_identify_unvisited_policies():
    result = judge(PolicyReachability, artifacts(pages=[product(FOOTER_DE, "/p/tee", "de")]))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_hebrew_link_texts_under_the_israeli_profile():
    result = judge(PolicyReachability, artifacts(pages=[product(FOOTER_HE, "/p/kos", "he")]), jurisdiction="IL")
    assert result.verdict == "pass", [f.message for f in result.findings]
    result = judge(PolicyReachability, artifacts(pages=[product(FOOTER_HE[1:], "/p/kos", "he")]), jurisdiction="IL")
    assert keys(result) == {"product:returns"}


def test_california_requires_returns_and_contact_only():
    links = [FOOTER_EN[0], FOOTER_EN[3]]
    result = judge(PolicyReachability, artifacts(pages=[product(links)] + policies()), jurisdiction="US-CA")
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_a_sentence_mentioning_returns_is_not_a_policy_link():
    links = [link("/sale", "Huge sale on jackets — free returns and free delivery on everything this week", "main"),
             *FOOTER_EN[2:]]
    result = judge(PolicyReachability, artifacts(pages=[product(links)]))
    assert {"product:returns", "product:delivery"} <= keys(result)


def test_no_product_or_checkout_page_is_not_assessed():
    result = judge(PolicyReachability, artifacts(pages=[page("/", "home", ["Hi"], links=FOOTER_EN)]))
    assert result.verdict == "not-assessed"
