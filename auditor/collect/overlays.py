"""Dismissing cookie banners and modals as a shopper would, and recording how.

The least-consenting way out is preferred (reject cookies, "no thanks", close), so the audit
does not accept tracking or offers on the shopper's behalf. What was clicked is recorded on
the overlay: nagging counts reappearances after this, confirmshaming reads the decline text.
"""

from __future__ import annotations

from typing import Any

from auditor.artifacts import Overlay, PageSnapshot
from auditor.text.lexicon import Lexicons

# Order of preference for getting rid of an overlay.
DISMISS_CONCEPTS = ("action.reject_cookies", "action.decline", "action.close", "action.accept_cookies")


def choose_dismiss(overlay: Overlay, lex: Lexicons, langs: list[str | None] | None = None) -> int | None:
    """Index of the button to press, or None. Never a button that orders, pays or subscribes."""
    for concept in DISMISS_CONCEPTS:
        for i, button in enumerate(overlay.buttons):
            text = button.text.strip()
            declines = lex.has("action.decline", text, langs) or lex.has("confirmshaming", text, langs)
            if not text or (lex.has("action.place_order", text, langs) and not declines):
                continue
            if concept == "action.accept_cookies" and not lex.has("policy.cookies", overlay.text, langs):
                continue  # "OK" on an offer modal could accept the offer
            hits = lex.find(concept, text, langs)
            # The label must be the dismissal, not a sentence that merely contains "close"; a
            # decline that goes on to shame ("No thanks, I prefer paying full price") starts with it.
            whole = any(h.end - h.start >= len(text) * 0.6 for h in hits)
            leading = concept == "action.decline" and any(h.start == 0 for h in hits)
            if whole or leading or (concept == "action.decline" and lex.has("confirmshaming", text, langs)):
                return i
    return None


async def dismiss_overlays(page: Any, snap: PageSnapshot, lex: Lexicons) -> None:
    langs = [snap.lang, "en"] if snap.lang else None
    for overlay in snap.overlays:
        if overlay.kind == "toast":
            continue
        index = choose_dismiss(overlay, lex, langs)
        if index is None:
            try:
                await page.keyboard.press("Escape")
                overlay.dismissed_by = "Escape key"
            except Exception:
                pass
            continue
        button = overlay.buttons[index]
        try:
            await page.locator(button.locator).first.click(timeout=2000, no_wait_after=True)
            overlay.dismissed_by = button.text
        except Exception:
            continue
