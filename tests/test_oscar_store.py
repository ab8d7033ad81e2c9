"""The real storefront: django-oscar from PyPI, our tests/oscar_shop project, on loopback.

These tests prove the store is what the journey tests need (products with prices and stock,
one sold out, a guest checkout with two delivery options up to the preview) and that the
harness can see its orders and baskets; the last one audits it through the CLI.
"""

from __future__ import annotations

import json
from decimal import Decimal

import re
import shutil
import sqlite3
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import closing
from http.cookiejar import CookieJar
from pathlib import Path

import lxml.html
import psutil
import pytest

from tests.conftest import run_cli
from tests.oscar_harness import OscarStore, fresh_oscar_store, oscar_store, oscar_template  # noqa: F401

pytestmark = pytest.mark.integration

CATALOGUE = {  # title -> (price, in stock?), as tests/oscar_shop/seed.py creates them
    "Organic Cotton T-Shirt": ("£19.99", True),
    "Merino Wool Beanie": ("£14.50", True),
    "Canvas Tote Bag": ("£9.00", True),
    "Waterproof Rain Jacket": ("£89.00", False),
}
POLICIES = {"/delivery/": "Delivery", "/returns/": "Returns", "/terms/": "Terms",
            "/privacy/": "Privacy", "/contact/": "Contact"}
# The CLI run stays inside the module's time budget: a short crawl, and few short repeated
# loads (the Oscar store has no timers to observe; the demo shop's tests cover those).
AUDIT_ARGS = ["--max-pages", "25", "--loads", "2", "--observe", "2", "--repeat-pages", "2",
              "--timeout", "15", "--quiet"]
GUEST_ADDRESS = {"first_name": "Jane", "last_name": "Shopper", "line1": "1 Test Street",
                 "line4": "London", "postcode": "EC1A 1BB"}


class Browser:
    """A cookie-keeping HTTP client that submits the page's own forms, CSRF token included."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        self.url = base_url
        self.doc: lxml.html.HtmlElement | None = None

    def _load(self, req: urllib.request.Request) -> lxml.html.HtmlElement:
        with self.opener.open(req, timeout=15) as resp:
            self.url = resp.geturl()
            self.doc = lxml.html.fromstring(resp.read(), base_url=self.url)
        self.doc.make_links_absolute(self.url)
        return self.doc

    def get(self, path: str) -> lxml.html.HtmlElement:
        return self._load(urllib.request.Request(urllib.parse.urljoin(self.base_url, path)))

    def form(self, action_path: str) -> lxml.html.FormElement:
        assert self.doc is not None
        for form in self.doc.forms:
            if urllib.parse.urlparse(form.action or self.url).path == action_path:
                return form
        raise AssertionError(f"no form posting to {action_path} on {self.url}")

    def submit(self, form: lxml.html.FormElement, **values: str) -> lxml.html.HtmlElement:
        data = dict(form.form_values())
        data.update(values)
        body = urllib.parse.urlencode(data).encode()
        return self._load(urllib.request.Request(form.action or self.url, data=body, method="POST"))

    def text(self) -> str:
        assert self.doc is not None
        return " ".join(self.doc.text_content().split())


def product_url(b: Browser, title: str) -> str:
    doc = b.get("/catalogue/")
    hrefs = {a.get("href") for a in doc.iter("a") if " ".join(a.text_content().split()) == title}
    assert len(hrefs) == 1, f"{title}: {hrefs}"
    return hrefs.pop()


def add_to_basket_forms(b: Browser) -> list[lxml.html.FormElement]:
    assert b.doc is not None
    return [f for f in b.doc.forms if "/basket/add/" in (f.action or "")]


@pytest.fixture(scope="module")
def store(oscar_template: Path) -> Iterator[OscarStore]:  # noqa: F811
    with oscar_store(oscar_template) as running:
        yield running


def test_catalogue_shows_every_product_with_its_price_and_stock(store: OscarStore) -> None:
    b = Browser(store.base_url)
    for title, (price, in_stock) in CATALOGUE.items():
        url = product_url(b, title)
        b.get(url)
        assert b.doc is not None
        heading = " ".join(b.doc.xpath("string(//h1)").split())
        assert heading == title
        assert price in b.text()
        product_id = re.search(r"_(\d+)/$", url).group(1)
        own_add_forms = [f for f in add_to_basket_forms(b) if f.action.endswith(f"/basket/add/{product_id}/")]
        if in_stock:
            assert "In stock" in b.text() and len(own_add_forms) == 1
        else:
            # Sold out: labelled so, and no way to add it (other products' forms may be on the page).
            assert "Unavailable" in b.text() and own_add_forms == []


def test_policy_pages_are_linked_from_the_footer(store: OscarStore) -> None:
    b = Browser(store.base_url)
    doc = b.get("/catalogue/")
    footer_links = {urllib.parse.urlparse(a.get("href")).path for a in doc.xpath("//footer//a")}
    assert set(POLICIES) <= footer_links
    for path, word in POLICIES.items():
        b.get(path)
        assert word in b.doc.xpath("string(//h1)")


def test_sold_out_product_cannot_be_added_even_by_a_direct_post(store: OscarStore) -> None:
    b = Browser(store.base_url)
    b.get(product_url(b, "Canvas Tote Bag"))
    form = add_to_basket_forms(b)[0]
    jacket_id = re.search(r"_(\d+)/$", product_url(b, "Waterproof Rain Jacket")).group(1)
    form.action = re.sub(r"/basket/add/\d+/", f"/basket/add/{jacket_id}/", form.action)
    b.submit(form)
    assert "Waterproof Rain Jacket" not in {line.product for line in store.basket_lines()}


def test_guest_checkout_offers_two_delivery_options_and_stops_at_preview(store: OscarStore) -> None:
    b = Browser(store.base_url)
    b.get(product_url(b, "Organic Cotton T-Shirt"))
    b.submit(add_to_basket_forms(b)[0])
    assert ("Organic Cotton T-Shirt", 1) in {(x.product, x.quantity) for x in store.basket_lines()}

    b.get("/checkout/")
    assert b.url.endswith("/checkout/") and "checkout as a guest" in b.text()
    b.submit(b.form("/checkout/"), username="guest@example.com", options="anonymous")
    assert b.url.endswith("/checkout/shipping-address/")

    address_form = b.form("/checkout/shipping-address/")
    country = address_form.inputs["country"]
    assert {o.text.strip() for o in country.iter("option") if o.get("value")} >= {"United Kingdom", "Ireland"}
    b.submit(address_form, **GUEST_ADDRESS)
    assert b.url.endswith("/checkout/shipping-method/")

    options = {f.inputs["method_code"].value: f for f in b.doc.forms if "method_code" in f.inputs}
    assert set(options) == {"standard", "express"}
    page = b.text()
    assert re.search(r"Standard delivery.*£3\.95.*Express delivery.*£7\.95", page)

    b.submit(options["express"])
    assert b.url.endswith("/checkout/payment-details/")
    b.get("/checkout/preview/")
    assert b.url.endswith("/checkout/preview/")
    assert "Place order" in b.text()
    assert re.search(r"Express delivery £7\.95 Order total £27\.94", b.text())
    # The preview's form is the one that would place the order: it is never submitted here.
    assert store.order_count() == 0


def test_order_count_counts_rows_in_oscars_order_table(oscar_template: Path, tmp_path: Path) -> None:  # noqa: F811
    """order_count() must be able to say "1": a row written straight into a copy of the
    database (no shop, no checkout) stands in for an order."""
    data = tmp_path / "data"
    shutil.copytree(oscar_template, data, symlinks=True)
    copy = OscarStore(base_url="", data_dir=data, log=tmp_path / "unused.log")
    assert copy.order_count() == 0
    with closing(sqlite3.connect(copy.db)) as conn:
        cols = conn.execute("PRAGMA table_info(order_order)").fetchall()
        values = {c[1]: (0 if re.search(r"int|dec|real|bool", c[2], re.I) else "x")
                  for c in cols if c[3] and c[4] is None and not c[5]}  # NOT NULL, no default, not pk
        conn.execute(f"INSERT INTO order_order ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                     list(values.values()))
        conn.commit()
    assert copy.order_count() == 1


def test_store_stops_and_leaves_nothing_behind(oscar_template: Path) -> None:  # noqa: F811
    with oscar_store(oscar_template) as running:
        assert psutil.pid_exists(running.pid) and running.db.is_file()
        with urllib.request.urlopen(running.base_url + "/basket/", timeout=5) as resp:
            assert resp.status == 200
    assert not psutil.pid_exists(running.pid)
    assert not running.data_dir.exists()
    with pytest.raises(OSError):
        urllib.request.urlopen(running.base_url + "/basket/", timeout=5)


def test_full_audit_of_the_store_places_no_order(fresh_oscar_store: OscarStore, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "report"
    proc = run_cli(fresh_oscar_store.base_url + "/", "--out", str(out), *AUDIT_ARGS)
    assert proc.returncode in (0, 1), proc.stderr
    assert (out / "report.json").is_file() and (out / "artifacts.json").is_file()

    artifacts = json.loads((out / "artifacts.json").read_text(encoding="utf-8"))
    journey = artifacts["journey"]
    # The journey reached Oscar's preview and refused its "Place order" button.
    assert journey["reached"] == "checkout-review", journey["stop"]
    assert journey["stop"]["url"].rstrip("/").endswith("/checkout/preview")
    assert journey["stop"]["button"]["text"] == "Place order"
    assert journey["guest_checkout"] is True
    # Both delivery methods were recorded with their prices.
    shipping = [s for s in journey["steps"] if s["kind"] == "checkout-shipping"]
    assert shipping, [s["kind"] for s in journey["steps"]]
    offered = sorted(Decimal(o["amount"]) for o in shipping[0]["shipping_options"])
    assert offered == [Decimal("3.95"), Decimal("7.95")]
    # The totals at the cart and at the preview, and they add up.
    for kind in ("cart", "checkout-review"):
        step = next(s for s in journey["steps"] if s["kind"] == kind)
        ledger = step["ledger"]
        lines = [ln for ln in ledger["lines"] if ln["kind"] in ("item", "shipping")]
        assert Decimal(ledger["total"]) == sum(Decimal(ln["amount"]) for ln in lines), (kind, ledger)
    # What the journey added is what Oscar holds in the open basket.
    added = {a["name"] for a in journey["added"] if a["purpose"] == "checkout" and a["accepted"]}
    in_basket = {line.product for line in fresh_oscar_store.basket_lines()}
    assert added and added <= in_basket, (added, in_basket)
    assert fresh_oscar_store.order_count() == 0
