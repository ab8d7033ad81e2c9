"""returns-terms: the returns/withdrawal policy exists and states what a shopper needs."""

from __future__ import annotations

import re
from collections.abc import Iterable

from auditor.artifacts import Artifacts, PageSnapshot
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import langs_of
from auditor.jurisdiction import rule
from auditor.legal import Ref
from auditor.policy_report import element_findings, summary
from auditor.policy_sources import any_policy_seen, page_source, policy_pages as find_policy_pages
from auditor.policy_sources import shop_sources, topical, unvisited
from auditor.text.facts import ElementSpec, Fact, Source, days_stated, element_table, extract_facts, sentences
from auditor.text.lexicon import lexicons
from auditor.text.normalize import normalize
from auditor.text.prices import find_prices

SPECS: tuple[ElementSpec, ...] = (
    ElementSpec("period", ("returns.period",), "how many days the shopper has to return or withdraw", numeric=True,
                avoid=("returns.refund",)),
    ElementSpec("period_start", ("returns.period_start",), "when that period starts (e.g. from delivery)"),
    ElementSpec("condition", ("returns.condition",), "the condition goods must be returned in"),
    ElementSpec("shipping_payer", ("returns.shipping_payer",), "who pays for return shipping"),
    ElementSpec("refund_method", ("returns.refund_method",), "how the money is refunded"),
    ElementSpec("refund_time", ("returns.refund_time",), "how soon the refund is made", numeric=True,
                vague_concepts=("delivery.vague_time",),  # "promptly", "as soon as possible": vague in any context
                topic=("returns.refund", "returns.refund_method")),
    ElementSpec("how_to_start", ("returns.how_to_start", "returns.withdrawal_form"), "how to start a return"),
    ElementSpec("withdrawal_form", ("returns.model_form",), "where to find the model withdrawal form"),
    ElementSpec("cancellation_fee", ("returns.cancellation_fee",), "what fee, if any, is kept on cancellation"),
)
ELEMENTS: dict[str, ElementSpec] = {s.name: s for s in SPECS}
DEFAULT_REQUIRED = ("period", "period_start", "condition", "shipping_payer", "refund_method", "refund_time", "how_to_start")


def policy_pages(artifacts: Artifacts) -> list[PageSnapshot]:
    """Dedicated returns pages; failing those, terms pages that contain a returns section."""
    return find_policy_pages(artifacts, ("returns",), ("terms", "faq", "delivery", "cancellation"), ("returns.period",))


def extract(pages: list[PageSnapshot], extra: Iterable[Source] = ()) -> dict[str, Fact]:
    """Each element from the policy pages first, then from `extra` sources (shop pages)."""
    sources = [page_source(p, "policy") for p in pages] + list(extra)
    return extract_facts(SPECS, sources, lexicons())


class ReturnsTerms(Check):
    id = "returns-terms"
    title = "The returns and withdrawal policy is complete"
    failure_title = "The returns policy is missing or leaves out what shoppers need"
    category = "policies"
    severity = "serious"
    references = (
        Ref("CRD", "art. 6(1)(h)"),
        Ref("CRD", "art. 6(1)(i)"),
        Ref("CRD", "arts. 9-14"),
        Ref("UK-CCR", "regs. 13, 29-38", "cancellation rights"),
        Ref("CA-BPC", "§ 17538(d)(1)", "refund policy before payment"),
        Ref("CA-CIV", "§ 1723(a)", "contents of a refund policy"),
        Ref("IL-CPL", "§ 14C(c)", "cancelling a distance transaction"),
        Ref("UA-CPL", "art. 13", "distance contracts"),
    )
    description = """
    What it detects: no returns or withdrawal policy reachable from the shop, a policy that
    excludes returns outright where the law gives a right to withdraw, a period shorter than the
    statutory one, or a policy that leaves out an element shoppers need: the return period and
    when it starts, the condition goods must be in, who pays return shipping, how and how soon
    the money is refunded, how to start a return and, in the EU and UK, the model withdrawal
    form; in Israel a cancellation fee above 5% or NIS 100. Terms stated on product, cart and
    checkout pages count. Each element is reported with the sentence that states it, or as
    missing; the jurisdiction profile decides which elements are required.
    Why it harms shoppers: before a distance contract the trader must give the conditions, time
    limit and procedures for the right of withdrawal, the model withdrawal form, and say if the
    consumer bears the cost of returning the goods (CRD art. 6(1)(h) and (i)); a shopper who
    cannot find them cannot use them.
    """
    remedy = ("Publish a returns page linked from every product and checkout page that states each "
              "missing element in plain words, with at least the statutory period.")
    requires = ("pages",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        pages = policy_pages(artifacts)
        shop = topical(shop_sources(artifacts), ("policy.returns",))
        if not pages and not shop:
            return self._no_policy(artifacts, ctx)
        required = tuple(rule(ctx.jurisdiction, "returns_elements", DEFAULT_REQUIRED))
        facts = extract(pages, shop)
        url = pages[0].final_url if pages else shop[0].url
        findings: list[Finding] = []
        findings += self._no_returns(pages, ctx)
        findings += element_findings("returns policy", facts, ELEMENTS, required, url)
        findings += self._period_too_short(facts, ctx)
        findings += self._fee_above_cap(facts, ctx)
        table = element_table(facts, required)
        return self.judged(findings, passed=f"all {len(required)} required elements stated",
                           failed=summary(findings, required),
                           pages=[p.final_url for p in pages] + [s.url for s in shop], elements=table)

    def _no_policy(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        linked = unvisited(artifacts, "returns")
        if linked:
            return self.not_assessed("a returns page was linked but not visited: " + ", ".join(linked[:3]))
        if not any_policy_seen(artifacts):
            return self.not_assessed("no policy page of any kind was reached, so the crawl cannot tell")
        if not rule(ctx.jurisdiction, "returns_policy_required", True):
            return self.not_assessed(f"the {ctx.jurisdiction} profile does not require a returns policy")
        return self.judged([Finding(
            url=artifacts.target, message="No returns or withdrawal policy was found on the shop",
            observed=f"{len(artifacts.pages)} pages visited, none a returns policy",
            expected="a returns/withdrawal policy linked from the shop",
            key="no-policy")], passed="")

    def _no_returns(self, pages: list[PageSnapshot], ctx: CheckContext) -> list[Finding]:
        """"All sales final" where the law gives a right to withdraw (not where disclosure is all it
        asks). The statutory exceptions a withdrawal notice lists ("Das Widerrufsrecht besteht nicht
        bei Verträgen zur Lieferung von Waren, die …", "except sealed goods") exclude those goods,
        not returns: only an unqualified sentence ("Sale items: all sales are final") does."""
        if rule(ctx.jurisdiction, "no_returns_allowed", False):
            return []
        lex = lexicons()
        out = []
        for page in pages:
            langs = langs_of(page)
            said = [(sentence, hits[0]) for sentence in sentences(b.text for b in page.text_blocks)
                    for hits in [lex.find("returns.no_returns", sentence, langs)]
                    if hits and not lex.has("returns.exception_scope", sentence, langs)]
            if said:
                sentence, hit = said[0]
                out.append(Finding(
                    url=page.final_url, key="no-returns", message="The policy excludes returns outright",
                    text=sentence[:300], observed=f"\u201c{hit.found}\u201d",
                    expected="the statutory withdrawal right, with its period and procedure",
                    severity="critical"))
        return out

    def _period_too_short(self, facts: dict[str, Fact], ctx: CheckContext) -> list[Finding]:
        statutory = int(rule(ctx.jurisdiction, "withdrawal_days", 0) or 0)
        fact = facts.get("period")
        if not statutory or not fact or fact.status != "present":
            return []
        days = days_stated(fact.quote, lexicons())
        if not days or max(days) >= statutory:
            return []
        return [Finding(
            url=fact.page, key="period-too-short", text=fact.quote, severity="critical",
            message=f"The return period ({max(days)} days) is shorter than the statutory {statutory} days",
            observed=f"\u201c{fact.quote}\u201d", expected=f"at least {statutory} days to withdraw",
            evidence={"stated_days": max(days), "statutory_days": statutory})]

    def _fee_above_cap(self, facts: dict[str, Fact], ctx: CheckContext) -> list[Finding]:
        """Israel caps the cancellation fee at 5% of the price or NIS 100, whichever is less."""
        cap = rule(ctx.jurisdiction, "cancellation_fee_cap", None)
        fact = facts.get("cancellation_fee")
        if not cap or not fact or fact.status != "present":
            return []
        norm = normalize(fact.quote)
        percents = [float(p.replace(",", ".")) for p in re.findall(r"(\d+(?:[.,]\d+)?)\s*%", norm)]
        amounts = [float(p.amount) for p in find_prices(fact.quote) if p.amount is not None]
        too_high = [f"{p:g}%" for p in percents if p > cap["percent"]] + \
                   [f"{a:g} {cap['currency']}" for a in amounts if a > cap["amount"]]
        if not too_high:
            return []
        return [Finding(
            url=fact.page, key="fee-above-cap", text=fact.quote, severity="critical",
            message=f"The cancellation fee ({', '.join(too_high)}) exceeds the statutory cap",
            observed=f"\u201c{fact.quote}\u201d",
            expected=f"at most {cap['percent']}% of the price or {cap['amount']} {cap['currency']}, whichever is less",
            evidence={"cap": cap})]
