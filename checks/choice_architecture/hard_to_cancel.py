"""hard-to-cancel: subscriptions sold online that cannot be cancelled online, or that are chosen for the shopper."""

from __future__ import annotations


from auditor.artifacts import Artifacts, Control, PageSnapshot
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import controls_seen, langs_of
from auditor.legal import Ref
from auditor.subscriptions import OFFER_KINDS, Offer, offers, paid_subscription
from auditor.text.facts import sentences
from auditor.text.lexicon import Lexicons, lexicons

CANCEL_TOPIC = ("subscription", "cancellation.subscription", "cancellation_path")  # not an order's cancellation


def forced(page: PageSnapshot | None, c: Control, lex: Lexicons) -> str | None:
    """Why a control chooses a subscription for the shopper, if it does."""
    langs = langs_of(page)
    if c.kind == "checkbox" and paid_subscription(c.label, lex, langs):
        if c.checked:
            return "the subscription box is ticked in advance"
        if c.required:
            return "the order cannot be placed without ticking the subscription box"
    if c.kind == "select" and c.options:
        chosen = next((o for o in c.options if o.selected), c.options[0])
        if paid_subscription(chosen.text, lex, langs) and any(
                not paid_subscription(o.text, lex, langs) for o in c.options if not o.disabled):
            return "the subscription is selected in advance over a one-off purchase"
    return None


def _forced_radios(artifacts: Artifacts, lex: Lexicons) -> list[tuple[str, Control]]:
    groups: dict[tuple[str, str], list[tuple[PageSnapshot | None, Control]]] = {}
    for url, page, c in controls_seen(artifacts, OFFER_KINDS):
        if c.kind == "radio" and c.visible and c.name:
            groups.setdefault((url, c.name), []).append((page, c))
    out = []
    for (url, _), group in groups.items():
        subs = [c for page, c in group if paid_subscription(c.label, lex, langs_of(page))]
        if subs and len(subs) < len(group) and any(c.checked for c in subs):
            out.append((url, next(c for c in subs if c.checked)))
    return out


def cancellation_statements(artifacts: Artifacts, lex: Lexicons) -> tuple[list[str], list[Offer], list[str]]:
    """(online paths, barriers, cancel links) stated on shop and policy pages. A sentence that
    names a barrier ("cancel your subscription only by phone") is a barrier, never a path."""
    paths: dict[str, None] = {}
    barriers: dict[tuple[str, str], Offer] = {}
    links: dict[str, None] = {}
    for page in artifacts.pages:  # terms hide anywhere: FAQ, "other" pages the classifier could not name
        langs = langs_of(page)
        for b in page.text_blocks:
            for sent in sentences([b.text]):
                if lex.has("cancellation_barrier", sent, langs) and any(lex.has(c, sent, langs) for c in CANCEL_TOPIC):
                    barriers.setdefault((page.final_url, sent), Offer(page.final_url, sent[:200], b.locator))
                elif lex.has("cancellation_path", sent, langs):
                    paths[sent[:200]] = None
        for text, href in [(ln.text, ln.href) for ln in page.links] + [(bt.text, bt.href) for bt in page.buttons]:
            if lex.has("cancellation_path", text, langs) and not lex.has("cancellation_barrier", text, langs):
                links[f"{text[:80]} ({href or page.final_url})"] = None
    return list(paths), list(barriers.values()), list(links)


class HardToCancel(Check):
    id = "hard-to-cancel"
    title = "Subscriptions are opt-in and can be cancelled online as easily as taken"
    failure_title = "Subscriptions are forced on shoppers or hard to cancel"
    category = "choice-architecture"
    severity = "serious"
    references = (
        Ref("CRD", "art. 6(1)(o)"),
        Ref("UCPD", "art. 9(d)"),
        Ref("CRD", "art. 22", "subscription chosen by default"),
        Ref("IN-DP", "Annexure 1, item 5", "subscription trap"),
        Ref("US-ROSCA", "§ 8403(3)"),
        Ref("CA-BPC", "§ 17602(d)", "online cancellation"),
        Ref("DSA", "art. 25(3)(c)", "online platforms"),
    )
    description = """
    What it detects: subscriptions (auto-renewing plans, "subscribe & save", memberships, paid
    trials) sold on product, cart or checkout pages that either (a) are chosen for the shopper —
    the subscription option selected or ticked in advance over a one-off purchase, or required to
    buy — or (b) cannot be cancelled online: the shop and its policy pages state only a barrier
    (cancel by phone, in writing, by registered letter, in a store, against a fee) or state no
    way to cancel at all. A newsletter sign-up is treated the same when its unsubscribing is
    made harder than subscribing.
    Why it harms shoppers: a subscription taken in a few clicks but ended only by a phone call
    or a letter keeps charging people who have decided to leave. Traders must state how to end
    contracts that renew automatically (CRD art. 6(1)(o)); onerous barriers to terminating a
    contract are an aggressive practice (UCPD art. 9(d)); a payment option chosen by default is
    not consent (CRD art. 22). US federal law requires a simple mechanism to stop recurring
    charges (ROSCA, 15 U.S.C. § 8403(3)) and California requires online cancellation of what
    was bought online (Bus. & Prof. Code § 17602(d)); platforms must not make terminating a
    service harder than subscribing to it (DSA art. 25(3)(c)).
    """
    remedy = ("Leave the one-off purchase as the default and the subscription box unticked; offer a cancel button "
              "online (in the account or a cancellation page) that ends the subscription in as few steps as it took "
              "to start, and say so next to the offer.")
    requires = ("pages",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        findings: list[Finding] = []
        for url, page, c in controls_seen(artifacts, OFFER_KINDS):
            why = forced(page, c, lex) if c.visible else None
            if why:
                findings.append(self._forced(url, c, why))
        for url, c in _forced_radios(artifacts, lex):
            findings.append(self._forced(url, c, "the subscription is selected in advance over a one-off purchase"))
        sold = offers(artifacts, lex)
        paths, barriers, links = cancellation_statements(artifacts, lex)
        if sold and not links and (barriers or not paths):
            first = sold[0]
            findings.append(Finding(
                url=first.url, key="no online cancellation",
                message=("Subscription sold online, but cancelling it takes " + (f"another channel: \u201c{barriers[0].text[:120]}\u201d"
                         if barriers else "a way the shop never states: no online cancellation is offered")),
                locator=first.locator, text=first.text[:240],
                observed="; ".join(b.text for b in barriers[:3]) or "no statement of how to cancel on the shop or policy pages",
                expected="an online way to cancel (a button in the account or on a cancellation page) as easy as subscribing",
                evidence={"offers": [o.url for o in sold][:10], "barriers": [f"{b.url}: {b.text}" for b in barriers[:5]],
                          "online_paths": paths[:5], "cancel_links": links[:5]},
            ))
        marketing = [b for b in barriers if lex.has("consent", b.text)]
        if marketing and not sold and not links:
            b = marketing[0]
            findings.append(Finding(
                url=b.url, key="unsubscribe barrier", locator=b.locator, text=b.text,
                message=f"Marketing sign-up is online, but unsubscribing takes another channel: \u201c{b.text[:120]}\u201d",
                observed=b.text, expected="unsubscribing as easy as signing up (a link in every message, an online switch)",
                evidence={"barriers": [f"{x.url}: {x.text}" for x in marketing[:5]]},
            ))
        if not sold and not findings and not artifacts.pages_of_kind("product", "cart", "checkout"):
            return self.not_assessed("no product, cart or checkout page was reached")
        return self.judged(
            findings,
            passed=(f"{len(sold)} subscription offer(s), opt-in and cancellable online ({(links + paths + [''])[0][:80]})"
                    if sold else "no subscription is sold on the pages visited"),
            failed=f"{len(findings)} subscription trap(s)",
            offers=[o.url for o in sold][:10], online_paths=paths[:5], barriers=[b.text for b in barriers[:5]],
            cancel_links=links[:5],
        )

    def _forced(self, url: str, c: Control, why: str) -> Finding:
        chosen = next((o.text for o in c.options if o.selected), c.label) if c.kind == "select" else c.label
        return Finding(
            url=url, key="forced subscription",
            message=f"Subscription chosen for the shopper: {why} (\u201c{chosen[:100]}\u201d)",
            locator=c.locator, text=chosen[:240],
            observed=why, expected="a one-off purchase by default; the shopper opts in to a subscription",
            evidence={"control": c.kind, "name": c.name, "checked": c.checked, "required": c.required,
                      "group": c.group_label},
            box=c.box,
        )
