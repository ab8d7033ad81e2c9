"""A Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`.

Score, gate, a category table, the failing checks with their first findings, why checks were not
assessed, and the baseline's new/fixed counts. Everything that came from the audited site goes
through `md_text` or `code` (auditor/reporters/mdtext.py): a shop must not be able to write
links, images, HTML or @mentions into a team's pull request. Kept under MAX_BYTES, below the
65,536-character limit of a GitHub comment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from auditor.check import SEVERITY_ORDER
from auditor.gating import open_findings, suppressed_fingerprints
from auditor.report import Report
from auditor.reporters.mdtext import code, md_text

MAX_BYTES = 60_000
FINDINGS_PER_CHECK = 3
ICON = {"fail": "❌", "pass": "✅", "not-assessed": "⚪"}


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:g}"


def _head(report: Report) -> list[str]:
    gate = report.gate or {}
    if gate.get("active"):
        verdict = "✅ gate passed" if gate.get("passed") else "❌ gate failed"
    else:
        verdict = "no gate set"
    lines = [
        f"## Shop audit: {_score(report.score)}/100 — {verdict}", "",
        f"{code(report.target, 200)} · {int(report.coverage * 100)}% of check weight assessed · "
        f"jurisdiction {md_text(report.jurisdiction or 'n/a')} · shop-auditor {md_text(report.tool_version)}",
    ]
    if gate.get("active") and gate.get("reasons"):
        lines += ["", "**Why the gate failed:**"]
        lines += [f"- {md_text(r, 500)}" for r in gate["reasons"]]
    if report.baseline:
        n = report.baseline.get("counts", {})
        lines += ["", f"**Baseline:** {n.get('new', 0)} new · {n.get('fixed', 0)} fixed · "
                      f"{n.get('suppressed', 0)} still present (accepted) · {n.get('expired', 0)} expired"
                      + (f" · {n['unverified']} unverified (check not assessed)" if n.get("unverified") else "")]
    lines += ["", "| Category | Score | Assessed |", "|---|---:|---:|"]
    for cat_id, cat in report.categories.items():
        lines.append(f"| {md_text(cat.title or cat_id)} | {_score(cat.score)} | {cat.assessed}/{cat.total} |")
    return lines


def _failing(report: Report) -> list[list[str]]:
    """One block per failing check: those with open (new) findings first, worst first."""
    suppressed = suppressed_fingerprints(report)
    failing = [c for c in report.checks if c.verdict == "fail"]
    failing.sort(key=lambda c: (not open_findings(c, suppressed), -SEVERITY_ORDER[c.severity]))
    blocks = []
    for c in failing:
        shown = open_findings(c, suppressed)
        accepted = len(c.findings) - len(shown)
        title = c.failure_title or c.title or c.id
        block = [f"#### {ICON['fail']} {md_text(title)} ({code(c.id)}, {c.severity})", "",
                 md_text(c.reason, 300)]
        if accepted:
            block[-1] += f" — {accepted} accepted in the baseline"
        block.append("")
        for f in shown[:FINDINGS_PER_CHECK]:
            block.append(f"- {md_text(f.message, 300)}")
            block.append(f"  - page: {code(f.url, 200)}" + (f" · element: {code(f.locator, 160)}" if f.locator else ""))
            if f.text:
                block.append(f"  - text: “{md_text(f.text, 240)}”")
        if len(shown) > FINDINGS_PER_CHECK:
            block.append(f"- … and {len(shown) - FINDINGS_PER_CHECK} more in the full report")
        if c.references:
            block += ["", "May breach: " + "; ".join(md_text(r) for r in c.references)]
        blocks.append(block)
    return blocks


def render_markdown_text(report: Report, max_bytes: int = MAX_BYTES) -> str:
    lines = _head(report)
    tail: list[str] = []
    na = [c for c in report.checks if c.verdict == "not-assessed"]
    if na:
        tail += ["", f"### {ICON['not-assessed']} Not assessed ({len(na)})", ""]
        tail += [f"- {code(c.id)} — {md_text(c.reason, 300)}" for c in na]
    tail += ["", "<sub>Findings are indications for a qualified reviewer, not legal conclusions. "
                 f"Artifacts SHA-256 {code(report.artifacts_sha256 or 'n/a')}.</sub>", ""]
    blocks = _failing(report)
    if blocks:
        lines += ["", f"### Failing checks ({len(blocks)})", ""]
    budget = max_bytes - len("\n".join(lines + tail).encode("utf-8")) - 200
    for i, block in enumerate(blocks):
        text = "\n".join(block + [""])
        size = len(text.encode("utf-8")) + 1
        if size > budget:
            lines += [f"*… {len(blocks) - i} more failing check(s) left out to keep this summary short; "
                      "see the full report.*", ""]
            break
        lines += block + [""]
        budget -= size
    return "\n".join(lines + tail)


def render_markdown(report: Report, out: Path, **_: Any) -> Path:
    path = out / "report.md"
    path.write_text(render_markdown_text(report), encoding="utf-8")
    return path
