"""Runs last (see conftest.pytest_collection_modifyitems): after the whole suite, no fixture
shop received a single request on an order or payment endpoint."""

import json

import pytest

from tests.conftest import ORDER_LOG

# It judges the browser tests' traffic, so it belongs with them (deselected by -m "not browser").
pytestmark = pytest.mark.browser


def test_no_fixture_shop_ever_received_an_order_or_payment(request):
    ran = [item for item in request.session.items if item.name != request.node.name
           and ("browser" in item.keywords or "integration" in item.keywords)]
    entries = [json.loads(line) for line in ORDER_LOG.read_text(encoding="utf-8").splitlines() if line.strip()]
    orders = [e for e in entries if any(w in e["path"].lower() for w in ("order", "pay", "checkout"))]
    assert not orders, f"{len(orders)} order/payment request(s) reached a fixture: {orders[:3]}"
    # The assertion means something only if audits ran in this session.
    assert ran, "no browser test ran in this session"
