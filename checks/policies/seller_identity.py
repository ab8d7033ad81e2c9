"""seller-identity: the shop says who sells — name, geographic address, e-mail, phone, registration."""

from __future__ import annotations

from auditor.artifacts import Artifacts
from auditor.check import Check, CheckContext, CheckResult
from auditor.jurisdiction import rule
from auditor.legal import Ref
from auditor.policy_report import element_findings, summary
from auditor.policy_sources import IdentityHit, identity_hits, identity_pages, unvisited
from auditor.text.facts import ElementSpec, Fact, element_table

SPECS: tuple[ElementSpec, ...] = (
    ElementSpec("trader", (), "who the seller is (its legal or trading name)"),
    ElementSpec("address", (), "the geographic address where the seller is established (street, number, postcode and town)"),
    ElementSpec("email", (), "an e-mail address to contact the seller"),
    ElementSpec("phone", (), "a telephone number to contact the seller"),
    ElementSpec("registration", (), "the seller's company, trade-register or tax registration number"),
)
ELEMENTS = {s.name: s for s in SPECS}
DEFAULT_REQUIRED = ("trader", "address", "email", "phone")


def identity_facts(hits: list[IdentityHit]) -> dict[str, Fact]:
    """Per element, the strongest statement: present before vague, structured data and links
    before text (hits arrive in that order)."""
    facts: dict[str, Fact] = {}
    for spec in SPECS:
        mine = [h for h in hits if h.element == spec.name]
        best = next((h for h in mine if h.statement.status == "present"), None) or (mine[0] if mine else None)
        facts[spec.name] = (Fact(spec.name, best.statement.status, best.statement.quote, via_concept(best),
                                 page=best.url, value=best.statement.value)
                            if best else Fact(spec.name, "missing"))
    return facts


def via_concept(hit: IdentityHit) -> str:
    return {"structured-data": "schema.org Organization", "link": "mailto:/tel: link"}.get(hit.statement.via, "text")


class SellerIdentity(Check):
    id = "seller-identity"
    title = "The shop says who the seller is and how to reach them"
    failure_title = "The seller's identity or contact details are missing"
    category = "policies"
    severity = "serious"
    references = (
        Ref("CRD", "art. 6(1)(b)"),
        Ref("CRD", "art. 6(1)(c)"),
        Ref("ECD", "art. 5(1)"),
        Ref("CA-BPC", "§ 17538(d)(1)", "legal name and street address before payment"),
        Ref("IL-CPL", "§ 14C(a)", "name, identity number and address"),
        Ref("UA-ECOM", "art. 7(1)", "seller information in e-commerce"),
    )
    description = """
    What it detects: a shop that does not say who sells: the trader's legal or trading name, the
    geographic address where it is established (a street, number, postcode and town, not a PO
    box), an e-mail address, a telephone number and, where the profile asks for it, the company
    or tax registration number. They are read from the imprint, contact, about and terms pages,
    from the header and footer of every page, from mailto: and tel: links and from schema.org
    Organization data; e-mails and phone numbers are recognised by their shape in any language,
    addresses by their structure. Each element is reported with the text that states it.
    Why it harms shoppers: the trader's identity, geographic address, telephone number and
    e-mail must be given before a distance contract (CRD art. 6(1)(b) and (c)) and be easily,
    directly and permanently accessible (E-Commerce Directive art. 5(1)). A shopper who cannot
    tell who the seller is cannot complain, withdraw or go to court.
    """
    remedy = ("Publish the seller's legal name, full postal address, e-mail, telephone and registration "
              "number on a contact or imprint page linked from every page (the footer is the usual place).")
    requires = ("pages",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        required = list(rule(ctx.jurisdiction, "seller_elements", DEFAULT_REQUIRED))
        if not required:
            return self.not_assessed(rule(ctx.jurisdiction, "seller_identity_note", "")
                                     or f"the {ctx.jurisdiction} profile requires no seller details")
        hits = identity_hits(artifacts, regions=rule(ctx.jurisdiction, "phone_regions", []))
        facts = identity_facts(hits)
        pages = identity_pages(artifacts)
        if not pages and not any(f.status == "present" for f in facts.values()):
            linked = unvisited(artifacts, "contact") + unvisited(artifacts, "imprint")
            if linked:
                return self.not_assessed("a contact or imprint page was linked but not visited: " + ", ".join(linked[:3]))
        url = pages[0].final_url if pages else artifacts.target
        findings = element_findings("shop", facts, ELEMENTS, required, url, "does not give", "gives only part of")
        return self.judged(findings, passed=f"all {len(required)} required seller details stated",
                           failed=summary(findings, required, "seller details"),
                           pages=[p.final_url for p in pages], elements=element_table(facts, required))
