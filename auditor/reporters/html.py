"""The self-contained HTML report.

Everything from the audited site is escaped by Jinja's autoescape, links are only live for
http(s) URLs, and a Content-Security-Policy allows no script at all, images only as data: URIs
and only our own stylesheet (by hash). The report has no JavaScript of its own, so a reader
can trust that opening it runs nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, select_autoescape

from auditor.baseline import status_by_fingerprint
from auditor.check import CATEGORIES, SEVERITY_ORDER
from auditor.report import Report
from auditor.reporters.evidence import data_uri

TEMPLATES = resources.files("auditor.reporters").joinpath("templates")


def _css() -> str:
    return TEMPLATES.joinpath("report.css").read_text("utf-8")


def content_security_policy(css: str) -> str:
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return ("default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; "
            f"form-action 'none'; img-src data:; style-src 'sha256-{digest}'")


def _safe_href(url: Any) -> bool:
    return isinstance(url, str) and urlsplit(url).scheme in ("http", "https")


def _evidence_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str, indent=None)[:4000]


def _environment() -> Environment:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_href"] = _safe_href
    env.filters["evidence_text"] = _evidence_text
    return env


def _jurisdiction_name(jurisdiction: str) -> str:
    """The profile's full name, e.g. 'European Union (...)': whose law the references follow."""
    from auditor.jurisdiction import profile

    try:
        return profile(jurisdiction).name
    except (ValueError, KeyError):
        return ""


def render_html(report: Report, out: Path, print_mode: bool = False) -> str:
    css = _css()
    images: dict[str, str] = {}
    for check in report.checks:
        for f in check.findings:
            if f.screenshot and f.screenshot not in images:
                uri = data_uri(out / f.screenshot)
                if uri:
                    images[f.screenshot] = uri
    by_category = [(cat, [c for c in report.checks if c.category == cat]) for cat in CATEGORIES
                   if any(c.category == cat for c in report.checks)]
    counts = Counter(c.verdict for c in report.checks)
    skipped = Counter(s.get("reason", "") for s in report.skipped)
    examples = {}
    for s in report.skipped:
        examples.setdefault(s.get("reason", ""), s.get("url", ""))
    journey = report.journey or {}
    drip = next((c for c in report.checks if c.id == "drip-pricing"), None)
    drip_steps = {f.evidence.get("step") for f in (drip.findings if drip else [])}
    template = _environment().from_string(TEMPLATES.joinpath("report.html.j2").read_text("utf-8"))
    return template.render(
        jurisdiction_label=f"the {report.jurisdiction or 'default'} profile",
        jurisdiction_name=_jurisdiction_name(report.jurisdiction),
        baseline_states=status_by_fingerprint(report),
        failing=sorted((c for c in report.checks if c.verdict == "fail"),
                       key=lambda c: -SEVERITY_ORDER[c.severity]),
        report=report, css=css, csp=content_security_policy(css), images=images,
        by_category=by_category, counts={"fail": counts["fail"], "pass": counts["pass"],
                                         "not-assessed": counts["not-assessed"]},
        not_assessed=[c for c in report.checks if c.verdict == "not-assessed"],
        journey_steps=journey.get("steps") or [], drip_steps=drip_steps,
        skipped_summary=[(r, n, examples[r]) for r, n in skipped.most_common()],
        print_mode=print_mode,
    )
