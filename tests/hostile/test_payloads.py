"""A shop full of payloads and of buttons that pay (issue 8, items 9 and 10).

Item 9: product names, policy text, button labels, page titles and the start URL carry script,
`<img onerror>`, SVG, CSS and `javascript:` payloads that would change the report's title, call
`fetch` to the fixture server or `alert` if they ever ran. The HTML report is opened in Chromium:
the payloads are there as text, nothing ran, and its Content-Security-Policy is in place. A
control page renders the same payload raw, to prove the beacon would have caught it.

Item 10: a "Continue" that posts to a payment endpoint, a "Continue and pay" that posts to a
neutral URL, a "Continue" whose script POSTs to /pay, a page that pays on load, and a cookie
banner whose "OK" submits a payment form: the payment endpoints never hear from the auditor.
"""

from __future__ import annotations

import html
import re
import time

import pytest

from fixtures.hostile import hits
from tests.hostile.conftest import assert_partial, base

pytestmark = pytest.mark.browser

PAYLOAD_TEXTS = [
    "<script>document.title='PWNED'",  # page title, policy text
    "<img src=x onerror=",  # product name, button label
    "<svg onload=",  # paid extra's label, delivery text
    "<style>body{background:url(",  # heading
    "\"><script>alert('xss')</script>",  # policy title, button label
]


@pytest.fixture(scope="module")
def shop(hostile, audit):
    server, recorder = hostile
    url = base(server) + "/shop/index.html?q=<script>alert(1)</script>"
    result = audit("9+10 payload shop with paying buttons", url, "--loads", "0", "--repeat-pages", "0",
                   "--timeout", "5", "--max-pages", "15", "--max-duration", "180", "--quiet")
    return result, server, recorder


def test_the_audit_of_the_payload_shop_completes(shop):
    audit, _, _ = shop
    assert_partial(audit, 120)
    assert audit.report["journey"]["reached"] == "checkout-payment"


# --- 9. payloads render inert --------------------------------------------------------------------

def test_payloads_reach_the_report_as_text(shop, page):
    audit, _, _ = shop
    page.goto((audit.out / "report.html").as_uri())
    text = page.inner_text("body")
    for payload in PAYLOAD_TEXTS:
        assert payload in text, f"payload not shown as text: {payload}"
    raw = (audit.out / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", raw, re.I)
    assert "<script" not in raw.lower().replace("&lt;script", "")


def test_nothing_in_the_report_runs(shop, page):
    audit, _, recorder = shop
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    before = len(hits(recorder, "payload-ran"))
    page.goto((audit.out / "report.html").as_uri())
    page.wait_for_timeout(1500)
    assert page.title().startswith("Shop audit: ") and "PWNED" not in page.title()
    assert dialogs == []
    assert hits(recorder, "payload-ran")[before:] == []
    assert page.evaluate("() => document.scripts.length") == 0


def test_the_report_carries_a_strict_content_security_policy(shop, page):
    audit, _, _ = shop
    page.goto((audit.out / "report.html").as_uri())
    csp = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert csp is not None
    for directive in ("default-src 'none'", "script-src 'none'", "object-src 'none'", "form-action 'none'",
                      "img-src data:"):
        assert directive in csp, csp


def test_control_the_same_payload_rendered_raw_would_be_caught(shop, page, tmp_path):
    """Proof that the two tests above can fail: unescaped and without a CSP, it phones home."""
    audit, server, recorder = shop
    name = next(p["title"] for p in audit.artifacts["pages"] if p["url"].endswith("/shop/product.html"))
    assert "onerror=" in name
    unsafe = tmp_path / "unsafe.html"
    unsafe.write_text(f"<!doctype html><title>control</title><p>{name}</p>", encoding="utf-8")
    before = len(hits(recorder, "payload-ran"))
    page.goto(unsafe.as_uri())
    deadline = time.monotonic() + 5
    while len(hits(recorder, "payload-ran")) == before and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert len(hits(recorder, "payload-ran")) > before
    assert html.escape(name) != name  # what the report does instead


# --- 10. buttons and forms that pay ---------------------------------------------------------------

def test_no_payment_endpoint_was_ever_reached(shop):
    _, _, recorder = shop
    assert hits(recorder, "payment") == [], [r["path"] for r in hits(recorder, "payment")]


def test_the_journey_stood_before_the_paying_buttons_and_pressed_none(shop):
    audit, _, _ = shop
    journey = audit.report["journey"]
    payment_steps = [s for s in journey["steps"] if s["kind"] == "checkout-payment"]
    assert payment_steps
    labels = {b["text"] for s in payment_steps for b in s["buttons"]}
    assert any(label.startswith("Continue and pay") for label in labels) and "Continue" in labels
    # Only the scripted "Continue" was pressed, and its POST to /pay was stopped by the guard.
    assert any("/pay/charge" in note for note in journey["notes"]), journey["notes"]


def test_a_page_that_pays_on_load_is_stopped_and_named(shop):
    audit, _, _ = shop
    errors = " | ".join(audit.errors_for("/shop/offer.html"))
    for endpoint in ("/pay/beacon", "/payment/fetch", "/payment/auto"):
        assert endpoint in errors, errors


def test_a_banner_button_that_submits_a_payment_form_pays_nothing(shop):
    """The banner's only way out is an "OK" inside a payment form: it is pressed (a shopper
    would), and the POST it starts is refused by the crawl's guard (or never leaves at all)."""
    audit, _, recorder = shop
    home = audit.artifacts["pages"][0]
    assert "/shop/index.html" in home["url"]
    assert [o["dismissed_by"] for o in home["overlays"]] == ["OK"]
    assert not [r for r in hits(recorder, "payment") if "/payment/overlay" in r["path"]]
