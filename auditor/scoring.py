"""Scores from verdicts. Gating (what fails CI) lives in auditor/gating.py, not here.

A check scores 1 when it passes and 0 when it fails; a category is the weighted mean of its
assessed checks, the overall score the weighted mean of all assessed checks. `not-assessed`
weighs nothing in the mean but lowers `coverage`, which every report shows beside the score:
a score over half the checks is not a clean bill of health.
"""

from __future__ import annotations

from collections.abc import Sequence

from auditor.check import CATEGORIES
from auditor.report import CategoryScore, CheckReport

CATEGORY_TITLES = {
    "urgency-scarcity": "Urgency and scarcity",
    "choice-architecture": "Choice architecture",
    "price-transparency": "Price transparency",
    "promotions": "Promotions and coupons",
    "policies": "Policies and terms",
    "stock": "Stock",
}


def _weighted(checks: Sequence[CheckReport]) -> float | None:
    assessed = [c for c in checks if c.verdict != "not-assessed"]
    weight = sum(c.weight for c in assessed)
    if not assessed or weight <= 0:
        return None
    earned = sum(c.weight for c in assessed if c.verdict == "pass")
    return round(100.0 * earned / weight, 1)


def category_scores(checks: Sequence[CheckReport]) -> dict[str, CategoryScore]:
    out: dict[str, CategoryScore] = {}
    for cat in CATEGORIES:
        members = [c for c in checks if c.category == cat]
        if not members:
            continue
        out[cat] = CategoryScore(
            score=_weighted(members),
            assessed=sum(1 for c in members if c.verdict != "not-assessed"),
            total=len(members),
            title=CATEGORY_TITLES.get(cat, cat),
        )
    return out


def overall_score(checks: Sequence[CheckReport]) -> float | None:
    return _weighted(checks)


def coverage(checks: Sequence[CheckReport]) -> float:
    total = sum(c.weight for c in checks)
    if total <= 0:
        return 0.0
    return round(sum(c.weight for c in checks if c.verdict != "not-assessed") / total, 3)
