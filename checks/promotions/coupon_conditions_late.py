"""coupon-conditions-late: conditions of a promotion first revealed when its code is applied."""

from __future__ import annotations

from auditor.artifacts import Artifacts
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.legal import Ref
from auditor.promos import CONDITION_NAMES, CouponOutcome, claims_for_code, coupon_outcomes, promo_claims
from auditor.catalog import product_urls, tile_roots
from auditor.text.lexicon import lexicons


class CouponConditionsLate(Check):
    id = "coupon-conditions-late"
    title = "Promotion conditions are known before the code is applied"
    failure_title = "Promotion conditions are first revealed when the code is applied"
    category = "promotions"
    severity = "moderate"
    requires = ("journey",)
    references = (
        Ref("UCPD", "art. 7(2)", "material information provided in an untimely manner"),
        Ref("ECD", "art. 6(c)", "conditions of promotional offers easily accessible"),
        Ref("UK-DMCC", "s. 227", "misleading omissions"),
    )
    description = """
    What it detects: a code the shop advertises (or one given in the journey file) that, applied
    in the shop's own cart by the shopper journey, is refused or restricted with a condition the
    advertisement did not state — "valid only from 100 € of goods", "not valid on sale items",
    "new customers only". The shop's answer is read in every language of the lexicons and its
    conditions (minimum order, cap, expiry, exclusions, one per customer) are compared with those
    stated beside the claim or one click away. A refusal that names no condition counts as late
    only when the claim stated no condition at all.
    Why it harms shoppers: the claim brought the shopper to fill a cart; a condition revealed
    only at the cart, after the choice of shop and products, is material information given too
    late to decide on, and pushes the shopper to spend more to reach it.
    """
    remedy = "State every condition of a promotion where the promotion is advertised, before the code is applied."

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        outcomes = coupon_outcomes(artifacts, lex)
        if not outcomes:
            notes = [n for n in (artifacts.journey.notes if artifacts.journey else []) if "code" in n or "coupon" in n]
            return self.not_assessed("no advertised or configured code was applied in the cart"
                                     + (f" ({notes[0]})" if notes else " (no code advertised, or no cart reached)"))
        products = product_urls(artifacts)
        claims = promo_claims(artifacts, lex, {p.final_url: tile_roots(p, products) for p in artifacts.pages})
        findings: list[Finding] = []
        for outcome in outcomes:
            related = claims_for_code(claims, outcome.code)
            known = {k for c in related for k in c.conditions}
            new = {k: q for k, q in outcome.revealed.items() if k not in known}
            if not new and outcome.refused and not outcome.revealed and not known and not outcome.accepted:
                new = {"restriction": outcome.answer}
            if new:
                findings.append(self._finding(outcome, new, known, related))
        judged = ", ".join(f"{o.code}: {'accepted' if o.accepted else 'refused'}" for o in outcomes)
        return self.judged(findings, passed=f"codes applied ({judged}); the shop's answers revealed no new condition",
                           failed=f"{len(findings)} code(s) answered with conditions not stated before",
                           applied=[{"code": o.code, "step": o.step.index, "answer": o.answer, "accepted": o.accepted}
                                    for o in outcomes])

    def _finding(self, outcome: CouponOutcome, new: dict[str, str], known: set[str], related: list) -> Finding:
        names = [CONDITION_NAMES.get(k, "a restriction") for k in new]
        claim = related[0] if related else None
        return Finding(
            url=outcome.step.url,
            message=(f"Applying {outcome.code} in the cart, the shop answered \u201c{outcome.answer[:160]}\u201d: "
                     f"{', '.join(names)} not stated where the code was advertised"),
            text=outcome.answer, key=f"code:{outcome.code}",
            observed=f"revealed on applying: {', '.join(names)}",
            expected="conditions stated with the advertisement: " + (", ".join(CONDITION_NAMES[k] for k in sorted(known)) or "none were"),
            evidence={"step": outcome.step.index, "code": outcome.code, "answer": outcome.answer, "accepted": outcome.accepted,
                      "revealed": new, "stated_before": sorted(known),
                      "advertised_on": claim.seen_on[:5] if claim else [], "claim": claim.text if claim else None},
        )
