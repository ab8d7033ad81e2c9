"""SARIF 2.1.0: findings for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

One run. The rules are the report's checks with their catalogue text; a result is one finding,
located at its page. Page URLs are written relative to the `SITE` base (given in
`originalUriBaseIds`), so a preview deployment on a new host each time keeps the same locations
and the dashboard matches alerts across runs; pages on another origin keep their absolute URL.
Pages have no lines, but code-scanning uploaders require `region.startLine`: it is 1, and the
page text the finding quotes is the region's snippet. The CSS locator is a logical location.

partialFingerprints carry the finding's fingerprint (check id, page path, locator, key), the same
identity baselines use. Checks that could not be assessed are tool-execution notifications; with
a baseline, accepted findings carry an external, accepted suppression with its reason, and every
result has a baselineState.
"""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from auditor import __version__
from auditor.baseline import status_by_fingerprint
from auditor.report import CheckReport, Report

SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "shopAuditorFinding/v1"
LEVELS = {"critical": "error", "serious": "error", "moderate": "warning", "minor": "note"}
SITE = "SITE"


def information_uri() -> str:
    """The project's home page from the installed package's metadata, else its registry page."""
    try:
        meta = metadata.metadata("shop-auditor")
        for entry in meta.get_all("Project-URL") or []:
            _label, _, url = entry.partition(",")
            if url.strip().startswith("http"):
                return url.strip()
        if (meta.get("Home-page") or "").startswith("http"):
            return meta["Home-page"]
    except metadata.PackageNotFoundError:
        pass
    return "https://pypi.org/project/shop-auditor/"


def _pascal(check_id: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[^a-zA-Z0-9]+", check_id) if part)


def _site_base(target: str) -> str:
    parts = urlsplit(target)
    return f"{parts.scheme}://{parts.netloc}/"


def _location_uri(url: str, base: str) -> dict[str, str]:
    if url.startswith(base):
        return {"uri": url[len(base):] or ".", "uriBaseId": SITE}
    if url == base.rstrip("/"):
        return {"uri": ".", "uriBaseId": SITE}
    return {"uri": url}


def _help(c: CheckReport, jurisdiction: str) -> dict[str, str]:
    text = [c.description]
    md = [c.description.replace("\n", "\n\n")]
    if c.remedy:
        text.append(f"What to do: {c.remedy}")
        md.append(f"**What to do:** {c.remedy}")
    if c.references:
        text.append(f"May breach (under {jurisdiction}): " + "; ".join(c.references))
        md.append(f"**May breach** (under {jurisdiction}):\n" + "\n".join(f"- {r}" for r in c.references))
    return {"text": "\n\n".join(t for t in text if t), "markdown": "\n\n".join(m for m in md if m)}


def _rule(c: CheckReport, jurisdiction: str) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": _pascal(c.id),
        "shortDescription": {"text": c.title or c.id},
        "fullDescription": {"text": c.description or c.title or c.id},
        "messageStrings": {"fail": {"text": c.failure_title or c.title or c.id}},
        "help": _help(c, jurisdiction),
        "defaultConfiguration": {"level": LEVELS[c.severity]},
        "properties": {"category": c.category, "severity": c.severity, "weight": c.weight,
                       "tags": ["shop-auditor", c.category, c.severity], "references": list(c.references)},
    }


def _result(c: CheckReport, index: int, f: Any, base: str, states: dict[str, dict[str, Any]],
            with_baseline: bool) -> dict[str, Any]:
    severity = f.severity or c.severity
    message = f.message + (f" Observed: {f.observed}" if f.observed else "") + (
        f" Expected: {f.expected}" if f.expected else "")
    region: dict[str, Any] = {"startLine": 1}
    if f.text:
        region["snippet"] = {"text": f.text}
    physical: dict[str, Any] = {"artifactLocation": _location_uri(f.url, base), "region": region}
    location: dict[str, Any] = {"physicalLocation": physical}
    if f.locator:
        location["logicalLocations"] = [{"fullyQualifiedName": f.locator, "kind": "element"}]
    result: dict[str, Any] = {
        "ruleId": c.id, "ruleIndex": index, "level": LEVELS[severity],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"severity": severity, "url": f.url,
                       **({"screenshot": f.screenshot} if f.screenshot else {}),
                       **({"evidence": f.evidence} if f.evidence else {})},
    }
    if with_baseline:
        state = states.get(f.fingerprint, {}).get("state", "new")
        result["baselineState"] = "new" if state == "new" else "unchanged"
        if state == "suppressed":
            entry = states[f.fingerprint]
            expires = f" (accepted until {entry['expires']})" if entry.get("expires") else ""
            result["suppressions"] = [{"kind": "external", "status": "accepted",
                                       "justification": (entry.get("reason") or "accepted in the baseline") + expires}]
        elif state == "expired":
            result["properties"]["baseline"] = f"baseline entry expired on {states[f.fingerprint].get('expires')}"
    return result


def build_sarif(report: Report) -> dict[str, Any]:
    base = _site_base(report.target)
    states = status_by_fingerprint(report)
    with_baseline = report.baseline is not None
    rules = [_rule(c, report.jurisdiction or "the default profile") for c in report.checks]
    index = {c.id: i for i, c in enumerate(report.checks)}
    results = [_result(c, index[c.id], f, base, states, with_baseline)
               for c in report.checks if c.verdict == "fail" for f in c.findings]
    notifications = [{
        "level": "warning",
        "message": {"text": f"{c.id} was not assessed: {c.reason}"},
        "associatedRule": {"id": c.id, "index": index[c.id]},
    } for c in report.checks if c.verdict == "not-assessed"]
    notifications += [{"level": "note", "message": {"text": f"{e.url or ''}: {e.error}".lstrip(": ")}}
                      for e in report.errors]
    invocation: dict[str, Any] = {"executionSuccessful": True, "toolExecutionNotifications": notifications}
    if _is_datetime(report.started_at):
        invocation["startTimeUtc"] = report.started_at
    run_props: dict[str, Any] = {"target": report.target, "score": report.score, "coverage": report.coverage,
                                 "jurisdiction": report.jurisdiction,
                                 "categories": {k: v.score for k, v in report.categories.items()},
                                 "artifactsSha256": report.artifacts_sha256}
    if report.gate:
        run_props["gate"] = {"passed": report.gate.get("passed"), "summary": report.gate.get("summary")}
    if report.baseline:
        run_props["baseline"] = report.baseline.get("counts", {})
    return {
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "shop-auditor", "version": report.tool_version or __version__,
                                "semanticVersion": report.tool_version or __version__,
                                "informationUri": information_uri(), "rules": rules}},
            "originalUriBaseIds": {SITE: {"uri": base, "description": {"text": "The audited shop"}}},
            "invocations": [invocation],
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": run_props,
        }],
    }


def _is_datetime(value: str) -> bool:
    """SARIF wants date-times; only pass through values that parse as ISO-8601."""
    from datetime import datetime

    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True
    except (ValueError, AttributeError):
        return False


def render_sarif(report: Report, out: Path, **_: Any) -> Path:
    path = out / "report.sarif"
    path.write_text(json.dumps(build_sarif(report), indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    return path
