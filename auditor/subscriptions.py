"""Where a shop sells subscriptions: shared by hard-to-cancel and cancellation-terms."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.artifacts import Artifacts
from auditor.checkkit import controls_seen, langs_of
from auditor.text.claims import claims
from auditor.text.lexicon import Lexicons

OFFER_KINDS = ("product", "cart", "checkout", "home", "listing")


@dataclass
class Offer:
    url: str
    text: str
    locator: str


def paid_subscription(text: str, lex: Lexicons, langs: list[str | None] | None) -> bool:
    """A subscription to buy, not a newsletter to subscribe to."""
    if lex.has("subscription_purchase", text, langs):
        return True
    return lex.has("subscription", text, langs) and not lex.has("consent", text, langs)


def offers(artifacts: Artifacts, lex: Lexicons) -> list[Offer]:
    """Where a subscription is sold: a purchase option naming one, or shop copy that says so
    twice over ("subscription ... renews automatically"): "monthly" alone may be an instalment plan."""
    found: list[Offer] = []
    for url, page, c in controls_seen(artifacts, OFFER_KINDS):
        texts = [c.label] + [o.text for o in c.options]
        if c.visible and any(paid_subscription(t, lex, langs_of(page)) for t in texts):
            found.append(Offer(url, c.label or texts[-1], c.locator))
    for page in artifacts.pages:
        if page.kind not in OFFER_KINDS:
            continue
        langs = langs_of(page)
        for b in page.text_blocks:
            if b.region in ("main", "aside", "dialog") and not lex.has("consent", b.text, langs):
                if len(claims(b.text, ("subscription",), lex, langs)) >= 2:
                    found.append(Offer(page.final_url, b.text, b.locator))
    return found
