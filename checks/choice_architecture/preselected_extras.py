"""preselected-extras: boxes ticked for the shopper that add cost or give consent."""

from __future__ import annotations

from decimal import Decimal

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


def _option_cost(label: str, lex: Lexicons, langs: list[str | None] | None) -> Decimal | None:
    """What choosing an option costs: its stated price, nothing for a refusal ("No thanks",
    "Without insurance", "Без упаковки"), None when the label does not say."""
    amount = option_price(label, lex, langs)
    if amount is not None:
        return amount
    if lex.has("negation", label, langs) or lex.has("decline_neutral", label, langs):
        return Decimal("0")
    return None


def _dearer_default(labels: list[str], chosen: int, lex: Lexicons, langs: list[str | None] | None) -> bool:
    """The chosen option costs more than another option of the same choice. Collecting the
    goods in store is not a cheaper delivery: home delivery at its lowest rate chosen over a
    free pickup is the shop's normal default, not an extra."""
    kept = [i for i, lb in enumerate(labels) if i == chosen or not lex.has("delivery.pickup", lb, langs)]
    labels, chosen = [labels[i] for i in kept], kept.index(chosen)
    costs = [_option_cost(label, lex, langs) for label in labels]
    if len(costs) < 2 or any(c is None for c in costs):
        return False  # cannot compare a choice where an option has no stated price
    known = [c for c in costs if c is not None]
    mine = costs[chosen]
    return mine is not None and mine > min(known)


def _radio_default_costs_more(group: list[Control], langs: list[str | None] | None = None) -> Control | None:
    """A default radio option dearer than another option of the same group (express shipping
    or a donation chosen for the shopper), judged on the prices in their labels."""
    chosen = [i for i, c in enumerate(group) if c.checked]
    if len(chosen) != 1:
        return None
    return group[chosen[0]] if _dearer_default([c.label for c in group], chosen[0], lexicons(), langs) else None


def _select_default_costs_more(control: Control, lex: Lexicons, langs: list[str | None] | None) -> str | None:
    """The option a select shows by default, when it is a paid extra: either a cost option
    selected instead of the first, or a default dearer than another option of a select about
    an extra (warranty, insurance, donation, gift wrap) or one with a way to refuse."""
    options = [o for o in control.options if not o.disabled]
    if not options:
        return None
    chosen = next((o for o in options if o.selected), options[0])
    about_extra = any(lex.has("cost_extra", t, langs) and not lex.has("price.free", t, langs)
                      for t in (control.label, control.group_label or "", chosen.text))
    refusable = any(_option_cost(o.text, lex, langs) == 0 for o in options if o is not chosen)
    if not (about_extra or refusable):
        return None  # a size or colour that costs more is a variant, not an extra
    if _dearer_default([o.text for o in options], options.index(chosen), lex, langs):
        return chosen.text
    if (chosen is not options[0] and classify_label(chosen.text, lex, langs) == "cost"
            and _option_cost(chosen.text, lex, langs) != 0):
        return chosen.text  # "Gift wrap: Yes (+£3)" chosen over an unpriced placeholder
    return None


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
    What it detects: checkboxes, radio buttons and selects on product, cart and checkout pages,
    in pop-ups on any page and at every step of the checkout, that are already ticked or chosen
    for the shopper and either add a cost (insurance, warranty, a donation or "round up",
    express delivery, order protection; a select or option group whose default is dearer than
    another of its options, such as "No thanks") or give consent (newsletter, marketing, sharing
    data with partners). Labels are classified in every language the lexicons cover.
    Why it harms shoppers: a trader must obtain express consent for any payment beyond the
    main obligation, and inferring it from a default option is forbidden (CRD art. 22); a
    pre-ticked box is not valid consent to marketing or data processing (Planet49).
    """
    remedy = "Leave every optional extra and every marketing or data-sharing consent unticked by default."

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        findings: list[Finding] = []
        inspected = in_purchase = 0
        radio_groups: dict[tuple[str, str], list[Control]] = {}
        group_langs: dict[tuple[str, str], list[str | None] | None] = {}
        for url, page, control in controls_seen(artifacts, ("product", "cart", "checkout")):
            if not control.visible or control.disabled:
                continue
            inspected += 1
            in_purchase += bool(page is not None and page.kind in ("cart", "checkout"))
            langs = langs_of(page)
            if control.kind == "radio" and control.name:
                radio_groups.setdefault((url, control.name), []).append(control)
                group_langs[(url, control.name)] = langs
                continue
            if control.kind == "checkbox" and control.checked:
                kind = classify_label(control.label, lex, langs)
                if kind:
                    findings.append(self._finding(url, control, kind))
            if control.kind == "select":
                chosen_text = _select_default_costs_more(control, lex, langs)
                if chosen_text is not None:
                    findings.append(self._finding(url, control, "cost", chosen_text))
        for (url, _name), group in radio_groups.items():
            dearer = _radio_default_costs_more(group, group_langs.get((url, _name)))
            if dearer is not None:
                findings.append(self._finding(url, dearer, "cost"))
        if inspected == 0:
            return self.not_assessed("no product, cart or checkout page with form controls was reached")
        if not findings and in_purchase == 0:
            # Extras and consents are offered in the cart and checkout: product pages alone
            # cannot show that none is pre-selected there.
            return self.not_assessed(f"no cart or checkout controls were seen; {inspected} control(s) on product "
                                     "pages had nothing pre-selected", inspected=inspected)
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
