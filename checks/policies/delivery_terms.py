"""delivery-terms: delivery costs, times, regions, carriers, payment and restrictions are stated."""

from __future__ import annotations

from auditor.artifacts import Artifacts
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.jurisdiction import rule
from auditor.legal import Ref
from auditor.policy_report import element_findings, summary
from auditor.policy_sources import (
    SHOP_KINDS, any_policy_seen, page_source, pages_with, shop_sources, topical, unvisited,
)
from auditor.text.facts import ElementSpec, Fact, Source, element_table, extract_facts
from auditor.text.lexicon import lexicons
from auditor.text.normalize import clip, normalize

SPECS: tuple[ElementSpec, ...] = (
    ElementSpec("cost", ("delivery.cost", "price.shipping_free", "price.shipping_rule"), "what delivery costs"),
    ElementSpec("time", ("delivery.time",), "how long delivery takes", numeric=True,
                vague_concepts=("delivery.vague_time",)),
    ElementSpec("region", ("delivery.region",), "where the shop delivers and whether times or costs differ by region"),
    ElementSpec("carrier", ("delivery.carrier", "delivery.pickup"), "which carrier delivers or where parcels can be collected"),
    ElementSpec("payment", ("delivery.prepayment", "delivery.cash_on_delivery"),
                "whether the shopper pays in advance or on delivery"),
    ElementSpec("inspection", ("delivery.inspection",), "whether the goods can be inspected before paying on delivery"),
    ElementSpec("restrictions", ("delivery.restrictions",), "whether any delivery restrictions apply"),
)
ELEMENTS = {s.name: s for s in SPECS}
DEFAULT_REQUIRED = ("cost", "time", "payment", "restrictions")
POLICY_KINDS = ("delivery", "payment", "terms", "faq")
TOPIC = ("policy.delivery", "price.shipping", "delivery.cost", "delivery.time", "delivery.vague_time",
         "delivery.carrier", "delivery.pickup", "delivery.cash_on_delivery", "delivery.prepayment")


def priced_shipping(artifacts: Artifacts) -> list[Fact]:
    """Shipping costs the shop shows as prices: "+ £3.95 delivery" beside the price on a product
    or cart page, the checkout's shipping options and the shipping lines of its ledger."""
    lex = lexicons()
    out: list[Fact] = []
    for page in artifacts.pages:
        if page.kind not in SHOP_KINDS:
            continue
        langs = [page.lang, "en"] if page.lang else None
        for p in page.prices:
            if p.amount is not None and p.region == "main" and lex.has("price.shipping", p.context or "", langs):
                out.append(Fact("cost", "present", clip(p.context, 300), "price beside the product", page=page.final_url))
    if artifacts.journey:
        for step in artifacts.journey.steps:
            quotes = [f"{o.label}: {o.amount} {o.currency or ''}".strip() for o in step.shipping_options if o.amount is not None]
            if step.ledger:
                quotes += [ln.text or f"{ln.label}: {ln.amount}" for ln in step.ledger.lines
                           if ln.kind == "shipping" and ln.amount is not None]
            if quotes:
                out.append(Fact("cost", "present", clip("; ".join(quotes), 300), "shipping options at checkout", page=step.url))
    return out


def cod_offered(sources: list[Source]) -> bool:
    """Payment on delivery is offered: stated without a negation next to it ("we don't offer
    payment on delivery", "cash on delivery is not available" are not offers)."""
    lex = lexicons()
    for src in sources:
        for sent in src.sentences:
            norm = normalize(sent)
            for hit in lex.find("delivery.cash_on_delivery", norm, src.langs, normalized=True):
                near = [n for n in lex.find("negation", norm, src.langs, normalized=True)
                        if (n.end <= hit.start and hit.start - n.end < 25) or (n.start >= hit.end and n.start - hit.end < 25)]
                if not near:
                    return True
    return False


class DeliveryTerms(Check):
    id = "delivery-terms"
    title = "Delivery terms are complete"
    failure_title = "Delivery terms are missing or vague"
    category = "policies"
    severity = "moderate"
    references = (
        Ref("CRD", "art. 6(1)(e)"),
        Ref("CRD", "art. 6(1)(g)"),
        Ref("CRD", "art. 8(3)"),
        Ref("IL-CPL", "§ 14C(a)", "time and manner of delivery"),
        Ref("UA-CPL", "art. 13", "delivery terms of distance contracts"),
    )
    description = """
    What it detects: delivery terms that leave out what a shopper needs before ordering: the
    delivery cost, how long delivery takes (a number, not "fast delivery"), where the shop
    delivers, the carrier or pickup points, whether payment is taken in advance or on delivery,
    whether goods paid on delivery can be inspected first, and whether delivery restrictions
    apply. Delivery pages, terms, FAQs and what product, cart and checkout pages say beside the
    price all count. Each element is reported as present, vague or missing with its quote; the
    jurisdiction profile decides which are required.
    Why it harms shoppers: the trader must state delivery costs and the arrangements and time
    for delivery before the contract (CRD art. 6(1)(e) and (g)), and trading websites must say
    at the start of the ordering process whether delivery restrictions apply and which means of
    payment are accepted (art. 8(3)). Shoppers in remote regions otherwise learn at the door.
    """
    remedy = ("Publish a delivery page with costs, delivery times by region in days, carriers or "
              "pickup options, payment options and any places you do not deliver to.")
    requires = ("pages",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        required = list(rule(ctx.jurisdiction, "delivery_elements", DEFAULT_REQUIRED))
        pages = pages_with(artifacts, POLICY_KINDS)
        sources = [page_source(p, "policy") for p in pages] + topical(shop_sources(artifacts), TOPIC)
        facts = extract_facts(SPECS, sources, lexicons())
        priced = priced_shipping(artifacts)
        if priced and facts["cost"].status != "present":
            facts["cost"] = priced[0]  # a cost shown as a price beside the product states it too
        cod = cod_offered(sources)
        if cod:
            required += [e for e in rule(ctx.jurisdiction, "delivery_elements_with_cod", ["inspection"])
                         if e not in required]
        table = element_table(facts, required)
        if not required:
            note = rule(ctx.jurisdiction, "delivery_note", "")
            return self.not_assessed(note or f"the {ctx.jurisdiction} profile requires no delivery terms",
                                     elements=table)
        if not sources and not priced:
            linked = unvisited(artifacts, "delivery")
            if linked:
                return self.not_assessed("a delivery page was linked but not visited: " + ", ".join(linked[:3]))
            if not any_policy_seen(artifacts):
                return self.not_assessed("no policy page of any kind was reached, so the crawl cannot tell")
            return self.judged([Finding(
                url=artifacts.target, key="no-policy", message="No delivery terms were found on the shop",
                observed=f"{len(artifacts.pages)} pages visited; no delivery page and no delivery terms beside prices",
                expected="delivery costs, times and conditions stated before the order")], passed="")
        url = pages[0].final_url if pages else (sources[0].url if sources else priced[0].page)
        findings = element_findings("delivery terms", facts, ELEMENTS, required, url,
                                    "do not say", "are vague about")
        return self.judged(findings, passed=f"all {len(required)} required delivery elements stated",
                           failed=summary(findings, required),
                           pages=list(dict.fromkeys([s.url for s in sources] + [f.page for f in priced])),
                           cash_on_delivery=cod,
                           elements=table)
