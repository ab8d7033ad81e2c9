"""coupon-conditions-hidden: coupon and "X off" claims without their conditions nearby or one click away."""

from __future__ import annotations

from auditor.artifacts import Artifacts
from auditor.catalog import product_urls, tile_roots
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.legal import Ref
from auditor.promos import CONDITION_NAMES, PromoClaim, coupon_outcomes, promo_claims
from auditor.text.lexicon import lexicons


class CouponConditionsHidden(Check):
    id = "coupon-conditions-hidden"
    title = "Promotions state their conditions where they are advertised"
    failure_title = "Promotions are advertised without their conditions"
    category = "promotions"
    severity = "moderate"
    requires = ("pages",)
    references = (
        Ref("UCPD", "art. 6(1)(d)", "the existence of a specific price advantage"),
        Ref("UCPD", "art. 7(1)", "material information omitted"),
        Ref("ECD", "art. 6(c)", "conditions of promotional offers easily accessible"),
        Ref("IN-DP", "Annexure 1, item 7", "bait and switch"),
        Ref("UK-DMCC", "s. 227", "misleading omissions"),
    )
    description = """
    What it detects: promotion claims — coupons, promo codes, gift certificates, "X% off" or
    "X off" banners and pop-ups, in every language of the lexicons — that state none of their
    conditions (minimum order, a cap on the discount or on its share of the order, expiry,
    excluded products, one per customer or first order only) in the claim, in the text around
    it, or on a page one click away from it (its "terms apply" link). A claim whose code the
    shopper journey applied in the cart and the shop accepted with no condition is taken to
    have none. A claim linking to terms the crawl did not visit is not judged.
    Why it harms shoppers: an unconditional-looking "20% off" draws shoppers in; conditions
    learnt only later (a minimum spend, excluded brands) turn the promised saving into a
    smaller one or none, after the shopper has chosen the shop and filled the cart.
    """
    remedy = ("Print the main conditions with every promotion (minimum order, cap, expiry, exclusions, "
              "one per customer), or link them from the promotion in one click.")

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        products = product_urls(artifacts)
        skip = {p.final_url: tile_roots(p, products) for p in artifacts.pages}
        claims = promo_claims(artifacts, lex, skip)
        outcomes = {o.code.casefold(): o for o in coupon_outcomes(artifacts, lex)}
        findings: list[Finding] = []
        unjudged: list[str] = []
        with_conditions = 0
        for claim in claims:
            if claim.conditions:
                with_conditions += 1
                continue
            if claim.unvisited_terms:
                unjudged.append(f"{claim.text[:80]} (terms at {claim.unvisited_terms[0]} not visited)")
                continue
            tried = [outcomes[c.casefold()] for c in claim.codes if c.casefold() in outcomes]
            if tried and all(o.accepted and not o.revealed and not o.refused for o in tried):
                with_conditions += 1  # applied and accepted unconditionally: nothing was hidden
                continue
            findings.append(self._finding(claim, tried))
        if not claims:
            return self.judged([], passed="no coupon, promo-code or \u201cX off\u201d claim was found on the pages reached")
        if not findings and not with_conditions:
            return self.not_assessed("the conditions of the promotions found could not be checked: " + "; ".join(unjudged[:3]))
        return self.judged(findings, passed=f"{with_conditions} promotion claim(s), each with its conditions nearby or one click away",
                           failed=f"{len(findings)} promotion claim(s) without any of their conditions",
                           claims=len(claims), not_judged=unjudged)

    def _finding(self, claim: PromoClaim, tried: list) -> Finding:
        answer = next((o for o in tried if o.revealed or o.refused), None)
        return Finding(
            url=claim.url,
            message=(f"Promotion \u201c{claim.text[:120]}\u201d states no condition (minimum order, cap, expiry, "
                     "exclusions, one per customer) nearby or one click away"
                     + (f"; applying {answer.code} the shop answered \u201c{answer.answer[:120]}\u201d" if answer else "")),
            locator=claim.locator, text=claim.text, box=claim.box,
            observed="no condition stated with the claim" + (f"; codes: {', '.join(claim.codes)}" if claim.codes else ""),
            expected="its conditions (" + ", ".join(CONDITION_NAMES.values()) + ") beside it or one click away",
            key=f"claim:{claim.text[:60]}",
            evidence={"claim": claim.text, "codes": list(claim.codes), "region": claim.region, "overlay": claim.overlay,
                      "seen_on": claim.seen_on[:10],
                      "applied": [{"code": o.code, "step": o.step.index, "answer": o.answer, "accepted": o.accepted}
                                  for o in tried]},
        )
