"""nagging: the same interruption coming back after the shopper dismissed it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor.artifacts import Artifacts, Overlay, PageSnapshot
from auditor.check import Check, CheckContext, CheckResult, Finding, Observation
from auditor.legal import Ref
from auditor.text.normalize import clip, normalize

INTERRUPTIONS = ("modal", "banner", "dialog", "cookie")  # toasts come and go on their own
NOT_A_DISMISSAL = ("Escape key",)  # the auditor's fallback: it does not show the shopper could close it
_DIGITS = re.compile(r"\d+")


def _words(overlay: Overlay) -> frozenset[str]:
    # Digits vary (a countdown inside a newsletter pop-up); the words make the interruption.
    return frozenset(_DIGITS.sub(" ", normalize(overlay.text)).split()[:80])


def _similar(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


@dataclass
class Sighting:
    page: PageSnapshot
    overlay: Overlay


@dataclass
class Interruption:
    words: frozenset[str]
    locator: str
    sightings: list[Sighting] = field(default_factory=list)

    def matches(self, overlay: Overlay, words: frozenset[str]) -> bool:
        score = _similar(self.words, words)
        return score >= 0.8 or (overlay.locator == self.locator and score >= 0.5)

    def first_dismissal(self) -> int | None:
        for i, s in enumerate(self.sightings):
            if s.overlay.dismissed_by and s.overlay.dismissed_by not in NOT_A_DISMISSAL:
                return i
        return None


def sessions(artifacts: Artifacts) -> dict[str, list[PageSnapshot]]:
    """Pages in visiting order, per browser session: the crawl is one session, the shopper
    journey another (it starts from a fresh context)."""
    crawl = [p for p in artifacts.pages if p.found_from != "journey"]
    journey = [p for p in artifacts.pages if p.found_from == "journey"]
    return {name: pages for name, pages in (("crawl", crawl), ("journey", journey)) if pages}


def interruptions(pages: list[PageSnapshot]) -> list[Interruption]:
    found: list[Interruption] = []
    for page in pages:
        for overlay in page.overlays:
            if overlay.kind not in INTERRUPTIONS or not overlay.text.strip():
                continue
            words = _words(overlay)
            same = next((it for it in found if it.matches(overlay, words)), None)
            if same is None:
                same = Interruption(words, overlay.locator)
                found.append(same)
            if not same.sightings or same.sightings[-1].page is not page:
                same.sightings.append(Sighting(page, overlay))
    return found


class Nagging(Check):
    id = "nagging"
    title = "Dismissed pop-ups stay dismissed"
    failure_title = "Pop-ups come back after the shopper dismissed them"
    category = "choice-architecture"
    severity = "moderate"
    references = (
        Ref("IN-DP", "Annexure 1, item 10", "nagging"),
        Ref("DSA", "art. 25(3)(b)", "online platforms"),
    )
    description = """
    What it detects: a pop-up, banner or prompt (newsletter sign-up, app banner, notification
    or cookie request) that the shopper dismissed and that appears again on later pages of the
    same visit. The auditor browses the shop in one session, as a shopper would, dismisses each
    interruption with its decline or close control, and counts how often the same interruption
    returns on the pages that follow. An interruption dismissed once and not shown again passes.
    Why it harms shoppers: repeatedly asking for a choice the shopper has already made wears
    them down until they give in, and interrupts the purchase they came for. For online
    platforms, DSA art. 25(3)(b) names "repeatedly requesting that the recipient make a choice
    where that choice has already been made, especially by presenting pop-ups" as a practice
    to which the ban on manipulative interfaces in art. 25(1) applies; the India CCPA
    guidelines list nagging.
    """
    remedy = "Remember the shopper's answer (cookie or storage) and do not show the same request again in the visit."
    requires = ("pages",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        min_returns = int(ctx.setting("nagging_min_returns", 2))
        findings: list[Finding] = []
        tracked: list[str] = []
        unverified: list[str] = []
        visited = sessions(artifacts)
        if not any(len(pages) >= 2 for pages in visited.values()):
            return self.not_assessed("fewer than two pages were visited in one session, so nothing could come back")
        for session, pages in visited.items():
            for it in interruptions(pages):
                first = it.first_dismissal()
                label = clip(it.sightings[0].overlay.text, 80)
                if first is None:
                    unverified.append(f"{session}: \u201c{label}\u201d (no control closed it)")
                    continue
                tracked.append(f"{session}: \u201c{label}\u201d")
                returns = it.sightings[first + 1:]
                if len(returns) >= min_returns:
                    findings.append(self._finding(session, it, first, pages))
        return self.judged(
            findings,
            passed=(f"{len(tracked)} dismissed interruption(s) did not come back" if tracked
                    else f"no pop-up or banner interrupted the {sum(len(p) for p in visited.values())} pages visited"),
            failed=f"{len(findings)} interruption(s) came back after being dismissed",
            dismissed=tracked, not_dismissable_by_a_control=unverified,
            min_returns=min_returns,
        )

    def _finding(self, session: str, it: Interruption, first: int, pages: list[PageSnapshot]) -> Finding:
        dismissed = it.sightings[first]
        returns = it.sightings[first + 1:]
        later = pages[pages.index(dismissed.page) + 1:]
        order = {id(p): i + 1 for i, p in enumerate(pages)}

        def obs(s: Sighting) -> Observation:
            what = (f"shown, dismissed with \u201c{s.overlay.dismissed_by}\u201d" if s.overlay.dismissed_by
                    else "shown")
            return Observation(label=f"{session} page {order[id(s.page)]}", at=s.page.loaded_at,
                               value=what, url=s.page.final_url)

        return Finding(
            url=dismissed.page.final_url,
            message=(f"{dismissed.overlay.kind.capitalize()} dismissed with \u201c{dismissed.overlay.dismissed_by}\u201d "
                     f"came back on {len(returns)} of the {len(later)} later pages of the visit"),
            locator=dismissed.overlay.locator, text=clip(dismissed.overlay.text, 300),
            observed=f"shown on {len(it.sightings)} of {len(pages)} pages; dismissed on page "
                     f"{order[id(dismissed.page)]}, back on pages {', '.join(str(order[id(s.page)]) for s in returns[:15])}",
            expected="once dismissed, not shown again during the visit",
            observations=[obs(s) for s in it.sightings[:20]],
            evidence={"session": session, "kind": dismissed.overlay.kind,
                      "dismissed_by": dismissed.overlay.dismissed_by, "returns": len(returns),
                      "later_pages": len(later), "return_urls": [s.page.final_url for s in returns[:20]]},
            box=dismissed.overlay.box,
        )
