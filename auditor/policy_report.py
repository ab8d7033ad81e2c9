"""Findings and element tables for the policy checks, worded the same way in every check.

Each required element that is missing or vague becomes one finding keyed by the element (a
stable identity for baselines) with the quote that was found, if any; the element table in
`CheckResult.details["elements"]` lists every element with its status, quote and page, and the
HTML report renders it as a table per policy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from auditor.check import Finding
from auditor.text.facts import ElementSpec, Fact


def element_findings(policy: str, facts: Mapping[str, Fact], specs: Mapping[str, ElementSpec],
                     required: Iterable[str], fallback_url: str, missing_verb: str = "does not say",
                     vague_verb: str = "is vague about") -> list[Finding]:
    """One finding per required element that is not clearly stated: "The {policy} {missing_verb}
    {need}" or "The {policy} {vague_verb} {need}"."""
    out: list[Finding] = []
    for element in required:
        spec = specs.get(element)
        if spec is None:
            continue
        fact = facts.get(element, Fact(element, "missing"))
        if fact.status == "present":
            continue
        missing = fact.status == "missing"
        out.append(Finding(
            url=fact.page or fallback_url, key=element, text=fact.quote,
            message=(f"The {policy} {missing_verb} {spec.need}" if missing
                     else f"The {policy} {vague_verb} {spec.need}"),
            observed=("not stated on any page read" if missing and not fact.quote
                      else f"{fact.status}: \u201c{fact.quote}\u201d"),
            expected=spec.need,
            evidence={"element": element, "status": fact.status, "page": fact.page or None},
        ))
    return out


def summary(found: list[Finding], required: Iterable[str], what: str = "required elements") -> str:
    req = list(required)
    n = sum(1 for f in found if f.key in req)
    return f"{n} of {len(req)} {what} missing or vague"
