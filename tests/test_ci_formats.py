"""CI and legal-review formats: SARIF against the official schema, JUnit parsed back, Markdown
that a hostile shop cannot write into, the PDF through Chromium, the print-mode HTML."""

from __future__ import annotations

import json
import re
import time
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt

from auditor.baseline import apply_baseline, create_baseline
from auditor.gating import Gate, evaluate
from auditor.reporters import renderers
from auditor.reporters.html import render_html
from auditor.reporters.junit import build_junit
from auditor.reporters.markdown import MAX_BYTES, render_markdown_text
from auditor.reporters.mdtext import code, md_text
from auditor.reporters.sarif import FINGERPRINT_KEY, build_sarif
from tests.conftest import run_cli
from tests.reportkit import check, finding, report, write_restarting_timer_artifacts

SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json").read_text())
HOSTILE = ("<script>alert(1)</script> [click](javascript:alert(1)) ![x](http://evil/x.png) "
           "@everyone cc @octocat ```fence``` `tick` #1 | cell | <img src=x onerror=alert(1)>\n# Heading\n- item")


def _gated(r, gate):
    r.gate = evaluate(r, gate).as_report(gate)
    return r


def _sample():
    hostile = finding("drip-pricing", "/checkout", HOSTILE, locator="button[name='x']", text=HOSTILE,
                      severity="critical", observed="+2.00 €", expected="no fee")
    plain = finding("tax-unclear", "/p/1?utm_source=x", "no VAT statement", text="Price 10 €")
    other_origin = finding("tax-unclear", "/", "terms hosted elsewhere", locator="#t")
    other_origin.url = "https://terms.example.org/shop"
    return report([
        check("drip-pricing", "price-transparency", "serious", "fail", [hostile]),
        check("tax-unclear", "price-transparency", "moderate", "fail", [plain, other_origin]),
        check("fake-countdown", "urgency-scarcity", "serious", "pass"),
        check("order-button-label", "policies", "critical", "not-assessed",
              reason="the shopper journey never reached the last step"),
    ])


# --- SARIF -----------------------------------------------------------------------------------

def test_sarif_is_valid_against_the_official_schema_with_rules_results_and_notifications():
    r = _gated(_sample(), Gate(fail_on="serious"))
    sarif = build_sarif(r)
    jsonschema.validate(sarif, SCHEMA)
    (run,) = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "shop-auditor" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert set(rules) == {c.id for c in r.checks}
    rule = rules["drip-pricing"]
    assert rule["shortDescription"]["text"] == "drip-pricing passes"
    assert rule["fullDescription"]["text"].startswith("What it detects")
    assert "Stop doing the thing." in rule["help"]["text"] and "CRD 2011/83/EU art. 6(1)(e)" in rule["help"]["text"]
    assert rule["properties"]["category"] == "price-transparency" and rule["properties"]["severity"] == "serious"

    results = run["results"]
    assert len(results) == 3
    first = results[0]
    assert first["ruleId"] == "drip-pricing" and driver["rules"][first["ruleIndex"]]["id"] == "drip-pricing"
    assert first["level"] == "error"  # the finding's own severity (critical) wins
    assert first["partialFingerprints"][FINGERPRINT_KEY] == r.checks[0].findings[0].fingerprint
    loc = first["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"] == {"uri": "checkout", "uriBaseId": "SITE"}
    assert run["originalUriBaseIds"]["SITE"]["uri"] == "http://shop.test/"
    assert loc["logicalLocations"][0]["fullyQualifiedName"] == "button[name='x']"
    assert loc["physicalLocation"]["region"]["snippet"]["text"] == HOSTILE
    levels = [res["level"] for res in results[1:]]
    assert levels == ["warning", "warning"]  # moderate
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "https://terms.example.org/shop"}

    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["associatedRule"]["id"] for n in notes] == ["order-button-label"]
    assert "never reached the last step" in notes[0]["message"]["text"]
    assert all("suppressions" not in res and "baselineState" not in res for res in results)


def test_sarif_suppresses_baselined_findings_with_their_reason_and_stays_valid():
    r = _sample()
    accepted = report([r.checks[1]])  # accept the tax-unclear findings only
    apply_baseline(r, create_baseline(accepted, reason="legal sign-off 2026-01", expires=date(2030, 1, 1)),
                   today=date(2026, 1, 1))
    sarif = build_sarif(_gated(r, Gate(fail_on="serious")))
    jsonschema.validate(sarif, SCHEMA)
    results = sarif["runs"][0]["results"]
    by_rule = {(res["ruleId"], res["partialFingerprints"][FINGERPRINT_KEY]): res for res in results}
    for f in r.checks[1].findings:
        res = by_rule[("tax-unclear", f.fingerprint)]
        (sup,) = res["suppressions"]
        assert sup["kind"] == "external" and sup["status"] == "accepted"
        assert "legal sign-off 2026-01" in sup["justification"] and "2030-01-01" in sup["justification"]
        assert res["baselineState"] == "unchanged"
    new = by_rule[("drip-pricing", r.checks[0].findings[0].fingerprint)]
    assert new["baselineState"] == "new" and "suppressions" not in new


# --- JUnit -----------------------------------------------------------------------------------

def test_junit_parses_back_with_a_suite_per_category_and_a_case_per_check():
    r = _gated(_sample(), Gate(fail_on="serious"))
    root = ET.fromstring(ET.tostring(build_junit(r), encoding="unicode"))
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"price-transparency", "urgency-scarcity", "policies", "gate"}
    cases = {c.get("name"): c for s in root.findall("testsuite") for c in s.findall("testcase")
             if c.get("classname") != "gate"}
    assert set(cases) == {c.id for c in r.checks}
    assert cases["tax-unclear"].get("classname") == "price-transparency"
    failure = cases["drip-pricing"].find("failure")
    assert failure is not None and failure.get("message").startswith("drip-pricing fails")
    assert HOSTILE.splitlines()[0] in failure.text and "http://shop.test/checkout" in failure.text
    assert cases["fake-countdown"].find("failure") is None and cases["fake-countdown"].find("skipped") is None
    skipped = cases["order-button-label"].find("skipped")
    assert skipped is not None and "never reached the last step" in skipped.get("message")
    assert suites["price-transparency"].get("failures") == "2" and suites["policies"].get("skipped") == "1"
    gate_cases = suites["gate"].findall("testcase")
    assert gate_cases and all(c.find("failure") is not None for c in gate_cases)
    assert root.get("tests") == str(len(r.checks) + len(gate_cases))


def test_junit_survives_control_characters_and_baselined_findings_do_not_fail():
    f = finding("tax-unclear", "/p", "bad\x00text\x07 here", text="\x1b[31mred")
    r = report([check("tax-unclear", verdict="fail", findings=[f])])
    apply_baseline(r, create_baseline(r, reason="known"), today=date(2026, 1, 1))
    root = ET.fromstring(ET.tostring(build_junit(r), encoding="unicode"))
    case = root.find("testsuite/testcase")
    assert case.find("failure") is None
    assert "accepted in the baseline" in case.find("system-out").text and "badtext here" in case.find("system-out").text


# --- Markdown --------------------------------------------------------------------------------

def test_md_text_neutralises_markup_links_html_mentions_and_code():
    out = md_text(HOSTILE)
    assert "\n" not in out and "<" not in out and ">" not in out
    assert "](" not in out and "![" not in out and "`" not in out.replace("\\`", "")
    assert not re.search(r"@(everyone|octocat)", out)
    assert "| cell |" not in out


def test_code_span_holds_backticks_without_breaking_out():
    assert code("a ``b`` c") == "```a ``b`` c```"
    assert code("`x`") == "`` `x` ``"
    assert code("") == "—"


def test_markdown_summary_renders_no_html_link_image_or_mention_from_the_shop():
    r = _gated(_sample(), Gate(fail_on="serious"))
    md = render_markdown_text(r)
    assert "## Shop audit: " in md and "gate failed" in md
    assert "| Price transparency |" in md and "order-button-label" in md
    assert "never reached the last step" in md
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript' not in html and "<a " not in html
    assert not re.search(r"@(everyone|octocat)", html)
    assert not re.search(r"^<h1", html, re.M)  # the shop's "# Heading" stayed text
    assert html.count("<table>") == 1  # the shop's "| cell |" made no table


def test_markdown_summary_reports_the_baseline_and_stays_under_the_size_limit():
    many = [finding("tax-unclear", f"/p/{i}", "x" * 400, locator=f"#l{i}", text="y" * 400) for i in range(40)]
    checks = [check(f"check-{i}", "policies", "serious", "fail", many) for i in range(300)]
    r = report(checks)
    apply_baseline(r, create_baseline(report([check("check-0", "policies", "serious", "fail", many[:5])])),
                   today=date(2026, 1, 1))
    md = render_markdown_text(_gated(r, Gate(fail_on="minor")))
    assert len(md.encode("utf-8")) <= MAX_BYTES
    assert "**Baseline:**" in md and "fixed" in md
    assert "more failing check(s) left out" in md


# --- HTML print mode and PDF -----------------------------------------------------------------

def test_print_mode_html_opens_everything_and_names_the_profile_and_baseline_state(tmp_path):
    r = _sample()
    apply_baseline(r, create_baseline(report([r.checks[1]]), reason="accepted by legal"), today=date(2026, 1, 1))
    _gated(r, Gate(fail_on="serious"))
    page = render_html(r, tmp_path, print_mode=True)
    assert "Summary of possible breaches" in page
    assert "under the EU profile" in page
    assert "Baseline: accepted — accepted by legal" in page and "new since the baseline" in page
    assert "<details" in page and not re.search(r"<details(?![^>]*\bopen\b)[^>]*>", page)
    assert "Gate settings" in page
    assert "<script>alert" not in page  # the shop's text stays escaped
    screen = render_html(r, tmp_path, print_mode=False)
    assert re.search(r"<details(?![^>]*\bopen\b)[^>]*>", screen)  # on screen, passes stay folded


def test_every_format_is_offered_and_written_in_one_cli_run(tmp_path):
    assert {"json", "html", "sarif", "junit", "md", "pdf"} <= set(renderers())
    arts = write_restarting_timer_artifacts(tmp_path / "arts")
    out = tmp_path / "out"
    proc = run_cli("report", str(arts), "--out", str(out), "--jurisdiction", "EU",
                   "--format", "json,html,sarif,junit,md")
    assert proc.returncode == 0, proc.stderr
    for name in ("report.json", "report.html", "report.sarif", "report.junit.xml", "report.md"):
        assert (out / name).stat().st_size > 0, name
    jsonschema.validate(json.loads((out / "report.sarif").read_text()), SCHEMA)
    ET.parse(out / "report.junit.xml")


@pytest.mark.browser
def test_pdf_is_printed_by_chromium_on_a4_with_page_numbers(tmp_path):
    r = _gated(_sample(), Gate(fail_on="serious"))
    started = time.monotonic()
    path = renderers()["pdf"](r, tmp_path)
    elapsed = time.monotonic() - started
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert re.search(rb"/MediaBox\s*\[\s*0 0 595\.9\d* 842\.8\d*\s*\]", data)  # A4 in points
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 2  # summary page, then the details
    assert elapsed < 10, f"printing took {elapsed:.1f} s"
