"""preselected-extras: boxes ticked for the shopper that add cost or give consent."""

from __future__ import annotations

from auditor.artifacts import Artifacts, Control
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.checkkit import controls_seen, langs_of, option_price
from auditor.legal import Ref
from auditor.text.lexicon import Lexicons, lexicons
from auditor.text.prices import find_prices


def classify_label(label: str, lex: Lexicons, langs: list[str | None] | None) -> str | None:
    """'cost', 'consent' or None for a control's label.

    Cost: the label names a paid extra or carries a positive price. Consent: it asks for
    marketing or data sharing — unless it is worded as an opt-out ("don't send me offers"),
    which ticked is in the shopper's favour (trick-question judges such wording).
    """
    prices = [p for p in find_prices(label) if p.amount is not None and p.amount > 0]
    if lex.has("consent", label, langs):
        if lex.has("negation", label, langs) or lex.has("contact_opt_out", label, langs):
            return None
        return "consent"
    if prices or (lex.has("cost_extra", label, langs) and not lex.has("price.free", label, langs)):
        return "cost"
    return None


def _radio_default_costs_more(group: list[Control]) -> Control | None:
    """A default radio option dearer than another option of the same group (express shipping
    chosen for the shopper), judged on the prices in their labels."""
    priced = []
    for c in group:
        amount = option_price(c.label, lexicons(), None)
        if amount is None:
            return None  # cannot compare a group where an option has no stated price
        priced.append((c, amount))
    chosen = [x for x in priced if x[0].checked]
    if len(chosen) != 1 or len(priced) < 2:
        return None
    return chosen[0][0] if chosen[0][1] > min(a for _, a in priced) else None


class PreselectedExtras(Check):
    id = "preselected-extras"
    title = "No extras or consents are pre-selected"
    failure_title = "Paid extras or consents are pre-selected for the shopper"
    category = "choice-architecture"
    severity = "serious"
    references = (
        Ref("CRD", "art. 22"),
        Ref("GDPR", "art. 4(11) and art. 7"),
        Ref("CJEU-PLANET49", "operative part, point 1"),
        Ref("IN-DP", "Annexure 1, item 2", "basket sneaking"),
        Ref("UK-CCR", "reg. 40", "additional payments"),
    )
    description = """
    What it detects: checkboxes, radio buttons and selects on product, cart and checkout pages
    that are already ticked for the shopper and either add a cost (insurance, warranty,
    donation, express delivery, order protection) or give consent (newsletter, marketing,
    sharing data with partners). Labels are classified in every language the lexicons cover.
    Why it harms shoppers: a trader must obtain express consent for any payment beyond the
    main obligation, and inferring it from a default option is forbidden (CRD art. 22); a
    pre-ticked box is not valid consent to marketing or data processing (Planet49).
    """
    remedy = "Leave every optional extra and every marketing or data-sharing consent unticked by default."

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        findings: list[Finding] = []
        inspected = 0
        radio_groups: dict[tuple[str, str], list[Control]] = {}
        for url, page, control in controls_seen(artifacts, ("product", "cart", "checkout")):
            if not control.visible or control.disabled:
                continue
            inspected += 1
            langs = langs_of(page)
            if control.kind == "radio" and control.name:
                radio_groups.setdefault((url, control.name), []).append(control)
                continue
            if control.kind == "checkbox" and control.checked:
                kind = classify_label(control.label, lex, langs)
                if kind:
                    findings.append(self._finding(url, control, kind))
            if control.kind == "select":
                chosen = next((o for o in control.options if o.selected), None)
                if chosen and control.options and chosen is not control.options[0]:
                    if classify_label(chosen.text, lex, langs) == "cost":
                        findings.append(self._finding(url, control, "cost", chosen.text))
        for (url, _name), group in radio_groups.items():
            dearer = _radio_default_costs_more(group)
            if dearer is not None:
                findings.append(self._finding(url, dearer, "cost"))
        if inspected == 0:
            return self.not_assessed("no product, cart or checkout page with form controls was reached")
        return self.judged(findings, passed=f"{inspected} controls on product, cart and checkout pages; none pre-selected against the shopper",
                           inspected=inspected)

    def _finding(self, url: str, control: Control, kind: str, chosen: str | None = None) -> Finding:
        what = "adds a cost" if kind == "cost" else "gives marketing or data consent"
        label = chosen or control.label
        return Finding(
            url=url,
            message=f"Pre-selected {control.kind} {what}: \u201c{label[:120]}\u201d",
            locator=control.locator, text=label,
            observed=f"{control.kind} {'selected' if chosen else 'ticked'} by default",
            expected="unticked (the shopper opts in)",
            evidence={"classified_as": kind, "control": control.kind, "name": control.name,
                      "group": control.group_label},
            box=control.box,
        )
