"""trick-question: consent choices worded so that the shopper cannot tell what ticking means."""

from __future__ import annotations

from auditor.artifacts import Artifacts, Control
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import controls_seen, langs_of
from auditor.legal import Ref
from auditor.text.classifier import double_negative, is_consent_wording, opt_out_wording
from auditor.text.lexicon import lexicons
from auditor.text.normalize import clip

ALL_KINDS = ("home", "listing", "product", "cart", "checkout", "policy", "account", "search", "other")
CHOICES = ("checkbox", "radio")


def _label(c: Control) -> str:
    return f"{c.group_label} {c.label}".strip() if c.kind == "radio" and c.group_label else c.label


class TrickQuestion(Check):
    id = "trick-question"
    title = "Consent choices say plainly what ticking means"
    failure_title = "Consent choices are worded to confuse"
    category = "choice-architecture"
    severity = "moderate"
    references = (
        Ref("IN-DP", "Annexure 1, item 11", "trick question"),
        Ref("GDPR", "art. 4(11) and art. 7(2)", "unambiguous consent, clear and plain language"),
    )  # not DSA art. 25: its para. 2 leaves practices covered by the GDPR to the GDPR
    description = """
    What it detects: consent checkboxes and radio buttons (newsletter, marketing, calls, data
    sharing) whose label uses a double negative ("Untick this box if you do not want to
    receive offers"), and forms that mix opt-in and opt-out boxes for marketing, so that ticking
    means yes in one place and no in the next. Labels are read in every language the lexicons
    cover; a plain opt-in ("Send me offers") or a plain opt-out ("Do not send me offers") passes.
    Why it harms shoppers: a choice the shopper cannot parse is not a free and informed one;
    consent must be an unambiguous indication given in clear and plain language (GDPR art.
    4(11), 7(2)), and confusing wording is listed as a trick question in the India CCPA
    guidelines.
    """
    remedy = ("Ask one positive question per box (\u201cSend me offers by email\u201d), unticked, and use the "
              "same direction for every marketing choice on the form.")

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        findings: list[Finding] = []
        consent: dict[str, list[tuple[Control, bool]]] = {}
        for url, page, c in controls_seen(artifacts, ALL_KINDS):
            if c.kind not in CHOICES or not c.visible:
                continue
            label = _label(c)
            langs = langs_of(page)
            if not label or not is_consent_wording(label, lex, langs):
                continue
            negs = double_negative(label, lex, langs)
            if negs:
                findings.append(self._double(url, c, label, negs))
            if c.kind == "checkbox":
                consent.setdefault(url, []).append((c, opt_out_wording(label, lex, langs)))
        for url, boxes in consent.items():
            ins = [c for c, out in boxes if not out and lex.has("consent", c.label)]
            outs = [c for c, out in boxes if out and lex.has("consent", c.label)]
            if ins and outs:
                findings.append(self._mixed(url, ins[0], outs[0]))
        seen = sum(len(b) for b in consent.values())
        reached = bool(artifacts.journey and any(s.kind.startswith("checkout") for s in artifacts.journey.steps))
        if not seen and not reached:
            return self.not_assessed("no consent checkbox was seen and no checkout step was reached to look for one")
        return self.judged(findings,
                           passed=f"{seen} consent checkbox(es) read; each asks one plain question",
                           failed=f"{len(findings)} confusingly worded consent choice(s)",
                           consent_boxes=seen)

    def _double(self, url: str, c: Control, label: str, negs: list) -> Finding:
        return Finding(
            url=url,
            message=f"Double negative on a consent {c.kind}: \u201c{clip(label, 140)}\u201d",
            locator=c.locator, text=clip(label, 300),
            observed="negations in one sentence: " + ", ".join(f"\u201c{h.found}\u201d" for h in negs),
            expected="one positive question (\u201cSend me offers by email\u201d) with the box unticked",
            evidence={"negations": [h.term for h in negs], "checked_by_default": c.checked,
                      "languages": sorted({h.lang for h in negs})},
            box=c.box,
        )

    def _mixed(self, url: str, opt_in: Control, opt_out: Control) -> Finding:
        return Finding(
            url=url,
            message=(f"Marketing boxes switch meaning on one form: ticking \u201c{clip(opt_in.label, 60)}\u201d "
                     f"says yes, ticking \u201c{clip(opt_out.label, 60)}\u201d says no"),
            locator=opt_out.locator, text=clip(opt_out.label, 300),
            observed="an opt-in and an opt-out box for marketing side by side",
            expected="every marketing box asks in the same direction (tick to agree)",
            evidence={"opt_in": opt_in.label, "opt_out": opt_out.label,
                      "opt_in_checked": opt_in.checked, "opt_out_checked": opt_out.checked},
            box=opt_out.box, key="mixed-polarity", severity="minor",
        )
