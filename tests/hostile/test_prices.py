"""Odd prices (issue 8, item 11): "Free", "0,00 €", a negative amount, a billion, and a price
with no currency, on product pages, in the cart and at checkout. Nothing crashes, every price
is read as what it says, and no price check reports nonsense about an honest shop."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fixtures.hostile import hits
from tests.hostile.conftest import assert_partial, base

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def prices(hostile, audit):
    server, recorder = hostile
    result = audit("11 odd prices (with the journey)", base(server) + "/prices/", "--loads", "0",
                   "--repeat-pages", "0", "--no-screenshots", "--timeout", "5", "--max-pages", "15",
                   "--max-duration", "180", "--quiet")
    return result, recorder


def shown(audit, name: str) -> list[tuple[str, Decimal | None, str | None]]:
    page = next(p for p in audit.artifacts["pages"] if p["url"].endswith("/prices/" + name))
    return [(m["text"], None if m["amount"] is None else Decimal(m["amount"]), m["currency"]) for m in page["prices"]]


def test_odd_prices_crash_nothing(prices):
    audit, recorder = prices
    assert_partial(audit, 120)
    report = audit.report
    assert report["errors"] == []
    assert not [c["id"] for c in report["checks"] if "failed internally" in c["reason"]]
    assert report["journey"]["reached"] == "checkout-review"
    assert hits(recorder, "payment") == []


def test_each_odd_price_is_read_as_what_it_says(prices):
    audit, _ = prices
    assert shown(audit, "free.html") == [("Free", Decimal("0"), "GBP")]
    assert shown(audit, "euro-zero.html") == [("0,00 €", Decimal("0.00"), "EUR")]
    assert shown(audit, "credit.html") == [("−£5.00", Decimal("-5.00"), "GBP")]
    assert shown(audit, "billion.html") == [("£1,000,000,000.00", Decimal("1000000000.00"), "GBP")]
    # No currency anywhere (not even in structured data): none is invented.
    assert shown(audit, "nocurrency.html") == [("12.50", Decimal("12.50"), None)]


def test_the_price_ledger_adds_up_with_negative_and_zero_lines(prices):
    audit, _ = prices
    cart = next(s for s in audit.report["journey"]["steps"] if s["kind"] == "cart")
    assert Decimal(cart["ledger"]["total"]) == Decimal("-5.00")
    assert cart["ledger"]["currency"] == "GBP"


def test_no_price_check_reports_nonsense_about_an_honest_shop(prices):
    audit, _ = prices
    for check in audit.report["checks"]:
        if check["category"] in ("price-transparency", "promotions", "stock"):
            assert check["verdict"] != "fail", (check["id"], [f["message"] for f in check["findings"]])
    verdicts = {c["id"]: c["verdict"] for c in audit.report["checks"]}
    assert verdicts["totals-mismatch"] == "pass" and verdicts["drip-pricing"] == "pass"
