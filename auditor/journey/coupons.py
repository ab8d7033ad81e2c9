"""Apply the codes the shop advertises in its own cart and record what the shop answers.

On the cart page the shopper looks for a coupon field (its label, placeholder or name speaks of
a coupon, promo code, voucher or gift card in any lexicon language), types each advertised code
(from the shop's promotion texts, see auditor.promos, plus the journey file's `coupons`),
presses the button beside it that applies it, and records a "coupon" step: the shop's answer
(alerts, notices and any new text), and the price ledger after applying. Conditions first
revealed in that answer are what coupon-conditions-late judges.

Safety is the journey's: the button must pass safety.refusal (never an order or payment button),
and the network guard stays on. The shopper stops after the first code the shop accepts.
"""

from __future__ import annotations

from typing import Any

from auditor.artifacts import Button, Control, JourneyStep, PageSnapshot
from auditor.checkkit import langs_of
from auditor.journey.safety import ButtonFacts, refusal
from auditor.journey.steps import main_controls, step_buttons
from auditor.promos import advertised_codes, coupon_accepted
from auditor.text.lexicon import Lexicons
from auditor.text.normalize import normalize

MAX_CODES = 3
NAME_HINTS = ("coupon", "voucher", "promo", "discount", "gift", "giftcard", "rabatt", "gutschein", "reduction", "code")


def coupon_field(snap: PageSnapshot, lex: Lexicons) -> Control | None:
    langs = langs_of(snap)
    for c in main_controls(snap):
        if c.kind not in ("text", "search", ""):
            continue
        described = " ".join(filter(None, [c.label, c.group_label]))
        ident = f"{c.name or ''} {c.id or ''}".lower().replace("-", "_")
        if lex.has("promo_field", described, langs) or any(h in ident for h in NAME_HINTS[:-1]) \
                or ("code" in ident and lex.has("promo", described, langs)):
            return c
    return None


def coupon_toggle(snap: PageSnapshot, buttons: list[Button], facts: list[ButtonFacts], lex: Lexicons) -> Button | None:
    """The control that unfolds a collapsed coupon field ("Have a promo code?", "Aplicar código
    de descuento"), when the field itself is not shown yet."""
    langs = langs_of(snap)
    for b, f in zip(buttons, facts):
        if not b.disabled and lex.has("promo_field", b.text, langs) and refusal(f, lex, langs) is None:
            return b
    for ln in snap.links:
        if ln.region == "main" and lex.has("promo_field", ln.text, langs) and len(ln.text) <= 80:
            return Button(text=ln.text, locator=ln.locator, kind="link", href=ln.href)
    # A collapsible title (role=tab, <summary>, a heading with a click handler): clicking its
    # words unfolds it, as a shopper would.
    for block in snap.text_blocks:
        if block.region == "main" and len(block.text) <= 80 and lex.has("promo_field", block.text, langs):
            return Button(text=block.text, locator=block.locator, kind="toggle")
    return None


def apply_button(snap: PageSnapshot, field: Control, buttons: list[Button], facts: list[ButtonFacts],
                 lex: Lexicons) -> Button | None:
    """The safe button that applies the code: labelled as such, in the field's form if possible,
    else the nearest one."""
    langs = langs_of(snap)
    labelled = [(b, f) for b, f in zip(buttons, facts)
                if lex.has("action.apply_coupon", b.text, langs) and refusal(f, lex, langs) is None]
    if not labelled:
        # The field's own form has one safe submit button ("Ajouter", "OK"): that one applies it.
        own = [(b, f) for b, f in zip(buttons, facts) if field.form_action and b.form_action == field.form_action
               and b.kind == "submit" and refusal(f, lex, langs) is None]
        return own[0][0] if len(own) == 1 else None
    same_form = [b for b, _f in labelled if field.form_action and b.form_action == field.form_action]
    if same_form:
        return same_form[0]
    if field.box is None:
        return labelled[0][0]

    def distance(b: Button) -> float:
        if b.box is None or field.box is None:
            return 1e9
        return abs(b.box.y - field.box.y) + abs(b.box.x - field.box.x) / 4

    return min((b for b, _f in labelled), key=distance)


def _new_texts(before: PageSnapshot, after: PageSnapshot, code: str) -> list[str]:
    """Short texts that appeared after applying: the shop's answer when it uses no alert role."""
    seen = {normalize(b.text) for b in before.text_blocks}
    out = []
    for b in after.text_blocks:
        norm = normalize(b.text)
        if norm and norm not in seen and len(b.text) <= 300 and b.region not in ("header", "nav", "footer") \
                and norm != normalize(code):
            out.append(b.text.strip())
    return out[:6]


async def apply_advertised_coupons(shopper: Any, page: Any, cart: tuple[JourneyStep, PageSnapshot, list[ButtonFacts]],
                                   where: str = "cart") -> tuple[JourneyStep, PageSnapshot, list[ButtonFacts]]:
    """Try each advertised code in the cart (or, where the shop has its field only there, the
    checkout: `where`); returns the page as it stands afterwards."""
    lex: Lexicons = shopper.lex
    codes = list(dict.fromkeys([*shopper.plan.coupons, *advertised_codes(shopper.artifacts, lex)]))[:MAX_CODES]
    if not codes:
        return cart
    step, snap, facts = cart
    for code in codes:
        if not shopper._time_left():
            break
        field = coupon_field(snap, lex)
        toggle = coupon_toggle(snap, step_buttons(snap), facts, lex) if field is None else None
        if toggle is not None and await shopper._press(page, toggle.locator):
            _s, snap, _raw, facts = await shopper._snapshot(page, "cart", f"open the coupon field (\u201c{toggle.text}\u201d)",
                                                             force_kind=where)
            field = coupon_field(snap, lex)
        if field is None:
            shopper.journey.notes.append(f"advertised code(s) {', '.join(codes)} not tried: no coupon field in the {where}")
            shopper.codes_without_field = codes
            break
        buttons = step_buttons(snap)
        button = apply_button(snap, field, buttons, facts, lex)
        if button is None:
            shopper.journey.notes.append("coupon field found but no safe button to apply a code")
            break
        try:
            await page.locator(field.locator).first.fill(code, timeout=3000)
        except Exception as exc:
            shopper.journey.notes.append(f"could not type the code {code}: {str(exc).splitlines()[0][:120]}")
            break
        if not await shopper._press(page, button.locator):
            break
        new_step, new_snap, raw, new_facts = await shopper._snapshot(
            page, "coupon", f"apply advertised code \u201c{code}\u201d with \u201c{button.text}\u201d", force_kind=where)
        answer = list(dict.fromkeys(raw.get("messages", []) + _new_texts(snap, new_snap, code)))
        new_step.messages = answer[:10]
        new_step.primary_button = button.text
        shopper._record(new_step)
        step, snap, facts = new_step, new_snap, new_facts
        if coupon_accepted(new_step, lex, langs_of(new_snap)):
            break
    return step, snap, facts
