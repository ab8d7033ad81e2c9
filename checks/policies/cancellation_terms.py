"""cancellation-terms: how to cancel an order before and after dispatch, and a subscription."""

from __future__ import annotations

from auditor.artifacts import Artifacts
from auditor.check import Check, CheckContext, CheckResult
from auditor.checkkit import langs_of
from auditor.jurisdiction import rule
from auditor.legal import Ref
from auditor.policy_report import element_findings, summary
from auditor.subscriptions import offers
from auditor.policy_sources import (
    SHOP_KINDS, any_policy_seen, page_source, pages_with, shop_sources, topical, unvisited,
)
from auditor.text.facts import ElementSpec, element_table, extract_facts, sentences
from auditor.text.lexicon import lexicons
from auditor.text.prices import find_prices

SPECS: tuple[ElementSpec, ...] = (
    ElementSpec("before_dispatch", ("cancellation.before_dispatch",),
                "how to cancel an order before it is dispatched"),
    ElementSpec("after_dispatch", ("cancellation.after_dispatch",),
                "what happens if the shopper cancels after dispatch (refuse or return the parcel)"),
    ElementSpec("subscription", ("cancellation.subscription", "cancellation_path"),
                "how to cancel the subscription and when it renews"),
)
ELEMENTS = {s.name: s for s in SPECS}
DEFAULT_REQUIRED = ("before_dispatch", "after_dispatch", "subscription")
POLICY_KINDS = ("cancellation", "subscription", "terms", "returns", "faq", "delivery")
TOPIC = ("policy.cancellation", "cancellation.before_dispatch", "cancellation.after_dispatch",
         "cancellation.subscription")


def sells_subscriptions(artifacts: Artifacts) -> bool:
    """A subscription is offered where shoppers buy: a subscription sentence with a price in it
    ("£20 per month", "auto-renews at $18") — a newsletter to subscribe to has no price."""
    if pages_with(artifacts, ("subscription",)):
        return True
    lex = lexicons()
    if offers(artifacts, lex):
        return True  # a purchase option that is a subscription ("Delivered every month")
    for page in artifacts.pages:
        if page.kind not in SHOP_KINDS:
            continue
        langs = langs_of(page)
        for sent in sentences(b.text for b in page.text_blocks if b.region == "main"):
            if lex.has("subscription", sent, langs) and any(p.amount for p in find_prices(sent)):
                return True
    return False


class CancellationTerms(Check):
    id = "cancellation-terms"
    title = "The shop says how to cancel an order and a subscription"
    failure_title = "Cancellation terms are missing or unclear"
    category = "policies"
    severity = "moderate"
    references = (
        Ref("CRD", "art. 6(1)(h)"),
        Ref("CRD", "art. 6(1)(o)"),
        Ref("CA-BPC", "§ 17602(a)(3)", "cancellation policy of an automatic renewal"),
        Ref("IL-CPL", "§ 14C(c)", "cancelling a distance transaction"),
        Ref("UA-CPL", "art. 13", "withdrawing from a distance contract"),
    )
    description = """
    What it detects: no statement of how to cancel an order before it is dispatched, what
    happens when the shopper cancels after dispatch (refusing the parcel or returning it), and,
    where the shop sells subscriptions, how to cancel the subscription and when it renews. Each
    element is reported with the sentence that states it, or as missing, read from the
    cancellation, returns, terms, FAQ and delivery pages and from product, cart and checkout pages.
    Why it harms shoppers: the right to withdraw runs from the order until after delivery, and
    the trader must explain the procedure (CRD art. 6(1)(h)) and, for contracts of indefinite
    duration or that renew automatically, the conditions for terminating them (art. 6(1)(o)).
    A shopper who changes their mind and cannot tell how to stop an order or a subscription
    pays for what they no longer want.
    """
    remedy = ("State how to cancel before dispatch (e.g. by e-mail or in the account), what to do "
              "if the parcel has already left, and how and when a subscription can be cancelled.")
    requires = ("pages",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        required = [e for e in rule(ctx.jurisdiction, "cancellation_elements", DEFAULT_REQUIRED)
                    if e != "subscription" or sells_subscriptions(artifacts)]
        if not required:
            note = rule(ctx.jurisdiction, "cancellation_note", "")
            return self.not_assessed(note or f"the {ctx.jurisdiction} profile requires no cancellation terms here")
        pages = pages_with(artifacts, POLICY_KINDS)
        sources = [page_source(p, "policy") for p in pages] + topical(shop_sources(artifacts), TOPIC)
        if not pages and not sources:
            linked = unvisited(artifacts, "cancellation") + unvisited(artifacts, "returns")
            if linked:
                return self.not_assessed("a cancellation or returns page was linked but not visited: " + ", ".join(linked[:3]))
            if not any_policy_seen(artifacts):
                return self.not_assessed("no policy page of any kind was reached, so the crawl cannot tell")
        facts = extract_facts(SPECS, sources, lexicons())
        # Point missing terms at the page that should carry them: the cancellation page, else the terms.
        ranked = sorted(pages, key=lambda p: min(POLICY_KINDS.index(k) for k in p.policy_kinds if k in POLICY_KINDS))
        url = ranked[0].final_url if ranked else artifacts.target
        findings = element_findings("shop's terms", facts, ELEMENTS, required, url,
                                    "do not say", "are vague about")
        return self.judged(findings, passed=f"all {len(required)} required cancellation terms stated",
                           failed=summary(findings, required, "cancellation terms"),
                           pages=[s.url for s in sources], elements=element_table(facts, required))
