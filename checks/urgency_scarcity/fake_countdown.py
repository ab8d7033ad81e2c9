"""fake-countdown: timers that restart for every new visitor instead of counting to a deadline."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.artifacts import Artifacts, Load, RepeatedLoads, TickingElement
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import box_on_page, context_text, observation
from auditor.legal import Ref
from auditor.text.durations import parse_countdown
from auditor.text.lexicon import lexicons


@dataclass
class Reading:
    load: Load
    tick: TickingElement
    seconds: int


def readings(series: RepeatedLoads) -> dict[str, list[Reading]]:
    """Countdown readings per timer across loads. A timer is text that ticked *down* within a
    load and reads as a duration; it is matched across loads by locator, or by position when a
    page shows exactly one timer (locators shift when pages inject banners)."""
    lex = lexicons()
    per_load: list[list[Reading]] = []
    for load in series.loads:
        found = []
        for tick in load.ticking:
            first = parse_countdown(tick.first, lex)
            second = parse_countdown(tick.second, lex)
            if first is not None and second is not None and 0 < first - second <= 5:
                found.append(Reading(load, tick, first))
        per_load.append(found)
    timers: dict[str, list[Reading]] = {}
    for found in per_load:
        for r in found:
            timers.setdefault(r.tick.locator, []).append(r)
    if all(len(f) <= 1 for f in per_load) and len(timers) > 1:
        timers = {"the page's countdown": [r for f in per_load for r in f]}
    return timers


class FakeCountdown(Check):
    id = "fake-countdown"
    title = "Countdown timers count down to a real deadline"
    failure_title = "Countdown timers restart for each new visitor"
    category = "urgency-scarcity"
    severity = "serious"
    references = (
        Ref("UCPD", "Annex I no. 7"),
        Ref("IN-DP", "Annexure 1, item 1", "false urgency"),
        Ref("DSA", "art. 25(1)", "online platforms"),
    )
    description = """
    What it detects: "offer ends in" timers that restart instead of counting down to a real
    deadline. The page is loaded by several new visitors (fresh browser contexts, no cookies)
    some seconds apart; a real deadline shows each visitor the same end, so the remaining time
    falls by exactly the time between the visits. A timer that shows a new visitor more time
    than that, or restarts when it reaches zero, is not a deadline.
    Why it harms shoppers: it falsely states that an offer is available only for a very limited
    time to rush a decision, which the UCPD blacklists in all circumstances (Annex I no. 7).
    """
    remedy = ("Count down to one fixed end time, the same for every visitor, and state the date; "
              "or remove the timer.")
    requires = ("repeated",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        tolerance = float(ctx.setting("countdown_tolerance_s", 3.0))
        findings: list[Finding] = []
        compared: list[str] = []
        single: list[str] = []
        for series in artifacts.repeated:
            for key, reads in readings(series).items():
                contexts = {r.load.context for r in reads}
                if len(contexts) < 2:
                    single.append(f"{series.url} ({key})")
                    continue
                compared.append(f"{series.url} ({key})")
                finding = self._judge(artifacts, series, key, sorted(reads, key=lambda r: r.load.elapsed_s), tolerance)
                if finding:
                    findings.append(finding)
        if not compared and single:
            return self.not_assessed(
                "countdowns were seen but not in two separate visits, so they could not be compared",
                seen=single)
        usable = [s for s in artifacts.repeated if sum(ld.error is None for ld in s.loads) >= 2]
        if not compared and not usable:
            return self.not_assessed("no page could be loaded twice for comparison")
        return self.judged(
            findings,
            passed=(f"{len(compared)} countdown(s) compared across visits kept one deadline" if compared
                    else f"no running countdown on the {len(usable)} page(s) loaded repeatedly"),
            failed=f"{len(findings)} countdown(s) restart for new visitors",
            compared=compared,
        )

    def _judge(self, artifacts: Artifacts, series: RepeatedLoads, key: str, reads: list[Reading],
               tolerance: float) -> Finding | None:
        base = reads[0]
        worst, culprit = 0.0, reads[-1]
        for r in reads[1:]:
            expected = base.seconds - (r.load.elapsed_s - base.load.elapsed_s)
            if abs(r.seconds - expected) > worst:
                worst, culprit = abs(r.seconds - expected), r
        if worst <= tolerance:
            return None
        gap = culprit.load.elapsed_s - base.load.elapsed_s
        text = context_text(culprit.load.text_blocks, culprit.tick.locator, culprit.tick.first)
        return Finding(
            url=series.url,
            message=(f"Countdown restarts for new visitors: {gap:.0f} s after the first visit, "
                     f"{culprit.load.profile} visitor {culprit.load.index + 1} saw {culprit.seconds} s left "
                     f"instead of about {max(0, base.seconds - gap):.0f} s"),
            locator=culprit.tick.locator if key == culprit.tick.locator else key,
            text=text,
            observed=" → ".join(f"{r.tick.first} ({r.seconds} s) at +{r.load.elapsed_s:.1f} s" for r in reads),
            expected="the remaining time falls by the time elapsed between visits (one fixed deadline)",
            observations=[observation(r.load, f"{r.tick.first} = {r.seconds} s remaining") for r in reads],
            evidence={"max_deviation_s": round(worst, 1), "tolerance_s": tolerance,
                      "visits": len(reads), "contexts": sorted({r.load.context for r in reads})},
            box=box_on_page(artifacts, series.url, culprit.tick.locator) or next(
                (r.tick.box for r in reads if r.load.profile != "mobile"), None),
        )
