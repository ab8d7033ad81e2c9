"""The guest shopper: add products, read the cart, walk the checkout, stop before paying.

Every step is recorded as a JourneyStep with its page snapshot, price ledger, shipping
options, controls, policy links and the button pressed next — or refused, at the end.
"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timezone
from decimal import Decimal
from importlib import resources
from typing import Any
from urllib.parse import urljoin

from auditor.artifacts import (
    AddedItem, Artifacts, AuditError, Button, Control, Journey, JourneyStep, Overlay, PageSnapshot, StopPoint,
)
from auditor import structured
from auditor.checkkit import langs_of
from auditor.catalog import product_name
from auditor.classify import URL_HINTS, classify
from auditor.collect.navigate import InFlight, settle_busy, wire_page
from auditor.collect.overlays import dismiss_overlays
from auditor.collect.page import SNAPSHOT_JS, CollectOptions, collect, observer_script
from auditor.journey.coupons import apply_advertised_coupons, coupon_field
from auditor.journey.forms import Persona, choose_option, field_of
from auditor.journey.ledger import build_ledger, button_shipping_options, shipping_options
from auditor.journey.plan import JourneyPlan
from auditor.journey.probes import scarcity_probe
from auditor.journey.safety import ButtonFacts, refusal, request_refusal
from auditor.journey.steps import further, guest_option, main_buttons, main_controls, payment_choice, step_buttons, step_kind
from auditor.text.lexicon import Lexicons
from auditor.text.normalize import normalize

ROWS_JS = resources.files("auditor.collect").joinpath("rows.js").read_text("utf-8")
SWATCHES_JS = resources.files("auditor.collect").joinpath("swatches.js").read_text("utf-8")
# Short visible links, for the ones that lead to the cart after an add.
VIEW_CART_JS = """() => Array.from(document.querySelectorAll('a[href]')).filter((a) => {
  const r = a.getBoundingClientRect(); const t = (a.innerText || '').trim();
  return r.width > 0 && r.height > 0 && t.length > 0 && t.length <= 40 && !a.href.startsWith('javascript:');
}).slice(0, 300).map((a) => ({text: (a.innerText || '').replace(/\\s+/g, ' ').trim(), href: a.href.split('#')[0]}))"""
CART_PATHS = ("/cart", "/basket", "/cart.html", "/basket.html", "/checkout/cart/", "/korzina", "/koshyk")
POLICY_CONCEPTS = ("returns", "delivery", "terms", "privacy", "cancellation", "contact", "imprint", "payment")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class Shopper:
    def __init__(self, browser: Any, artifacts: Artifacts, lex: Lexicons, opts: CollectOptions,
                 plan: JourneyPlan, persona: Persona, page_timeout: float, deadline: float,
                 progress: Any):
        self.browser = browser
        self.artifacts = artifacts
        self.lex = lex
        self.opts = opts
        self.plan = plan
        self.persona = persona
        self.timeout = page_timeout
        self.deadline = deadline
        self.progress = progress
        self.journey = Journey()
        self.blocked: list[str] = []
        self._dialogs: list = []
        self._console: list[str] = []
        self._inflight: InFlight | None = None
        self._cart_links: list[str] = []
        self.codes_without_field: list[str] = []  # advertised codes the cart had no field for
        self._coupons_pending = False
        self.shop_lang: str | None = None

    # ------------------------------------------------------------------ guards and helpers
    async def _guard(self, route: Any, request: Any) -> None:
        try:
            body = request.post_data
        except Exception:
            body = None
        reason = request_refusal(request.method, request.url, body)
        if reason:
            self.blocked.append(reason)
            self.journey.notes.append(f"network guard blocked a request: {reason}")
            await route.abort("blockedbyclient")
        else:
            await route.fallback()

    def _time_left(self) -> bool:
        return time.monotonic() < self.deadline - 15

    async def _settle(self, page: Any) -> None:
        for state, secs in (("domcontentloaded", self.timeout), ("load", 8)):
            try:
                await page.wait_for_load_state(state, timeout=secs * 1000)
            except Exception:
                pass
        await settle_busy(page, self._inflight)

    async def _goto(self, page: Any, url: str) -> bool:
        for attempt in range(2):
            try:
                response = await page.goto(url, wait_until="domcontentloaded", timeout=self.timeout * 1000)
            except Exception as exc:
                self.artifacts.errors.append(AuditError(url=url, stage="journey", error=f"could not open: {str(exc).splitlines()[0][:200]}"))
                return False
            status = response.status if response else None
            if status is None or status < 500:
                break
            # A server error under load is often passing: one retry, then it is recorded.
            self.artifacts.errors.append(AuditError(url=url, stage="journey", error=f"HTTP {status}" + (" (retried)" if attempt == 0 else "")))
            if attempt == 1:
                return False
            await asyncio.sleep(1.5)
        await self._settle(page)
        return True

    async def _facts(self, page: Any, snap: PageSnapshot, buttons: list[Button]) -> tuple[dict, list[ButtonFacts]]:
        raw = await page.evaluate(ROWS_JS, {"prices": [p.locator for p in snap.prices],
                                             "buttons": [b.locator for b in buttons]})
        kind = "checkout" if snap.kind == "checkout" else snap.kind
        facts = []
        for b, info in zip(buttons, raw["buttons"]):
            info = info or {}
            facts.append(ButtonFacts(
                label=b.text, page_kind=kind if kind in ("product", "cart", "checkout") else "other",
                formaction=info.get("formaction") or b.form_action, method=info.get("method") or (b.form_method or "get"),
                hidden=tuple(info.get("hidden") or ()), name=info.get("name"), value=info.get("value") or "",
                card_fields=info.get("card_fields", 0), page_card_fields=raw.get("card_fields", 0)))
        return raw, facts

    async def _snapshot(self, page: Any, kind: str, action: str, force_kind: str | None = None) -> tuple[JourneyStep, PageSnapshot, dict, list[ButtonFacts]]:
        index = len(self.artifacts.pages)
        snap = await collect(page, self.opts, url=page.url, status=None, content_type="text/html",
                             found_from="journey", shot_name=f"journey-{len(self.journey.steps):02d}")
        cls = classify(snap, self.lex)
        snap.kind = force_kind or (cls.kind if cls.kind != "other" else ("checkout" if kind.startswith("checkout") else kind))  # type: ignore[assignment]
        snap.kind_reasons = cls.reasons + ["visited by the shopper journey"]
        snap.dialogs = list(self._dialogs)
        self._dialogs.clear()
        buttons = step_buttons(snap)
        raw, facts = await self._facts(page, snap, buttons)
        langs = langs_of(snap)
        step = JourneyStep(
            index=len(self.journey.steps), kind=kind, url=page.url, title=snap.title, action=action,  # type: ignore[arg-type]
            ledger=build_ledger(snap, raw["rows"], self.lex) if snap.prices and kind != "product" else None,
            shipping_options=shipping_options(snap, self.lex),
            controls=[c for c in snap.controls if c.kind != "hidden"],
            buttons=buttons,
            policy_links=[ln for ln in snap.links
                          if any(self.lex.has(f"policy.{k}", ln.text, langs) for k in POLICY_CONCEPTS)],
            messages=list(dict.fromkeys(raw["messages"]))[:10],
            page=index, at=_now(),
        )
        self.artifacts.pages.append(snap)
        await dismiss_overlays(page, snap, self.lex)
        return step, snap, raw, facts

    def _record(self, step: JourneyStep) -> None:
        self.journey.steps.append(step)
        self.journey.reached = further(self.journey.reached, step.kind)
        self.progress.update(step=f"journey: {step.kind}")

    async def _press(self, page: Any, locator: str) -> bool:
        for attempt in range(2):
            try:
                await page.locator(locator).first.click(timeout=5000)
                break
            except Exception as exc:
                # A sign-up pop-up that opened after the page was read covers the button:
                # dismiss it as a shopper would, then press again.
                if attempt == 0 and await self._clear_overlays(page):
                    continue
                self.journey.notes.append(f"could not press {locator}: {str(exc).splitlines()[0][:120]}")
                return False
        await self._settle(page)
        return True

    async def _clear_overlays(self, page: Any) -> bool:
        try:
            raw = await page.evaluate(SNAPSHOT_JS, {})
        except Exception:
            return False
        overlays = [Overlay(**o, page_url=page.url) for o in raw.get("overlays", []) if o.get("kind") != "toast"]
        if not overlays:
            return False
        await dismiss_overlays(page, PageSnapshot(url=page.url, final_url=page.url, lang=self.shop_lang, overlays=overlays), self.lex)
        shown = "; ".join(f"\u201c{(o.text or '')[:60]}\u201d dismissed by {o.dismissed_by or 'nothing'}" for o in overlays)
        self.journey.notes.append(f"{page.url}: a pop-up covered the page after it was read: {shown}")
        await self._settle(page)
        return True

    # ------------------------------------------------------------------ products
    def pick_products(self) -> tuple[list[PageSnapshot], list[PageSnapshot]]:
        """(in stock, out of stock): products shown available first, most clearly priced."""
        products = [p for p in self.artifacts.pages if p.kind == "product" and p.found_from != "journey"]
        if self.plan.products:
            wanted = set(self.plan.products)
            chosen = [p for p in products if p.url in wanted or p.final_url in wanted]
            return chosen or products[:0], []
        ins, outs = [], []
        for p in products:
            avail = {structured.availability_of(o) for item in structured.products(p.structured_data)
                     for o in structured.offers(item)} - {None}
            langs = langs_of(p)
            can_add = any(self.lex.has("action.add_to_cart", b.text, langs) and not b.card_link and not b.disabled
                          and not self.lex.has("action.wishlist", b.text, langs) for b in main_buttons(p))
            out = avail == {"out"} or (not avail and not can_add and self.lex.has("stock.out", p.full_text(), langs))
            if out:
                outs.append(p)
            elif can_add:
                ins.append(p)
        return ins[: self.plan.max_products], outs[:1]

    def _shown_price(self, p: PageSnapshot) -> tuple[Decimal | None, str | None]:
        for item in structured.products(p.structured_data):
            for offer in structured.offers(item):
                amount = structured.price_of(offer)
                if amount is not None:
                    return amount, structured.currency_of(offer)
        main = [m for m in p.prices if not m.struck and m.region == "main" and m.amount]
        return (main[0].amount, main[0].currency) if main else (None, None)

    def _add_button(self, snap: PageSnapshot, facts: list[ButtonFacts], buttons: list[Button]) -> Button | None:
        if self.plan.selectors.get("add_to_cart"):
            return Button(text="(journey file)", locator=self.plan.selectors["add_to_cart"])
        langs = langs_of(snap)
        for b, f in zip(buttons, facts):
            if (self.lex.has("action.add_to_cart", b.text, langs) and not self.lex.has("action.wishlist", b.text, langs)
                    and refusal(f, self.lex, langs) is None
                    and b.region in ("main", "aside", "dialog")):
                return b
        return None

    async def _choose_variants(self, page: Any, snap: PageSnapshot) -> str | None:
        chosen = []
        for c in main_controls(snap):
            if c.kind == "select" and c.options and (c.required or (c.options[0].value in ("", "0"))):
                if field_of(c) == "quantity" or "qty" in (c.name or "").lower() or "quantity" in (c.name or "").lower():
                    continue
                value = choose_option(c, self.persona, None)
                if value is not None:
                    try:
                        await page.locator(c.locator).first.select_option(value, timeout=3000)
                        shown = next((o.text for o in c.options if o.value == value and o.text), value)
                        chosen.append(f"{c.label or c.name}: {shown}")
                    except Exception:
                        pass
        groups: dict[str, list[Control]] = {}
        for c in main_controls(snap):
            if c.kind == "radio" and c.name:
                groups.setdefault(c.name, []).append(c)
        for name, radios in groups.items():
            if not any(r.checked for r in radios):
                try:
                    await page.locator(radios[0].locator).first.check(timeout=3000)
                    chosen.append(f"{name}: {radios[0].label}")
                except Exception:
                    pass
        try:  # swatches and option buttons: variant pickers that are not form controls
            chosen += await page.evaluate(SWATCHES_JS)
        except Exception:
            pass
        if chosen:
            await self._settle(page)  # the shop may load the variant's price and stock
        return "; ".join(chosen) or None

    async def add_product(self, page: Any, product: PageSnapshot, quantity: int, purpose: str) -> AddedItem | None:
        if not await self._goto(page, product.final_url):
            return None
        step, snap, before, facts = await self._snapshot(page, "product", f"open product ({purpose})", force_kind="product")
        price, currency = self._shown_price(snap)
        name = product_name(snap)[:200]  # the main heading or the structured name, not a logo <h1>
        variant = await self._choose_variants(page, snap)
        qty_box = next((c for c in main_controls(snap) if c.kind == "number"
                        or "qty" in (c.name or "").lower() or "quantity" in (c.name or "").lower()), None)
        if qty_box and qty_box.kind in ("number", "text"):
            try:
                await page.locator(qty_box.locator).first.fill(str(quantity), timeout=3000)
            except Exception:
                quantity = int(qty_box.value or 1) if (qty_box.value or "").isdigit() else 1
        elif quantity != 1:
            quantity = 1  # no quantity field: one is what a click adds
        button = self._add_button(snap, facts, step_buttons(snap))
        item = AddedItem(name=name, url=snap.final_url, quantity=quantity, unit_price=price, currency=currency,
                         variant=variant, purpose=purpose)
        if button is None:
            item.accepted = False
            item.message = "no add-to-cart control that is safe to press"
            step.primary_button = None
        else:
            step.primary_button = button.text
            pressed = await self._press(page, button.locator)
            step.action = f"add {quantity} to cart ({purpose})"
            raw = await page.evaluate(ROWS_JS, {"prices": [], "buttons": []})
            # The shop's answer is what appeared after the press, not a notice already there.
            answer = list(dict.fromkeys(m for m in raw["messages"] if m not in before.get("messages", [])))
            self.shop_lang = self.shop_lang or snap.lang
            await self._note_cart_links(page)
            item.message = "; ".join(answer[:3]) or None
            if not pressed:
                item.accepted = False
                item.message = "no add-to-cart control could be pressed (see the journey notes)"
        self._record(step)
        self.journey.added.append(item)
        return item

    # ------------------------------------------------------------------ cart
    def _cart_url(self, page_url: str) -> list[str]:
        urls = []
        if self.plan.cart_url:
            urls.append(self.plan.cart_url)
        urls += self._cart_links  # "View cart" in the shop's answer to an add: the surest way there
        urls += [p.final_url for p in self.artifacts.pages if p.kind == "cart"]
        for p in self.artifacts.pages:
            for ln in p.links:
                if (ln.region in ("header", "nav") or (ln.region == "main" and len(ln.text) <= 40)) and (
                        self.lex.has("action.view_cart", ln.text) or self.lex.has("page.cart", ln.text)):
                    urls.append(ln.href)
        urls += [urljoin(page_url, path) for path in CART_PATHS]
        # The words shops use for the cart in their URLs (/warenkorb/, /panier, /carrito, /sepet).
        urls += [urljoin(page_url, f"/{word}{tail}") for word in URL_HINTS["cart"] if len(word) > 3 for tail in ("/", "")]
        return list(dict.fromkeys(urls))

    async def _note_cart_links(self, page: Any) -> None:
        """After an add, the shop's notice or drawer often links to the cart ("View cart",
        "Warenkorb anzeigen"): block themes and drawers have no other static cart link."""
        try:
            links = await page.evaluate(VIEW_CART_JS)
        except Exception:
            return
        langs = [self.shop_lang, "en"] if self.shop_lang else None
        for link in links:
            if self.lex.has("action.view_cart", link["text"], langs) or self.lex.has("page.cart", link["text"], langs):
                if link["href"] not in self._cart_links:
                    self._cart_links.append(link["href"])

    async def open_cart(self, page: Any) -> tuple[JourneyStep, PageSnapshot, list[ButtonFacts]] | None:
        for url in self._cart_url(page.url)[:10]:
            if not await self._goto(page, url):
                continue
            step, snap, _raw, facts = await self._snapshot(page, "cart", f"open the cart ({url})", force_kind="cart")
            cart_text = normalize(snap.full_text())
            if not any(_name_in(item.name, cart_text) for item in self.journey.added):
                self.journey.notes.append(f"{url}: no added product found in the cart")
                continue
            for item in self.journey.added:
                item.accepted = item.accepted and _name_in(item.name, cart_text)
                if item.cart_quantity is None:
                    # The first reading stays: a probe adding the same product later raises
                    # the line, not what the shopper bought.
                    item.cart_quantity = _cart_quantity(item, step)
            self._record(step)
            return step, snap, facts
        return None

    # ------------------------------------------------------------------ checkout
    def _checkout_entry(self, snap: PageSnapshot, buttons: list[Button], facts: list[ButtonFacts]) -> str | None:
        if self.plan.selectors.get("checkout"):
            return self.plan.selectors["checkout"]
        langs = langs_of(snap)
        for b, f in zip(buttons, facts):
            if not b.disabled and self.lex.has("action.checkout", b.text, langs) and refusal(f, self.lex, langs) is None:
                return b.locator
        for ln in snap.links:
            if ln.region not in ("header", "nav", "footer") and self.lex.has("action.checkout", ln.text, langs):
                return ln.locator
        return None

    async def _fill(self, page: Any, snap: PageSnapshot, required_only: bool = False) -> list[str]:
        """Type the persona into empty fields; tick required boxes that only accept terms.

        Optional fields are filled too (many shops require fields only in their scripts), each
        persona value once; after a validation error the step is retried with the optional
        fields cleared, since a shop may reject a value it did not even need."""
        done: list[str] = []
        used: set[str] = set()
        langs = langs_of(snap)
        for c in main_controls(snap):
            name = field_of(c)
            try:
                loc = page.locator(c.locator).first
                textual = c.kind in ("text", "email", "tel", "textarea", "number", "")
                if textual and required_only and not c.required and name and (c.value or "").strip():
                    await loc.fill("", timeout=3000)
                    done.append(f"cleared optional {name}")
                elif textual and name and name not in used and not (c.value or "").strip() and (c.required or not required_only):
                    value = self.plan.persona.get(name) or self.persona.value(name)
                    if value and name != "company":
                        await loc.fill(value, timeout=3000)
                        done.append(name)
                        used.add(name)
                elif c.kind == "select" and (name in ("country", "region") or c.required):
                    value = choose_option(c, self.persona, name)
                    if value is not None:
                        await loc.select_option(value, timeout=3000)
                        done.append(name or c.name or "select")
                elif c.kind == "checkbox" and not c.checked and (c.required or self.lex.has("terms_acceptance", c.label, langs)):
                    # Required boxes, and the terms box shops check only in their scripts
                    # (OpenCart): accepting the terms is what a shopper does before ordering.
                    # Marketing consent and paid extras are never ticked.
                    if not (self.lex.has("consent", c.label, langs) or self.lex.has("cost_extra", c.label, langs)):
                        await loc.check(timeout=3000)
                        done.append(f"ticked required \u201c{c.label[:60]}\u201d")
            except Exception:
                continue
        for override in self.plan.steps:
            if override.url_contains in page.url:
                for sel, value in override.fill.items():
                    try:
                        await page.locator(sel).first.fill(value, timeout=3000)
                        done.append(sel)
                    except Exception:
                        pass
                if override.click:
                    await self._press(page, override.click)
        return done

    async def _choose_delivery_and_payment(self, page: Any, snap: PageSnapshot, step: JourneyStep) -> list[str]:
        done = []
        options = step.shipping_options
        if options and not any(o.selected for o in options):
            priced = [o for o in options if o.amount is not None] or options
            cheapest = min(priced, key=lambda o: o.amount if o.amount is not None else Decimal("0"))
            try:
                await page.locator(cheapest.locator).first.check(timeout=3000)
                done.append(f"chose delivery \u201c{cheapest.label[:60]}\u201d")
            except Exception:
                pass
        pays = payment_choice(snap, self.lex)
        if pays:
            langs = langs_of(snap)
            offline = [c for c in pays if self.lex.has("payment_offline", c.label, langs)
                       or self.lex.has("delivery.cash_on_delivery", c.label, langs)
                       or self.lex.has("delivery.prepayment", c.label, langs)
                       or "bacs" in (c.name or "").lower() + c.label.lower()]  # WooCommerce's bank transfer
            if offline and not offline[0].checked:
                try:
                    await page.locator(offline[0].locator).first.check(timeout=3000)
                    done.append(f"chose payment \u201c{offline[0].label[:60]}\u201d (no card data is ever typed)")
                except Exception:
                    pass
        return done

    async def _act_and_reread(self, page: Any, snap: PageSnapshot, step: JourneyStep, why: str) -> bool:
        """Fill the step in and choose its methods; if that did anything, record the step and
        let the page settle so that it is read again. False when there was nothing to do."""
        actions = await self._fill(page, snap) + await self._choose_delivery_and_payment(page, snap, step)
        if actions:
            await self._reread(page, step, actions, why)
        return bool(actions)

    async def _reread(self, page: Any, step: JourneyStep, actions: list[str], why: str = "") -> None:
        step.action = "; ".join(actions) + why
        self._record(step)
        await self._settle(page)

    def _next_button(self, snap: PageSnapshot, buttons: list[Button], facts: list[ButtonFacts]) -> tuple[Button | None, Button | None, str | None]:
        """(the button to press next, the order button refused, why refused)."""
        langs = langs_of(snap)
        refused: tuple[Button, str] | None = None
        worded: tuple[Button, str] | None = None  # the last refused button worded as the order
        candidates: list[Button] = []
        final_sel = self.plan.selectors.get("final")
        for b, f in zip(buttons, facts):
            if final_sel and b.locator == final_sel:
                refused = refused or (b, "the journey file names it as the final button")
                continue
            why = refusal(f, self.lex, langs)
            if why:
                if refused is None and (b.kind == "submit" or self.lex.has("action.place_order", b.text, langs)):
                    refused = (b, why)
                if self.lex.has("action.place_order", b.text, langs) or self.lex.has("action.pay_now_wording", b.text, langs):
                    worded = (b, why)  # "Pay now" below the express-checkout buttons at the top
                continue
            if self.plan.selectors.get("continue") and b.locator == self.plan.selectors["continue"]:
                candidates.insert(0, b)
            elif self.lex.has("action.continue", b.text, langs) or self.lex.has("action.checkout", b.text, langs):
                candidates.append(b)
        for ln in snap.links:
            if ln.region == "main" and self.lex.has("action.continue", ln.text, langs) and not self.lex.has("action.place_order", ln.text, langs):
                candidates.append(Button(text=ln.text, locator=ln.locator, kind="link", href=ln.href))
        # A disabled "Continue" may wait for the form to be filled in: enabled ones first.
        candidates.sort(key=lambda b: b.disabled)
        nxt = candidates[0] if candidates else None
        if worded is not None and not (final_sel and refused and refused[0].locator == final_sel):
            refused = worded
        return nxt, (refused[0] if refused else None), (refused[1] if refused else None)

    async def checkout(self, page: Any, cart: PageSnapshot, cart_facts: list[ButtonFacts]) -> None:
        entry = self._checkout_entry(cart, step_buttons(cart), cart_facts)
        if entry is None and self.plan.checkout_url:
            ok = await self._goto(page, self.plan.checkout_url)
        elif entry is None:
            checkout_pages = [p.final_url for p in self.artifacts.pages if p.kind == "checkout" and p.found_from != "journey"]
            ok = bool(checkout_pages) and await self._goto(page, checkout_pages[0])
        else:
            ok = await self._press(page, entry)
        if not ok:
            self.journey.stop = StopPoint(url=page.url, reason="no way from the cart to a checkout was found")
            return
        last_sig = ""
        last_url = ""
        stuck = 0
        rereads = 0  # the same step read again after filling it in, or while it still renders
        guest_pressed: set[str] = set()
        for _ in range(self.plan.max_steps):
            if not self._time_left():
                self.journey.stop = StopPoint(url=page.url, reason="time budget reached during checkout")
                return
            step, snap, raw, facts = await self._snapshot(page, "checkout-entry", "", force_kind="checkout")
            buttons = step_buttons(snap)
            if not main_controls(snap) and not any(not b.disabled for b in buttons) and rereads < 2:
                rereads += 1  # nothing to act on yet: a checkout still rendering ("Loading…")
                await asyncio.sleep(1.0)
                await self._settle(page)
                continue
            if self._coupons_pending and coupon_field(snap, self.lex) is not None:
                # Shopify and others take codes only at checkout ("Discount code or gift card").
                self._coupons_pending = False
                await apply_advertised_coupons(self, page, (step, snap, facts), where="checkout")
                continue
            nxt, final, why = self._next_button(snap, buttons, facts)
            step.kind = step_kind(snap, self.lex, raw.get("card_fields", 0), final is not None and nxt is None)  # type: ignore[assignment]
            if step.kind == "checkout-login":
                guest = guest_option(snap, self.lex)
                self.journey.guest_checkout = guest is not None
                if guest is None:
                    step.action = "checkout requires an account: no guest option"
                    self._record(step)
                    self.journey.stop = StopPoint(url=page.url, reason="checkout requires signing in or registering (no guest checkout)")
                    return
                if guest.locator in guest_pressed or (isinstance(guest, Control) and guest.checked):
                    # The guest way is open and its tab stays beside an optional "create an
                    # account" password: these are the guest's details, to fill in.
                    step.kind = "checkout-contact"  # type: ignore[assignment]
                elif isinstance(guest, Control):
                    await page.locator(guest.locator).first.check(timeout=3000)
                    guest_pressed.add(guest.locator)
                else:
                    nxt = guest
                    guest_pressed.add(guest.locator)
            elif self.journey.guest_checkout is None and (step.kind in ("checkout-address", "checkout-contact", "checkout-shipping")
                                                          or any(field_of(c) in ("email", "address1") for c in main_controls(snap))):
                self.journey.guest_checkout = True  # reached the shopper's details without signing in
            if raw.get("card_fields") and nxt is None:
                # A one-page checkout asks for the address, delivery and card together: fill in
                # all but the card, let the shop show its delivery methods and totals, read again.
                if rereads < 2 and await self._act_and_reread(page, snap, step, " (card details are never entered)"):
                    rereads += 1
                    continue
                step.action = "payment details requested: never entered"
                self._record(step)
                self.journey.stop = StopPoint(url=page.url, reason="the next step asks for card details, which the journey never enters",
                                              button=final)
                return
            if not step.shipping_options and nxt is None:
                by_button = button_shipping_options(snap, buttons, raw["buttons"], self.lex)
                if by_button:
                    step.kind = "checkout-shipping"
                    step.ledger = None  # the prices on this page are offers, not charges
                    step.shipping_options = [opt for opt, _b in by_button]
                    option, button = min(by_button, key=lambda ob: ob[0].amount)
                    option.selected = True
                    step.primary_button = button.text  # type: ignore[attr-defined]
                    step.action = f"chose delivery \u201c{option.label[:60]}\u201d by its button"
                    self._record(step)
                    await self._press(page, button.locator)  # type: ignore[attr-defined]
                    continue
            if final is not None and nxt is None:
                # The order button waits for a payment method or the terms: choose them as a
                # shopper would, then read the step again (fees may appear) and stop there.
                if final.disabled and rereads < 2 and await self._act_and_reread(
                        page, snap, step, f" (\u201c{final.text}\u201d was disabled until then)"):
                    rereads += 1
                    continue
                step.primary_button = final.text
                step.action = "stopped before the order button"
                self._record(step)
                self.journey.stop = StopPoint(url=page.url, reason=f"pressing \u201c{final.text}\u201d would place the order ({why})", button=final)
                return
            retry = bool(step.messages) and page.url == last_url
            actions = await self._fill(page, snap, required_only=retry)
            actions += await self._choose_delivery_and_payment(page, snap, step)
            if nxt is None and actions and rereads < 2:
                rereads += 1  # choosing a method may reveal the next button (or the order button)
                await self._reread(page, step, actions)
                continue
            if nxt is None:
                step.action = "; ".join(actions) or "no safe button to continue"
                self._record(step)
                self.journey.stop = StopPoint(url=page.url, reason="no button that continues the checkout without ordering was found")
                return
            step.primary_button = nxt.text
            step.action = "; ".join(actions + [f"press \u201c{nxt.text}\u201d"])
            self._record(step)
            sig = f"{page.url}|{step.kind}|{len(snap.text_blocks)}"
            stuck = stuck + 1 if sig == last_sig else 0
            if stuck >= 2:
                self.journey.stop = StopPoint(url=page.url, reason="the checkout did not advance (validation errors?): " + "; ".join(step.messages[:3]))
                return
            last_sig = sig
            last_url = page.url
            rereads = 0
            await self._press(page, nxt.locator)
        self.journey.stop = StopPoint(url=page.url, reason=f"step limit ({self.plan.max_steps}) reached")

    # ------------------------------------------------------------------ the walk
    async def run(self) -> Journey:
        ins, outs = self.pick_products()
        if not ins:
            self.journey.notes.append("no product page shown in stock was found by the crawl")
            return self.journey
        async with self.browser.context() as ctx:
            await ctx.route("**/*", self._guard)
            await ctx.add_init_script(script=observer_script(self.opts.observer_key))
            page = await ctx.new_page()
            wire_page(page, self._dialogs, self._console)
            self._inflight = InFlight(page)
            for product in ins:
                if self._time_left():
                    await self.add_product(page, product, self.plan.quantity, "checkout")
            cart = await self.open_cart(page)
            if cart is not None and self._time_left():  # advertised codes, applied in the cart (issue 5)
                cart = await apply_advertised_coupons(self, page, cart)
                self._coupons_pending = bool(self.codes_without_field)
            if cart is None:
                self.journey.stop = StopPoint(url=page.url, reason="the cart could not be found or stayed empty")
            elif self._time_left():
                step, snap, facts = cart
                await self.checkout(page, snap, facts)
            if self.blocked:
                self.journey.notes.append(f"{len(self.blocked)} request(s) blocked by the network guard")
            await scarcity_probe(self, page)  # "only N left": does the cart take N + 1?
            for product in outs:
                if self._time_left():
                    item = await self.add_product(page, product, 1, "out-of-stock probe")
                    if item is not None and item.accepted:
                        probe = await self.open_cart(page)
                        item.accepted = probe is not None and _name_in(item.name, normalize(probe[1].full_text()))
        return self.journey


def _name_in(name: str, normalized_text: str) -> bool:
    words = [w for w in normalize(name).split() if len(w) > 2]
    if not words:
        return False
    return sum(w in normalized_text for w in words) / len(words) >= 0.6


def _cart_quantity(item: AddedItem, step: JourneyStep) -> int | None:
    if step.ledger is None:
        return None
    for line in step.ledger.lines:
        if line.kind == "item" and _name_in(item.name, normalize(line.text)):
            return line.quantity
    return None
