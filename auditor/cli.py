"""The `shop-audit` command.

    shop-audit URL [options]            audit a shop (the default command)
    shop-audit checks                   list the checks
    shop-audit report ARTIFACTS --out D re-judge saved artifacts without a browser
    shop-audit baseline create REPORT   accept the current findings (gate only on new ones)
    shop-audit diff OLD NEW             what changed between two reports

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


def _lift_config(args: list[str]) -> tuple[list[str], list[str]]:
    """Split `--config PATH` (wherever it was written) from the rest: it belongs to the group,
    whose callback reads the file before the command parses its options."""
    lifted: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg == "--config" and i + 1 < len(args):
            lifted += args[i:i + 2]
            i += 2
            continue
        (lifted if arg.startswith("--config=") else rest).append(arg)
        i += 1
    return lifted, rest


class DefaultGroup(click.Group):
    """`shop-audit URL` means `shop-audit audit URL`: the common case needs no subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        lifted, args = _lift_config(args)
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["audit", *args]
        return super().parse_args(ctx, [*lifted, *args])


def fail(message: str) -> None:
    click.echo(f"shop-audit: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


CONFIGURED_COMMANDS = ("audit", "report")  # the commands whose options a config file may set


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="shop-audit")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="TOML file of audit options (keys are the option names: fail-under = 80). "
                   "Default: ./shop-audit.toml, else [tool.shop-audit] in ./pyproject.toml. "
                   "The command line wins over the file; unknown keys are an error.")
@click.pass_context
def main(ctx: click.Context, config_path: Path | None) -> None:
    """Audit a web shop for dark patterns, hidden prices, unclear terms, coupon conditions and
    stock claims. A headless Chromium walks the shop as a shopper would, never placing an
    order, and writes a scored report with evidence.

    \b
    Usage: shop-audit URL [OPTIONS]       (same as: shop-audit audit URL)
    Exit codes: 0 gate passed, 1 gate failed, 2 could not audit.
    """
    if ctx.resilient_parsing or ctx.invoked_subcommand not in CONFIGURED_COMMANDS:
        return
    from auditor.config import ConfigError, load_default_map

    commands = {name: ctx.command.commands[name] for name in CONFIGURED_COMMANDS}  # type: ignore[attr-defined]
    try:
        _source, defaults = load_default_map(commands, config_path)
    except ConfigError as exc:
        fail(str(exc))
        return
    if defaults:
        ctx.default_map = {**(ctx.default_map or {}), **defaults}


def _formats(value: str) -> list[str]:
    from auditor.settings import FORMATS

    out = [v.strip().lower() for v in value.split(",") if v.strip()]
    bad = [v for v in out if v not in FORMATS]
    if bad:
        raise click.BadParameter(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    return out


SEVERITY_CHOICES = ("minor", "moderate", "serious", "critical")
FAIL_UNDER_HELP = "Exit 1 when the overall score is below this (0-100)."


def gate_options(with_fail_under: bool) -> Any:
    """The gate and baseline options (see auditor/gating.py), in this order on each command."""
    options = [
        click.option("--min-category", "min_category", multiple=True, metavar="CATEGORY=SCORE",
                     help="Exit 1 when a category scores below SCORE, e.g. price-transparency=80. Repeatable."),
        click.option("--fail-on", type=click.Choice(SEVERITY_CHOICES), default=None,
                     help="Exit 1 on any finding of this severity or worse (a finding's own severity "
                          "overrides its check's). With --baseline, only new findings count."),
        click.option("--allow-not-assessed", "allow_not_assessed", multiple=True, metavar="ID[,ID]",
                     help="Checks that may be not-assessed without failing the gate, or '*' for all. By default "
                          "a gated check (all checks under --fail-under, a category's under --min-category, "
                          "those at or above --fail-on) that could not be assessed fails the gate. Repeatable."),
        click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
                     help="Baseline file (shop-audit baseline create): report new, still-present and fixed "
                          "findings and gate only on new ones; expired entries stop suppressing."),
    ]
    if with_fail_under:
        options.insert(0, click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
                                       help=FAIL_UNDER_HELP))

    def decorate(func: Any) -> Any:
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def gate_from_options(fail_under: float | None, min_category: tuple[str, ...], fail_on: str | None,
                      allow_not_assessed: tuple[str, ...], baseline: Path | None) -> tuple[Any, Any, str]:
    """(Gate, Baseline or None, the baseline's path as given); ValueError says what is wrong."""
    from auditor.baseline import Baseline
    from auditor.gating import Gate

    gate = Gate.from_options(fail_under, min_category, fail_on, allow_not_assessed)
    loaded = Baseline.load(baseline) if baseline is not None else None
    return gate, loaded, str(baseline or "")


def echo_baseline(report: Any) -> None:
    if report.baseline:
        n = report.baseline["counts"]
        click.echo(f"Baseline: {n['new']} new, {n['fixed']} fixed, {n['suppressed']} still present (accepted), "
                   f"{n['expired']} expired" + (f", {n['unverified']} unverified" if n["unverified"] else ""))


def _access_options(max_contexts: int, max_page_mb: float, sandbox: str, ignore_https_errors: bool,
                    ignore_robots: bool, http_user: str | None, http_password_env: str | None) -> dict[str, Any]:
    """Settings for how the browser reaches the shop. The HTTP password is read from the named
    environment variable, so it never appears on a command line, in a config file or a report."""
    import os

    values: dict[str, Any] = {"max_contexts": max_contexts, "max_page_mb": max_page_mb, "sandbox": sandbox,
                              "ignore_https_errors": ignore_https_errors, "ignore_robots": ignore_robots}
    if http_password_env and not http_user:
        raise click.BadParameter("--http-password-env needs --http-user")
    if http_user:
        password = ""
        if http_password_env:
            if http_password_env not in os.environ:
                raise click.BadParameter(f"--http-password-env {http_password_env}: that environment variable is not set")
            password = os.environ[http_password_env]
        values.update(http_user=http_user, http_password=password)
    return values


@main.command("audit")
@click.argument("url")
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("reports/latest"),
              show_default=True, help="Directory for report.json, report.html, artifacts.json and screenshots.")
@click.option("--format", "formats", default="json,html", show_default=True,
              help="Comma-separated report formats: json, html, sarif, junit, md, pdf (json is always written).")
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
              help=FAIL_UNDER_HELP)
@gate_options(with_fail_under=False)
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
@click.option("--max-contexts", type=click.IntRange(1, 16), default=4, show_default=True,
              help="Most browser contexts (fresh visitors) open at once; fewer is gentler on a small machine.")
@click.option("--max-page-mb", type=click.FloatRange(0.1, 1000), default=10.0, show_default=True,
              help="HTML pages larger than this are not read and are listed as errors (by Content-Length "
                   "before the body arrives, else by the decoded size once loaded).")
@click.option("--sandbox", type=click.Choice(["auto", "on", "off"]), default="auto", show_default=True,
              help="Chromium's sandbox. auto: on, except as root (Chromium refuses its sandbox as root, e.g. in "
                   "a container: it then runs with --no-sandbox) or where user namespaces are denied. "
                   "on: fail rather than run without it. off: always --no-sandbox.")
@click.option("--ignore-https-errors", is_flag=True,
              help="Accept invalid TLS certificates (a staging shop with a self-signed one); the report says so.")
@click.option("--ignore-robots", is_flag=True,
              help="Also crawl what robots.txt disallows (for your own shop). By default those pages are "
                   "skipped and listed in the report.")
@click.option("--http-user", default=None, help="User name for HTTP basic authentication (a shop behind a password).")
@click.option("--http-password-env", metavar="VAR", default=None,
              help="Name of the environment variable that holds the HTTP password (never the password itself, "
                   "which would show in process lists and shell history). No report or artifact contains it.")
@click.option("--journey-file", type=click.Path(dir_okay=False, exists=True), default=None,
              help="TOML or YAML file overriding the shopper journey where the heuristics fail: products to "
                   "buy, cart and checkout URLs, CSS selectors per step, the test persona's country and "
                   "fields, coupon codes to try (see auditor/journey/plan.py).")
@click.option("--storage-state", type=click.Path(dir_okay=False, exists=True), default=None,
              help="Playwright storage-state JSON (cookies, localStorage) to start from, e.g. a logged-in "
                   "staging session. Its content is never copied into reports or artifacts.")
@click.option("--allow-domain", "allow_domains", multiple=True, metavar="DOMAIN",
              help="Also crawl this domain (and its subdomains), e.g. a separate checkout host. Repeatable; "
                   "by default only the start URL's origin is crawled.")
@click.option("--currency", default=None, metavar="ISO",
              help="Currency to assume for prices shown without one (e.g. EUR). Default: from structured data.")
@click.option("--attention", type=click.FloatRange(0, 30), default=5.0, show_default=True,
              help="Seconds the crawler stays on the first pages to see pop-ups that appear late "
                   "(newsletter modals); if one appears, later pages are watched as long to catch it returning.")
def audit_command(url: str, out: Path, formats: str, max_pages: int, max_depth: int, timeout: float,
                  max_duration: float, browser: str | None, fail_under: float | None, loads: int,
                  observe: float, repeat_pages: int, jurisdiction: str | None, no_journey: bool,
                  no_screenshots: bool, quiet: bool,
                  min_category: tuple[str, ...] = (), fail_on: str | None = None,
                  allow_not_assessed: tuple[str, ...] = (), baseline: Path | None = None,
                  max_contexts: int = 4, max_page_mb: float = 10.0, sandbox: str = "auto",
                  ignore_https_errors: bool = False, ignore_robots: bool = False,
                  http_user: str | None = None, http_password_env: str | None = None,
                  journey_file: str | None = None, storage_state: str | None = None,
                  allow_domains: tuple[str, ...] = (), currency: str | None = None,
                  attention: float = 5.0) -> None:
    """Audit the shop at URL and write the reports.

    Every option can also come from a TOML file: --config FILE (anywhere on the command line),
    else ./shop-audit.toml, else [tool.shop-audit] in ./pyproject.toml; the command line wins.
    """
    from pydantic import ValidationError

    from auditor.audit import AuditFailure, run_audit
    from auditor.console import ConsoleProgress, print_summary
    from auditor.reporters.ci_formats import RenderError
    from auditor.settings import AuditSettings

    try:
        fmts = _formats(formats)
        if jurisdiction:
            from auditor.jurisdiction import profile

            jurisdiction = profile(jurisdiction).id
        access = _access_options(max_contexts, max_page_mb, sandbox, ignore_https_errors, ignore_robots,
                                 http_user, http_password_env)
        settings = AuditSettings(
            url=url, out=out, formats=fmts, max_pages=max_pages, max_depth=max_depth, timeout=timeout,
            max_duration=max_duration, browser=browser, fail_under=fail_under, loads=loads,
            observe=observe, repeat_pages=repeat_pages, jurisdiction=jurisdiction,
            journey=not no_journey, screenshots=not no_screenshots,
            journey_file=journey_file, storage_state=storage_state,
            allow_domains=[d.lower().lstrip(".") for d in allow_domains],
            currency=currency.upper() if currency else None, attention=attention,
            **access,
        )
        if journey_file:
            from auditor.journey.plan import load_plan

            load_plan(journey_file)  # a broken journey file is an error now, not halfway through
        gate, accepted, accepted_from = gate_from_options(fail_under, min_category, fail_on,
                                                          allow_not_assessed, baseline)
    except (click.BadParameter, ValueError, ValidationError) as exc:
        fail(str(exc).splitlines()[0])
        return
    progress = ConsoleProgress(enabled=not quiet and sys.stderr.isatty())
    try:
        with progress:
            result = run_audit(settings, progress, gate, accepted, accepted_from)
    except (AuditFailure, RenderError) as exc:
        fail(str(exc))
        return
    print_summary(result.report, result.written)
    echo_baseline(result.report)
    passed = bool(result.report.gate and result.report.gate["passed"])
    sys.exit(EXIT_OK if passed else EXIT_GATE)


@main.command("checks")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--markdown", "as_markdown", is_flag=True,
              help="The catalogue as Markdown, with descriptions and remedies (docs/checks.md is this).")
def checks_command(as_json: bool, as_markdown: bool) -> None:
    """List every check with its category, severity, weight and legal references."""
    import json

    from auditor.check import discover_checks

    checks = discover_checks()
    if as_markdown:
        from auditor.catalogue_doc import catalogue_markdown

        click.echo(catalogue_markdown(checks), nl=False)
        return
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
@gate_options(with_fail_under=True)
def report_command(artifacts: Path, out: Path, formats: str, jurisdiction: str | None,
                   fail_under: float | None = None, min_category: tuple[str, ...] = (),
                   fail_on: str | None = None, allow_not_assessed: tuple[str, ...] = (),
                   baseline: Path | None = None) -> None:
    """Re-judge saved artifacts (artifacts.json) without a browser and write the reports.

    Takes the same gate and baseline options as an audit and exits the same way: 0 gate
    passed, 1 gate failed, 2 could not run.
    """
    from pydantic import ValidationError

    from auditor.artifacts import Artifacts
    from auditor.audit import judge_and_write
    from auditor.console import print_summary
    from auditor.reporters.ci_formats import RenderError
    from auditor.settings import AuditSettings

    try:
        data = Artifacts.from_json(artifacts.read_text(encoding="utf-8"))
    except (ValidationError, ValueError, OSError) as exc:
        fail(f"cannot read artifacts {artifacts}: {str(exc).splitlines()[0]}")
        return
    saved: dict[str, Any] = dict(data.settings)
    settings = AuditSettings(url=data.target, out=out, formats=_formats(formats),
                             jurisdiction=jurisdiction or saved.get("jurisdiction"))
    try:
        gate, accepted, accepted_from = gate_from_options(fail_under, min_category, fail_on,
                                                          allow_not_assessed, baseline)
    except ValueError as exc:
        fail(str(exc).splitlines()[0])
        return
    out.mkdir(parents=True, exist_ok=True)
    # Screenshots stay where the artifacts are; crops are cut from there.
    try:
        result = judge_and_write(data, settings, artifacts.parent.resolve(), gate, accepted, accepted_from)
    except RenderError as exc:
        fail(str(exc))
        return
    print_summary(result.report, result.written)
    echo_baseline(result.report)
    passed = bool(result.report.gate and result.report.gate["passed"])
    sys.exit(EXIT_OK if passed else EXIT_GATE)


def _report_path(path: Path) -> Path:
    """A report.json, or a directory holding one."""
    return path / "report.json" if path.is_dir() else path


@main.group("baseline")
def baseline_group() -> None:
    """Accept the findings a team knows about, so that only new ones fail the gate."""


@baseline_group.command("create")
@click.argument("report", type=click.Path(exists=True, path_type=Path))
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("shop-audit-baseline.json"), show_default=True, help="Where to write the baseline.")
@click.option("--reason", default="", help="Why these findings are accepted (kept with each entry).")
@click.option("--expires", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Last day the entries suppress their findings; after it they count as open again.")
def baseline_create_command(report: Path, out: Path, reason: str, expires: Any) -> None:
    """Write every finding of REPORT (a report.json, or its directory) to a baseline, keyed by
    fingerprint, with the reason and expiry. Audit with --baseline FILE to gate only on new ones."""
    from datetime import date

    from auditor.baseline import create_baseline
    from auditor.diff import load_report

    try:
        loaded = load_report(_report_path(report))
    except ValueError as exc:
        fail(str(exc))
        return
    until = expires.date() if expires is not None else None
    if until is not None and until < date.today():
        fail(f"--expires {until.isoformat()} is in the past")
        return
    made = create_baseline(loaded, reason=reason or "accepted when the baseline was created", expires=until)
    try:
        made.save(out)
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")
        return
    click.echo(f"Baseline of {len(made.findings)} finding(s) written to {out}"
               + (f", valid until {until.isoformat()}" if until else ""))


@main.command("diff")
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md"]), default="text", show_default=True,
              help="text for a terminal, json for tools, md for a pull-request comment.")
def diff_command(old: Path, new: Path, fmt: str) -> None:
    """Compare two reports (report.json files or their directories): findings that appeared and
    disappeared (by fingerprint), verdict changes per check, score changes per category."""
    from auditor.diff import RENDERERS, diff_reports, load_report

    try:
        before, after = load_report(_report_path(old)), load_report(_report_path(new))
    except ValueError as exc:
        fail(str(exc))
        return
    click.echo(RENDERERS[fmt](diff_reports(before, after)), nl=False)


from auditor.commands.text import text_command  # noqa: E402  (the copy classifier, no browser)

main.add_command(text_command)


if __name__ == "__main__":
    main()
