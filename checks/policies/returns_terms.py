"""returns-terms: the returns/withdrawal policy exists and states what a shopper needs."""

from __future__ import annotations

from auditor.artifacts import Artifacts, PageSnapshot
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import langs_of
from auditor.jurisdiction import rule
from auditor.legal import Ref
from auditor.text.facts import Fact, find_fact, sentences
from auditor.text.lexicon import lexicons

# element -> (concepts that state it, needs a number, what a reader is told is missing)
# A refund time must also be about refunding: "within 30 days" alone is the return period.
ALSO = {"refund_time": ("returns.refund",)}
ELEMENTS: dict[str, tuple[tuple[str, ...], bool, str]] = {
    "period": (("returns.period",), True, "how many days the shopper has to return or withdraw"),
    "period_start": (("returns.period_start",), False, "when that period starts (e.g. from delivery)"),
    "condition": (("returns.condition",), False, "the condition goods must be returned in"),
    "shipping_payer": (("returns.shipping_payer",), False, "who pays for return shipping"),
    "refund_method": (("returns.refund_method",), False, "how the money is refunded"),
    "refund_time": (("returns.refund_time",), True, "how soon the refund is made"),
    "how_to_start": (("returns.how_to_start", "returns.withdrawal_form"), False, "how to start a return"),
}
DEFAULT_REQUIRED = tuple(ELEMENTS)


def policy_pages(artifacts: Artifacts) -> list[PageSnapshot]:
    """Dedicated returns pages; failing those, terms pages that contain a returns section."""
    lex = lexicons()
    dedicated = [p for p in artifacts.pages if "returns" in p.policy_kinds]
    if dedicated:
        return dedicated
    return [p for p in artifacts.pages
            if {"terms", "faq", "delivery"} & set(p.policy_kinds)
            and lex.has("returns.period", p.full_text(), langs_of(p))]


def extract(pages: list[PageSnapshot]) -> dict[str, Fact]:
    lex = lexicons()
    facts: dict[str, Fact] = {}
    for page in pages:
        sents = sentences(b.text for b in page.text_blocks if b.region not in ("nav", "header", "footer"))
        for element, (concepts, numeric, _) in ELEMENTS.items():
            if element in facts and facts[element].status == "present":
                continue
            fact = find_fact(element, concepts, sents, lex, langs_of(page), require_number=numeric,
                             also=ALSO.get(element, ()))
            if fact.status != "missing" or element not in facts:
                facts[element] = fact
    return facts


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
    )
    description = """
    What it detects: no returns or withdrawal policy reachable from the shop, a policy that
    excludes returns outright, or one that leaves out an element shoppers need: the return
    period and when it starts, the condition goods must be in, who pays return shipping, how and
    how soon the money is refunded, and how to start a return. Each element is reported with the
    sentence that states it, or as missing.
    Why it harms shoppers: before a distance contract the trader must give the conditions, time
    limit and procedures for the right of withdrawal, and say if the consumer bears the cost of
    returning the goods (CRD art. 6(1)(h) and (i)); a shopper who cannot find them cannot use them.
    """
    remedy = ("Publish a returns page linked from every product and checkout page that states each "
              "missing element in plain words.")
    requires = ("pages",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        pages = policy_pages(artifacts)
        if not pages:
            unvisited = [s["url"] for s in artifacts.skipped
                         if any(w in s["url"].lower() for w in ("return", "refund", "widerruf", "povern", "vozvrat"))]
            if unvisited:
                return self.not_assessed("a returns page was linked but not visited: " + ", ".join(unvisited[:3]))
            if not any(p.policy_kinds for p in artifacts.pages):
                return self.not_assessed("no policy page of any kind was reached, so the crawl cannot tell")
            return self.judged([Finding(
                url=artifacts.target, message="No returns or withdrawal policy was found on the shop",
                observed=f"{len(artifacts.pages)} pages visited, none a returns policy",
                expected="a returns/withdrawal policy linked from the shop",
                key="no-policy")], passed="")
        required = tuple(rule(ctx.jurisdiction, "returns_elements", DEFAULT_REQUIRED))
        facts = extract(pages)
        url = pages[0].final_url
        findings: list[Finding] = []
        lex = lexicons()
        for page in pages:
            hit = lex.find("returns.no_returns", page.full_text(), langs_of(page))
            if hit:
                findings.append(Finding(
                    url=page.final_url, key="no-returns", message="The policy excludes returns outright",
                    text=hit[0].found, observed=f"\u201c{hit[0].found}\u201d",
                    expected="the statutory withdrawal right, with its period and procedure",
                    severity="critical"))
        for element in required:
            fact = facts.get(element, Fact(element, "missing"))
            if fact.status == "present":
                continue
            need = ELEMENTS[element][2]
            findings.append(Finding(
                url=url, key=element, text=fact.quote,
                message=(f"The returns policy does not say {need}" if fact.status == "missing"
                         else f"The returns policy is vague about {need}"),
                observed=fact.status if not fact.quote else f"{fact.status}: \u201c{fact.quote}\u201d",
                expected=need, evidence={"element": element, "status": fact.status}))
        table = {e: {"status": f.status, "quote": f.quote} for e, f in facts.items()}
        return self.judged(findings, passed=f"all {len(required)} required elements stated",
                           failed=f"{sum(1 for f in findings if f.key in ELEMENTS)} of {len(required)} required elements missing or vague",
                           pages=[p.final_url for p in pages], elements=table)
