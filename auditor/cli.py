"""The `shop-audit` command.

    shop-audit URL [options]            audit a shop (the default command)
    shop-audit checks                   list the checks
    shop-audit report ARTIFACTS --out D re-judge saved artifacts without a browser

Exit codes: 0 the audit ran and the gate passed; 1 the audit ran and the gate failed;
2 the audit could not run (bad arguments, no browser, target unreachable), with one line on
stderr saying why.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from auditor import __version__

EXIT_OK, EXIT_GATE, EXIT_ERROR = 0, 1, 2


class DefaultGroup(click.Group):
    """`shop-audit URL` means `shop-audit audit URL`: the common case needs no subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["audit", *args]
        return super().parse_args(ctx, args)


def fail(message: str) -> None:
    click.echo(f"shop-audit: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="shop-audit")
def main() -> None:
    """Audit a web shop for dark patterns, hidden prices, unclear terms, coupon conditions and
    stock claims. A headless Chromium walks the shop as a shopper would, never placing an
    order, and writes a scored report with evidence.

    \b
    Usage: shop-audit URL [OPTIONS]       (same as: shop-audit audit URL)
    Exit codes: 0 gate passed, 1 gate failed, 2 could not audit.
    """


def _formats(value: str) -> list[str]:
    from auditor.settings import FORMATS

    out = [v.strip().lower() for v in value.split(",") if v.strip()]
    bad = [v for v in out if v not in FORMATS]
    if bad:
        raise click.BadParameter(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    return out


@main.command("audit")
@click.argument("url")
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("reports/latest"),
              show_default=True, help="Directory for report.json, report.html, artifacts.json and screenshots.")
@click.option("--format", "formats", default="json,html", show_default=True,
              help="Comma-separated report formats: json, html (json is always written).")
@click.option("--max-pages", type=click.IntRange(1, 2000), default=30, show_default=True,
              help="Most pages the crawler visits.")
@click.option("--max-depth", type=click.IntRange(0, 50), default=4, show_default=True,
              help="Most clicks away from the start URL the crawler goes.")
@click.option("--timeout", type=click.FloatRange(1, 600), default=20.0, show_default=True,
              help="Seconds to wait for one page before recording it as timed out.")
@click.option("--max-duration", type=click.FloatRange(30, 86400), default=900.0, show_default=True,
              help="Seconds for the whole audit; what was gathered by then is reported.")
@click.option("--browser", type=click.Path(dir_okay=False), default=None,
              help="Chromium executable. Default: $SHOP_AUDIT_CHROMIUM, Playwright's browser, /usr/bin/chromium.")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Exit 1 when the overall score is below this (0-100).")
@click.option("--loads", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Fresh-visitor loads of each page whose dynamic claims are compared (timers, stock, prices).")
@click.option("--observe", type=click.FloatRange(0.5, 60), default=3.0, show_default=True,
              help="Seconds each repeated load is watched for ticking timers and pop-up notifications.")
@click.option("--repeat-pages", type=click.IntRange(0, 50), default=4, show_default=True,
              help="How many pages get repeated loads (those with timers or scarcity claims first).")
@click.option("--jurisdiction", default=None,
              help="Legal profile for required elements and citations (e.g. EU). Default: inferred from the shop.")
@click.option("--no-journey", is_flag=True, help="Only crawl; do not walk the cart and checkout.")
@click.option("--no-screenshots", is_flag=True, help="Skip screenshots (faster; findings lose their crops).")
@click.option("--quiet", "-q", is_flag=True, help="No progress display; only the summary.")
def audit_command(url: str, out: Path, formats: str, max_pages: int, max_depth: int, timeout: float,
                  max_duration: float, browser: str | None, fail_under: float | None, loads: int,
                  observe: float, repeat_pages: int, jurisdiction: str | None, no_journey: bool,
                  no_screenshots: bool, quiet: bool) -> None:
    """Audit the shop at URL and write the reports."""
    from pydantic import ValidationError

    from auditor.audit import AuditFailure, run_audit
    from auditor.console import ConsoleProgress, print_summary
    from auditor.gating import Gate
    from auditor.settings import AuditSettings

    try:
        fmts = _formats(formats)
        if jurisdiction:
            from auditor.jurisdiction import profile

            jurisdiction = profile(jurisdiction).id
        settings = AuditSettings(
            url=url, out=out, formats=fmts, max_pages=max_pages, max_depth=max_depth, timeout=timeout,
            max_duration=max_duration, browser=browser, fail_under=fail_under, loads=loads,
            observe=observe, repeat_pages=repeat_pages, jurisdiction=jurisdiction,
            journey=not no_journey, screenshots=not no_screenshots,
        )
    except (click.BadParameter, ValueError, ValidationError) as exc:
        fail(str(exc).splitlines()[0])
        return
    progress = ConsoleProgress(enabled=not quiet and sys.stderr.isatty())
    try:
        with progress:
            result = run_audit(settings, progress, Gate(fail_under=fail_under))
    except AuditFailure as exc:
        fail(str(exc))
        return
    print_summary(result.report, result.written)
    passed = bool(result.report.gate and result.report.gate["passed"])
    sys.exit(EXIT_OK if passed else EXIT_GATE)


@main.command("checks")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def checks_command(as_json: bool) -> None:
    """List every check with its category, severity, weight and legal references."""
    import json

    from auditor.check import discover_checks

    checks = discover_checks()
    if as_json:
        click.echo(json.dumps([{
            "id": c.id, "title": c.title, "category": c.category, "severity": c.severity,
            "weight": c.effective_weight(), "references": c.citations(),
        } for c in checks], indent=2, ensure_ascii=False))
        return
    for c in checks:
        click.echo(f"{c.id:28} {c.category:20} {c.severity:9} w={c.effective_weight():<4g} {c.title}")
        for ref in c.citations():
            click.echo(f"{'':30}- {ref}")


@main.command("report")
@click.argument("artifacts", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Directory for the re-judged reports.")
@click.option("--format", "formats", default="json,html", show_default=True, help="Report formats.")
@click.option("--jurisdiction", default=None, help="Legal profile to judge under (default: as inferred).")
def report_command(artifacts: Path, out: Path, formats: str, jurisdiction: str | None) -> None:
    """Re-judge saved artifacts (artifacts.json) without a browser and write the reports."""
    from pydantic import ValidationError

    from auditor.artifacts import Artifacts
    from auditor.audit import judge_and_write
    from auditor.console import print_summary
    from auditor.settings import AuditSettings

    try:
        data = Artifacts.from_json(artifacts.read_text(encoding="utf-8"))
    except (ValidationError, ValueError, OSError) as exc:
        fail(f"cannot read artifacts {artifacts}: {str(exc).splitlines()[0]}")
        return
    saved: dict[str, Any] = dict(data.settings)
    settings = AuditSettings(url=data.target, out=out, formats=_formats(formats),
                             jurisdiction=jurisdiction or saved.get("jurisdiction"))
    out.mkdir(parents=True, exist_ok=True)
    # Screenshots stay where the artifacts are; crops are cut from there.
    result = judge_and_write(data, settings, artifacts.parent.resolve())
    print_summary(result.report, result.written)


if __name__ == "__main__":
    main()
