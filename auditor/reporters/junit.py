"""JUnit XML: one test suite per category, one test case per check, for CI test dashboards.

A failing check is a <failure> whose text lists its findings; a check that could not be
assessed is <skipped> with its reason. With a baseline, only new (and expired) findings fail a
test case; accepted ones are listed in its <system-out>. A last suite, `gate`, holds one test
case per active gate, so the dashboard shows why the job failed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from auditor.gating import suppressed_fingerprints
from auditor.report import CheckReport, Report

# Characters XML 1.0 cannot carry at all; page text sometimes has them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: object) -> str:
    return _NOT_XML.sub("", str(text))


def _finding_lines(c: CheckReport, findings: list[Any]) -> str:
    lines = []
    for f in findings:
        lines.append(f"- [{f.severity or c.severity}] {f.message}")
        lines.append(f"  page: {f.url}")
        if f.locator:
            lines.append(f"  element: {f.locator}")
        if f.text:
            lines.append(f"  text: {f.text}")
        if f.observed:
            lines.append(f"  observed: {f.observed}")
        lines.append(f"  fingerprint: {f.fingerprint}")
    return "\n".join(lines)


def _testcase(parent: ET.Element, c: CheckReport, suppressed: set[str]) -> str:
    """Add the check's test case; return its outcome: pass, fail or skipped."""
    case = ET.SubElement(parent, "testcase", classname=c.category, name=c.id, time="0")
    open_ = [f for f in c.findings if f.fingerprint not in suppressed]
    accepted = [f for f in c.findings if f.fingerprint in suppressed]
    outcome = "pass"
    if c.verdict == "not-assessed":
        ET.SubElement(case, "skipped", message=_clean(f"not assessed: {c.reason}"))
        outcome = "skipped"
    elif c.verdict == "fail" and (open_ or not c.findings):
        title = c.failure_title or c.title or c.id
        failure = ET.SubElement(case, "failure", message=_clean(f"{title}: {c.reason}"), type=c.severity)
        body = _finding_lines(c, open_)
        if c.references:
            body += "\nMay breach: " + "; ".join(c.references)
        failure.text = _clean(body)
        outcome = "fail"
    out = [c.title or c.id, c.reason]
    if accepted:
        out.append(f"{len(accepted)} finding(s) accepted in the baseline:\n" + _finding_lines(c, accepted))
    ET.SubElement(case, "system-out").text = _clean("\n".join(x for x in out if x))
    return outcome


def _suite(root: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(root, "testsuite", name=name)


def _count(suite: ET.Element, outcomes: list[str]) -> None:
    suite.set("tests", str(len(outcomes)))
    suite.set("failures", str(outcomes.count("fail")))
    suite.set("errors", "0")
    suite.set("skipped", str(outcomes.count("skipped")))
    suite.set("time", "0")


def build_junit(report: Report) -> ET.Element:
    suppressed = suppressed_fingerprints(report)
    root = ET.Element("testsuites", name=_clean(f"shop-audit {report.target}"))
    totals: list[str] = []
    for category in dict.fromkeys(c.category for c in report.checks):
        suite = _suite(root, category)
        props = ET.SubElement(suite, "properties")
        cat = report.categories.get(category)
        ET.SubElement(props, "property", name="score", value="n/a" if not cat or cat.score is None else f"{cat.score:g}")
        outcomes = [_testcase(suite, c, suppressed) for c in report.checks if c.category == category]
        _count(suite, outcomes)
        totals += outcomes
    gate = report.gate or {}
    if gate.get("active"):
        suite = _suite(root, "gate")
        reasons = gate.get("reasons") or ([] if gate.get("passed") else [gate.get("summary", "gate failed")])
        outcomes = []
        for reason in reasons:
            case = ET.SubElement(suite, "testcase", classname="gate", name=_clean(reason.split(":")[0][:80]), time="0")
            ET.SubElement(case, "failure", message=_clean(reason), type="gate").text = _clean(reason)
            outcomes.append("fail")
        if not reasons:
            ET.SubElement(suite, "testcase", classname="gate", name="all gates passed", time="0")
            outcomes.append("pass")
        _count(suite, outcomes)
        totals += outcomes
    _count(root, totals)
    return root


def render_junit(report: Report, out: Path, **_: Any) -> Path:
    path = out / "report.junit.xml"
    tree = ET.ElementTree(build_junit(report))
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return path
