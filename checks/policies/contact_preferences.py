"""contact-preferences: checkout lets shoppers refuse marketing contact, and does not refuse it for them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.artifacts import Artifacts, Control, PageSnapshot
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import langs_of
from auditor.jurisdiction import rule
from auditor.legal import Ref
from auditor.text.facts import sentences
from auditor.text.lexicon import Lexicons, lexicons
from auditor.text.normalize import clip

_CLAUSE = re.compile(r"[.;(\u2014\u2013]|\s-\s")


@dataclass(frozen=True)
class Choice:
    url: str
    control: Control
    wording: str  # opt-in | opt-out
    against_shopper: bool  # ticked for marketing before the shopper did anything


def checkout_places(artifacts: Artifacts) -> Iterator[tuple[str, PageSnapshot | None, list[Control], list[str]]]:
    """(url, page, controls, texts) of checkout pages and the journey's checkout steps."""
    seen: set[str] = set()
    for page in artifacts.pages:
        if page.kind == "checkout":
            seen.add(page.final_url)
            yield page.final_url, page, page.controls, [b.text for b in page.text_blocks if b.region in ("main", "aside", "dialog")]
    if artifacts.journey:
        for step in artifacts.journey.steps:
            if not step.kind.startswith("checkout"):
                continue
            page = artifacts.pages[step.page] if step.page is not None and step.page < len(artifacts.pages) else None
            texts = list(step.messages)
            if page is not None and page.final_url not in seen:
                texts += [b.text for b in page.text_blocks if b.region in ("main", "aside", "dialog")]
            yield step.url, page, step.controls, texts


def wording(label: str, lex: Lexicons, langs: list[str | None] | None) -> str | None:
    """'opt-in' ("Keep me updated with offers"), 'opt-out' ("Don't send me offers") or None
    when the label is not about marketing contact. Only the first clause asks the question: the
    usual "(you can unsubscribe at any time)" after it is information, not the choice."""
    ask = _CLAUSE.split(label, maxsplit=1)[0] or label
    if not lex.has("consent", label, langs):
        return None
    if lex.has("contact_opt_out", ask, langs) or lex.has("negation", ask, langs):
        return "opt-out"
    return "opt-in"


def choices(artifacts: Artifacts, lex: Lexicons) -> list[Choice]:
    out: list[Choice] = []
    seen: set[tuple[str, str]] = set()
    for url, page, controls, _texts in checkout_places(artifacts):
        langs = langs_of(page)
        for control in controls:
            if not control.visible or control.disabled or control.kind not in ("checkbox", "radio"):
                continue
            if (url, control.locator) in seen:
                continue
            seen.add((url, control.locator))
            label = control.label if control.kind == "checkbox" else f"{control.group_label or ''} {control.label}"
            kind = wording(control.label, lex, langs) if control.kind == "checkbox" else _radio(control, lex, langs)
            if kind is None:
                continue
            # An unticked opt-out box is itself the simple means of refusing the law asks for;
            # only a marketing choice made in advance for the shopper is set against them.
            out.append(Choice(url, control.model_copy(update={"label": label.strip()}), kind,
                              against_shopper=kind == "opt-in" and bool(control.checked)))
    return out


def _radio(control: Control, lex: Lexicons, langs: list[str | None] | None) -> str | None:
    """A yes/no radio pair under a marketing question: the "no" option is the opt-out."""
    if not lex.has("consent", f"{control.group_label or ''} {control.label}", langs):
        return None
    return "opt-out" if lex.has("negation", control.label, langs) or lex.has("contact_opt_out", control.label, langs) else "opt-in"


def notices(artifacts: Artifacts, lex: Lexicons) -> list[tuple[str, str]]:
    """Checkout text saying marketing will be sent (e.g. "By ordering you agree to receive our
    newsletter"), with its URL."""
    out = []
    for url, page, _controls, texts in checkout_places(artifacts):
        langs = langs_of(page)
        for sent in sentences(texts):
            if lex.has("marketing_notice", sent, langs):
                out.append((url, sent))
    return out


class ContactPreferences(Check):
    id = "contact-preferences"
    title = "Checkout lets shoppers refuse marketing contact"
    failure_title = "Checkout gives no free choice about marketing contact"
    category = "policies"
    severity = "moderate"
    references = (
        Ref("EPRIVACY", "art. 13(2)"),
        Ref("GDPR", "art. 21(2)-(4)"),
        Ref("UCPD", "Annex I no. 26"),
        Ref("CJEU-PLANET49", "operative part, point 1"),
    )
    description = """
    What it detects: at checkout, where the shop collects the e-mail address or phone number
    for marketing calls and messages, either no way to refuse (a notice that marketing will be
    sent, with no box to decline), or a choice set against the shopper: a "send me offers" box
    ticked in advance, or a yes/no radio preset to yes. An unticked "do not send me offers" box
    is a valid way to refuse and passes. Consent controls of checkout pages and of every checkout step of the journey are read,
    and their labels classified in every supported language.
    Why it harms shoppers: a shop may use a customer's contact details from a sale for its own
    marketing only if the customer is clearly given the chance to object, free and easily, when
    the details are collected (ePrivacy Directive art. 13(2)); consent given by a pre-ticked box
    is not valid (Planet49), and the right to object to direct marketing must be brought to the
    shopper's attention (GDPR art. 21). Persistent unwanted solicitations follow.
    """
    remedy = ("Offer an unticked \u201cSend me offers by e-mail/SMS\u201d box (or a clearly worded "
              "opt-out box, unticked by default) next to the contact fields at checkout.")

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        if not rule(ctx.jurisdiction, "marketing_choice_at_collection", True):
            note = rule(ctx.jurisdiction, "contact_preferences_note", "")
            return self.not_assessed(f"not required under the {ctx.jurisdiction} profile: "
                                     + (note or "no rule on choices at collection"))
        places = list(checkout_places(artifacts))
        if not places:
            return self.not_assessed("no checkout page or checkout step was reached")
        lex = lexicons()
        found = choices(artifacts, lex)
        findings = [self._preset(c) for c in found if c.against_shopper]
        said = notices(artifacts, lex)
        if said and not found:
            url, sent = said[0]
            findings.append(Finding(
                url=url, key="no-choice", text=clip(sent, 300),
                message="Checkout says marketing will be sent but offers no way to refuse it",
                observed=f"\u201c{clip(sent, 200)}\u201d with no marketing checkbox or opt-out control",
                expected="a free, simple way to refuse marketing when contact details are collected"))
        choices_seen = [{"label": clip(c.control.label, 160), "wording": c.wording, "checked": c.control.checked,
                         "url": c.url} for c in found]
        passed = (f"{len(found)} marketing choice(s) at checkout, none preset against the shopper" if found
                  else "checkout collects no marketing contact")
        return self.judged(findings, passed=passed, choices=choices_seen,
                           checkout_pages=list(dict.fromkeys(u for u, *_ in places)))

    def _preset(self, c: Choice) -> Finding:
        label = clip(c.control.label, 200)
        return Finding(url=c.url, locator=c.control.locator, text=label, box=c.control.box, key=c.control.locator,
                       message=f"Marketing contact is chosen for the shopper in advance: \u201c{label}\u201d",
                       observed=f"{c.control.kind} {'ticked' if c.control.kind == 'checkbox' else 'selected'} by default",
                       expected="no marketing unless the shopper chooses it (opt-in unticked, or opt-out preselected)",
                       evidence={"wording": c.wording, "checked": c.control.checked, "name": c.control.name})
