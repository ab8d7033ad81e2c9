"""fake-countdown: timers that restart for every new visitor instead of counting to a deadline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from auditor.artifacts import Artifacts, Load, RepeatedLoads, TextBlock, TickingElement
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import box_on_page, context_text, langs_of, observation
from auditor.legal import Ref
from auditor.text.durations import parse_countdown
from auditor.text.lexicon import lexicons
from auditor.text.normalize import normalize

_YEAR = re.compile(r"(?<!\d)20\d\d(?!\d)")
# A day and month with a year ("1.3.2030", "01/03/30") or a slash ("1/3"): "£12.05" is a price.
_DATE = re.compile(r"(?<![\d:.,])(?:0?[1-9]|[12]\d|3[01])(?:[./-](?:0?[1-9]|1[0-2])[./-](?:\d{2}|\d{4})|/(?:0?[1-9]|1[0-2]))(?![\d:,%])")


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


@dataclass
class Restart:
    """A countdown that jumped back up while one visitor watched it."""

    load: Load
    tick: TickingElement
    before: int  # seconds left just before the jump
    after: int  # seconds left just after
    read_after: str


def restarts_within_a_visit(series: RepeatedLoads, tolerance: float) -> list[Restart]:
    """Timers that restart when they reach zero: between the two quick reads of a visit, or
    between the second read and the page's final text. A clock never jumps forward by more
    than the time elapsed; a countdown that gains time is not counting to a deadline."""
    lex = lexicons()
    found: list[Restart] = []
    for load in series.loads:
        final = {b.locator: b.text for b in load.text_blocks}
        for tick in load.ticking:
            first, second = parse_countdown(tick.first, lex), parse_countdown(tick.second, lex)
            if first is None or second is None:
                continue
            label = context_text(load.text_blocks, tick.locator, tick.first)
            if not (lex.has("countdown_label", label) or lex.has("urgency", label)):
                continue  # a number that jumps is a countdown only where the page says so
            if second - first > tolerance + tick.interval_ms / 1000:
                found.append(Restart(load, tick, first, second, tick.second))
                continue
            last = parse_countdown(final.get(tick.locator, ""), lex)
            if 0 < first - second <= 5 and last is not None and last > second + tolerance:
                found.append(Restart(load, tick, second, last, final[tick.locator]))
    return found


@cache
def _month_patterns(lang: str) -> re.Pattern[str] | None:
    try:
        from babel.dates import get_month_names

        names = {normalize(n) for ctx in ("format", "stand-alone")
                 for n in get_month_names("wide", context=ctx, locale=lang).values()}
    except Exception:  # babel has no data for the language
        return None
    glued = r"\w?" if lang in ("he", "ar") else ""  # ב־מרץ, في مارس: one-letter clitics
    return re.compile(r"(?<!\w)" + glued + "(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")


def stated_end(blocks: list[TextBlock], locator: str, langs: list[str | None] | None) -> str | None:
    """The end date or time a timer's surroundings state ("Sale ends 1 March 2030"), if any."""
    idx = next((i for i, b in enumerate(blocks) if b.locator == locator), None)
    if idx is None:
        return None
    wanted = [*langs, "en"] if langs else lexicons().languages  # unknown language: every one we read
    patterns = [m for lg in dict.fromkeys(wanted) if lg and (m := _month_patterns(lg))]
    for block in blocks[max(0, idx - 2): idx + 3]:
        text = normalize(block.text)
        if _YEAR.search(text) or _DATE.search(text) or any(m.search(text) for m in patterns):
            return block.text[:200]
    return None


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
    than that, or restarts when it reaches zero while a visitor watches, is not a deadline.
    Whether the page states an end date or time beside the timer is recorded as supporting
    evidence.
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
            langs = langs_of(artifacts.page_for(series.url))
            restarts = restarts_within_a_visit(series, tolerance)
            for key, reads in readings(series).items():
                contexts = {r.load.context for r in reads}
                if len(contexts) < 2:
                    single.append(f"{series.url} ({key})")
                    continue
                compared.append(f"{series.url} ({key})")
                finding = self._judge(artifacts, series, key, sorted(reads, key=lambda r: r.load.elapsed_s), tolerance)
                if finding:
                    self._support(finding, reads[-1].load, reads[-1].tick.locator, langs, restarts)
                    findings.append(finding)
            flagged = {f.locator for f in findings if f.url == series.url}
            for r in restarts:
                if r.tick.locator not in flagged and not any(f.evidence.get("restarted_within_a_visit") for f in findings
                                                             if f.url == series.url):
                    findings.append(self._restart(artifacts, series, r, langs))
                    flagged.add(r.tick.locator)
        if not compared and single and not findings:
            return self.not_assessed(
                "countdowns were seen but not in two separate visits, so they could not be compared",
                seen=single)
        usable = [s for s in artifacts.repeated if sum(ld.error is None for ld in s.loads) >= 2]
        if not compared and not usable and not findings:
            return self.not_assessed("no page could be loaded twice for comparison")
        return self.judged(
            findings,
            passed=(f"{len(compared)} countdown(s) compared across visits kept one deadline" if compared
                    else f"no running countdown on the {len(usable)} page(s) loaded repeatedly"),
            failed=f"{len(findings)} countdown(s) restart for new visitors",
            compared=compared,
        )

    def _support(self, finding: Finding, load: Load, locator: str, langs: list[str | None] | None,
                 restarts: list[Restart]) -> None:
        """Supporting evidence: a stated end date, and a restart seen within one visit."""
        end = stated_end(load.text_blocks, locator, langs)
        finding.evidence["stated_end"] = end
        if end is None:
            finding.message += "; no end date or time is stated"
        same = next((r for r in restarts if r.tick.locator == locator), None) or (restarts[0] if restarts else None)
        if same is not None:
            finding.evidence["restarted_within_a_visit"] = (
                f"visitor {same.load.index + 1}: {same.before} s left, then {same.after} s ({same.read_after})")
            finding.message += f"; it also restarted at {same.after} s when it ran out while visitor {same.load.index + 1} watched"

    def _restart(self, artifacts: Artifacts, series: RepeatedLoads, r: Restart, langs: list[str | None] | None) -> Finding:
        text = context_text(r.load.text_blocks, r.tick.locator, r.tick.first)
        end = stated_end(r.load.text_blocks, r.tick.locator, langs)
        return Finding(
            url=series.url,
            message=(f"Countdown restarts when it runs out: visitor {r.load.index + 1} saw {r.before} s left, "
                     f"then {r.after} s a moment later" + ("" if end else "; no end date or time is stated")),
            locator=r.tick.locator, text=text,
            observed=f"{r.tick.first} → {r.tick.second} → {r.read_after}",
            expected="a countdown that reaches zero and ends (or the offer ends with it)",
            observations=[observation(r.load, f"{r.tick.first} then {r.tick.second} "
                                              f"({r.tick.interval_ms / 1000:.1f} s later), finally {r.read_after}")],
            evidence={"restarted_within_a_visit": f"{r.before} s → {r.after} s", "stated_end": end,
                      "contexts": [r.load.context]},
            box=box_on_page(artifacts, series.url, r.tick.locator) or r.tick.box,
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
