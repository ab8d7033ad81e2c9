"""forced-registration: no guest checkout, or data demanded that delivering an order does not need."""

from __future__ import annotations

import re

from auditor.artifacts import Artifacts, Control, JourneyStep
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import langs_of
from auditor.legal import Ref
from auditor.text.lexicon import lexicons
from auditor.text.normalize import clip

# HTML autocomplete tokens (WHATWG) and name/id fragments that mean a field is about the person
# rather than the delivery: date of birth, gender, "how did you hear about us", occupation.
AUTOCOMPLETE = {"bday", "bday-day", "bday-month", "bday-year", "sex"}
NAME_TOKENS = {"dob", "sex", "bday", "gender", "birthday", "birthdate", "referral", "referrer", "occupation", "income"}
NAME_FRAGMENTS = ("birth", "gender", "hear_about", "heard_about", "how_did_you", "referral_source", "found_us")


def purpose(c: Control, langs: list[str | None] | None) -> str | None:
    """Why a field is not needed to deliver, or None."""
    tokens = set((c.autocomplete or "").lower().split())
    if tokens & AUTOCOMPLETE:
        return f"autocomplete=\u201c{c.autocomplete}\u201d"
    ident = f"{c.name or ''} {c.id or ''}".lower().replace("-", "_")
    parts = set(re.split(r"[^a-z0-9_]+", ident)) | set(re.split(r"[^a-z0-9]+", ident))
    hit = (parts & NAME_TOKENS) or {f for f in NAME_FRAGMENTS if f in ident}
    if hit:
        return f"field name \u201c{c.name or c.id}\u201d"
    for text in (c.label, c.group_label or ""):
        found = lexicons().find("unneeded_data", text, langs)
        if found:
            return f"label \u201c{found[0].found}\u201d"
    return None


def required(c: Control) -> bool:
    return c.required or c.label.rstrip().endswith("*") or (c.group_label or "").rstrip().endswith("*")


class ForcedRegistration(Check):
    id = "forced-registration"
    title = "Shoppers can buy as guests, giving only what delivery needs"
    failure_title = "Buying requires an account or data the order does not need"
    category = "choice-architecture"
    severity = "moderate"
    references = (
        Ref("IN-DP", "Annexure 1, item 4", "forced action"),
        Ref("GDPR", "art. 5(1)(c)", "data minimisation"),
    )
    description = """
    What it detects: a checkout that cannot be completed without signing in or creating an
    account (the auditor's shopper looks for a guest option and records where it was stopped),
    a password demanded on the guest path, and mandatory checkout fields that delivering and
    paying for an order do not need: date of birth, gender, "how did you hear about us",
    occupation. Fields are recognised by their standard autocomplete tokens, their names and
    their labels in every language the lexicons cover.
    Why it harms shoppers: making a purchase conditional on signing up or on handing over
    unrelated personal data is a forced action (India CCPA guidelines), and personal data must
    be limited to what the purpose needs (GDPR art. 5(1)(c)). A shop that must verify age for
    what it sells may need a date of birth; the finding says which field it is so a reviewer
    can weigh that.
    """
    remedy = ("Offer guest checkout (an account can be offered after the order) and make every field "
              "that delivery and payment do not need optional, or remove it.")
    requires = ("journey",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        journey = artifacts.journey
        assert journey is not None
        checkout = [s for s in journey.steps if s.kind.startswith("checkout")]
        if journey.guest_checkout is None and not checkout:
            return self.not_assessed("the journey reached no checkout step, so guest checkout could not be tried")
        findings: list[Finding] = []
        if journey.guest_checkout is False:
            findings.append(self._no_guest(artifacts, checkout))
        seen: set[tuple[str, str]] = set()
        fields = 0
        for step in checkout:
            page = artifacts.pages[step.page] if step.page is not None and step.page < len(artifacts.pages) else None
            langs = langs_of(page)
            for c in step.controls:
                if not c.visible or c.disabled or c.kind == "hidden":
                    continue
                fields += 1
                key = (step.url, c.name or c.locator)
                if key in seen or not required(c):
                    continue
                if c.kind == "password" and step.kind != "checkout-login" and "current-password" not in (c.autocomplete or ""):
                    seen.add(key)
                    findings.append(self._field(step, c, "a password (an account is created whether the shopper wants one or not)"))
                    continue
                why = purpose(c, langs)
                if why:
                    seen.add(key)
                    findings.append(self._field(step, c, why))
        return self.judged(
            findings,
            passed=f"guest checkout offered; {fields} checkout field(s) read, none demands data delivery does not need",
            failed=f"{len(findings)} obstacle(s) to buying as a guest with minimal data",
            guest_checkout=journey.guest_checkout, fields_read=fields,
        )

    def _no_guest(self, artifacts: Artifacts, checkout: list[JourneyStep]) -> Finding:
        journey = artifacts.journey
        assert journey is not None
        login = next((s for s in reversed(checkout) if s.kind == "checkout-login"), checkout[-1] if checkout else None)
        url = login.url if login else (journey.stop.url if journey.stop else artifacts.target)
        page = artifacts.pages[login.page] if login and login.page is not None and login.page < len(artifacts.pages) else None
        wording = [h.found for h in lexicons().find("forced_registration", page.full_text(), langs_of(page))] if page else []
        offered = [b.text for b in (login.buttons if login else [])][:8]
        return Finding(
            url=url,
            message="Checkout cannot be completed as a guest: the shopper must sign in or create an account",
            locator=login.buttons[0].locator if login and login.buttons else "",
            text=clip("; ".join(wording) or (journey.stop.reason if journey.stop else ""), 300),
            observed=(journey.stop.reason if journey.stop else "no guest option at the sign-in step")
                     + (f"; the page says \u201c{wording[0]}\u201d" if wording else ""),
            expected="a way to order without an account (guest checkout)",
            evidence={"buttons_offered": offered, "wording": wording[:5],
                      "stop_reason": journey.stop.reason if journey.stop else None},
        )

    def _field(self, step: JourneyStep, c: Control, why: str) -> Finding:
        label = c.label or c.group_label or c.name or c.kind
        return Finding(
            url=step.url,
            message=f"Mandatory checkout field not needed to deliver the order: \u201c{clip(label, 80)}\u201d",
            locator=c.locator, text=clip(label, 300),
            observed=f"required {c.kind} field, recognised by {why}",
            expected="only what delivery and payment need is mandatory; anything else optional or absent",
            evidence={"step": step.kind, "field": c.name, "kind": c.kind, "recognised_by": why,
                      "autocomplete": c.autocomplete},
            box=c.box, key=c.name or "",
        )
