"""The shopper journey on fixture shops: it reaches the last step, records the ledger, and stops."""

from decimal import Decimal

import pytest

from tests.conftest import read_json

pytestmark = pytest.mark.browser
SHOPS_USED = ["demo", "ua-woo-honest"]  # audits these tests read (see conftest.audited)


def money(value) -> Decimal:
    return Decimal(str(value))


def test_demo_journey_reaches_the_review_step_and_stops_before_place_order(audited, shop_server):
    report, base, _proc, out = audited("demo")
    journey = report["journey"]
    assert journey["reached"] == "checkout-review"
    assert journey["guest_checkout"] is True
    assert journey["stop"]["button"]["text"] == "Place order"
    assert "place the order" in journey["stop"]["reason"]
    kinds = [s["kind"] for s in journey["steps"]]
    assert kinds.index("cart") < kinds.index("checkout-address") < kinds.index("checkout-shipping") < kinds.index("checkout-review")
    # Nothing reached the shop's order endpoint.
    assert not [r for r in shop_server("demo").recorder.requests if "order" in r["path"]]


def test_demo_journey_records_a_ledger_that_adds_up(audited):
    report, *_ = audited("demo")
    steps = report["journey"]["steps"]
    added = [a for a in report["journey"]["added"] if a["purpose"] == "checkout"]
    assert len(added) == 2 and all(a["accepted"] and a["unit_price"] for a in added)
    cart = next(s for s in steps if s["kind"] == "cart")
    items = [ln for ln in cart["ledger"]["lines"] if ln["kind"] == "item"]
    assert sum(money(ln["amount"]) for ln in items) == sum(money(a["unit_price"]) for a in added)
    review = next(s for s in steps if s["kind"] == "checkout-review")
    lines = {ln["kind"]: money(ln["amount"]) for ln in review["ledger"]["lines"] if ln["kind"] != "item"}
    assert lines["shipping"] == Decimal("3.95")
    assert lines["fee"] == Decimal("1.20")  # the card handling fee, first shown at this step
    assert money(review["ledger"]["total"]) == lines["subtotal"] + lines["addon"] + lines["shipping"] + lines["fee"]
    assert review["ledger"]["currency"] == "GBP"


def test_demo_journey_records_every_shipping_option_with_its_price(audited):
    report, *_ = audited("demo")
    shipping = next(s for s in report["journey"]["steps"] if s["kind"] == "checkout-shipping")
    prices = sorted(money(o["amount"]) for o in shipping["shipping_options"])
    assert prices == [Decimal("3.95"), Decimal("7.95")]
    assert sum(o["selected"] for o in shipping["shipping_options"]) == 1


def test_journey_pages_are_in_the_artifacts_with_their_snapshots(audited):
    report, _base, _proc, out = audited("demo")
    artifacts = read_json(out / "artifacts.json")
    for step in artifacts["journey"]["steps"]:
        page = artifacts["pages"][step["page"]]
        assert page["found_from"] == "journey"
        assert page["final_url"] == step["url"]


def test_single_page_checkout_stops_before_its_order_button(audited, shop_server):
    report, *_ = audited("ua-woo-honest")
    journey = report["journey"]
    assert journey["reached"] == "checkout-review"
    assert journey["stop"]["button"]["text"] == "Підтвердити замовлення"
    assert journey["guest_checkout"] is True
    options = journey["steps"][-1]["shipping_options"]
    assert len(options) == 2
    assert not shop_server("shops/ua-woo-honest").recorder.requests
