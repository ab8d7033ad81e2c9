"""sneak-into-basket: products, services or donations in the basket that the shopper never added."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from decimal import Decimal

from auditor.artifacts import AddedItem, Artifacts, Control, JourneyStep, Ledger, LedgerLine
from auditor.check import Check, CheckContext, CheckResult, Finding, Observation
from auditor.legal import Ref
from auditor.text.classifier import normalize_with_offsets
from auditor.text.lexicon import lexicons
from auditor.text.normalize import clip, normalize
from auditor.text.prices import find_prices

CANDIDATES = ("item", "addon")  # fees, shipping and taxes are drip-pricing's business
TOLERANCE = Decimal("0.01")


def _words(text: str) -> list[str]:
    return [w for w in normalize(text).split() if len(w) > 2 and not w.isdigit()]


def names(a: str, b: str) -> bool:
    """Whether label `a` is mostly inside text `b` (the journey's rule for finding its items)."""
    words = _words(a)
    hay = normalize(b)
    return bool(words) and sum(w in hay for w in words) / len(words) >= 0.6


def _is_added(line: LedgerLine, added: list[AddedItem]) -> AddedItem | None:
    text = f"{line.label} {line.text}"
    return next((a for a in added if names(a.name, text)), None)


def same_word(a: str, b: str) -> bool:
    """One word in two inflections ("благодійний"/"благодійного", "Versandschutz"/"Versandschutzes"),
    but not a compound and its head ("Versand"/"Versandschutz")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 5 or len(long_) - len(short) > 3:
        return False
    return len(os.path.commonprefix([a, b])) >= len(short) - 3


def _explained_by(line: LedgerLine, controls: list[Control]) -> Control | None:
    """The checkbox, radio or select on the way that offers this line: by its words, or for a
    box or select by the very price it states ("Round up for charity (+8 грн)" and an 8 грн
    line). A ticked one is preselected-extras' finding, an unticked one an option on offer."""
    mine = _words(line.label)
    for c in controls:
        if c.kind not in ("checkbox", "radio", "select"):
            continue
        texts = [c.label, *(o.text for o in c.options)]
        theirs = [w for t in texts for w in _words(t)]
        if mine and sum(any(same_word(w, x) for x in theirs) for w in mine) / len(mine) >= 0.5:
            return c
        if c.kind != "radio" and line.amount is not None and any(
                p.amount == line.amount for t in texts for p in find_prices(t)):
            return c
    return None


def charged(line: LedgerLine, ledger: Ledger, base: Decimal | None) -> bool | None:
    """Whether the step's own totals include the line: a recommendation with a price beside
    the basket is not in it. None when the step states no total to tell."""
    if base is None or line.amount is None:
        return None
    need = base + line.amount - TOLERANCE
    verdicts = []
    if ledger.subtotal is not None:
        verdicts.append(ledger.subtotal >= need)
    if ledger.total is not None:
        extras = sum((ln.amount or Decimal(0)) for ln in ledger.lines
                     if ln.kind in ("shipping", "fee", "discount") and ln.amount is not None)
        verdicts.append(ledger.total - extras >= need)
    return any(verdicts) if verdicts else None


def _name(label: str) -> str:
    """A line's label without the row's own trailing button ("Imprägnierspray 300 ml Entfernen")."""
    norm, where = normalize_with_offsets(label)
    hits = [h for h in lexicons().find("action.remove", norm, normalized=True) if h.end == len(norm) and h.start > 0]
    if not hits or where is None:
        return label
    return label[: where[hits[0].start]].strip(" -\u2013\u2014|") or label


@dataclass
class Sneaked:
    line: LedgerLine
    why: str  # "not added" | "quantity raised"
    steps: list[JourneyStep] = field(default_factory=list)
    added: AddedItem | None = None


class SneakIntoBasket(Check):
    id = "sneak-into-basket"
    title = "The basket holds only what the shopper added"
    failure_title = "Items or services are slipped into the basket"
    category = "choice-architecture"
    severity = "serious"
    references = (
        Ref("CRD", "art. 22", "additional payments need express consent"),
        Ref("UCPD", "Annex I no. 29", "demanding payment for products not solicited"),
        Ref("IN-DP", "Annexure 1, item 2", "basket sneaking"),
    )
    description = """
    What it detects: a product, a service (insurance, protection, warranty), a donation or a
    higher quantity in the basket or checkout that the shopper did not put there. The auditor's
    shopper records exactly what it added; every later cart and checkout step's lines are
    compared with that record. Lines the shopper could see as a ticked box are reported by
    preselected-extras instead, disclosed mandatory fees by drip-pricing, and free samples are
    not counted (they cost nothing).
    Why it harms shoppers: the shopper pays for something never chosen. A trader may not charge
    for anything beyond the main obligation without express consent (CRD art. 22), demanding
    payment for unsolicited products is banned outright (UCPD Annex I no. 29), and basket
    sneaking is named in the India CCPA guidelines.
    """
    remedy = "Put nothing in the basket that the shopper did not choose; offer extras as unticked options."
    requires = ("journey",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        journey = artifacts.journey
        assert journey is not None
        added = [a for a in journey.added if a.accepted]
        steps = [s for s in journey.steps if s.ledger is not None and s.ledger.lines
                 and (s.kind == "cart" or s.kind.startswith("checkout"))]
        if not added or not steps:
            return self.not_assessed("the journey put nothing in a basket whose lines it could read")
        controls = [c for s in journey.steps for c in s.controls]
        base = (sum(((a.unit_price or Decimal(0)) * a.quantity for a in added), Decimal(0))
                if all(a.unit_price is not None for a in added) else None)
        found: dict[str, Sneaked] = {}
        explained: set[str] = set()
        for step in steps:
            assert step.ledger is not None
            for line in step.ledger.lines:
                if line.kind not in CANDIDATES:
                    continue
                mine = _is_added(line, journey.added)
                if mine is not None:
                    # The journey's own probes add the same product again ("only 3 left": ask
                    # for 4): the shopper asked for the sum of everything it added.
                    asked = sum(a.quantity for a in journey.added
                                if a.accepted is not False and a.url == mine.url and a.quantity)
                    if line.quantity and mine.quantity and line.quantity > max(asked, mine.quantity) and mine.purpose == "checkout":
                        found.setdefault(f"qty:{mine.name}", Sneaked(line, "quantity raised", added=mine)).steps.append(step)
                    continue
                if line.amount is not None and line.amount <= 0:
                    continue  # a free sample costs the shopper nothing
                control = _explained_by(line, controls)
                if control is not None:
                    explained.add(f"{line.label} ({control.kind} \u201c{clip(control.label, 60)}\u201d)")
                    continue
                paid = charged(line, step.ledger, base)
                if paid is False or (line.kind == "item" and paid is None):
                    # Priced beside the basket (a recommendation), or an item line that may be
                    # the shopper's own product under another name: only the totals can tell.
                    continue
                found.setdefault(normalize(line.label), Sneaked(line, "not added")).steps.append(step)
        findings = [self._finding(s, journey.added) for s in found.values()]
        return self.judged(
            findings,
            passed=f"{len(steps)} cart and checkout step(s) hold only the {len(added)} item(s) the shopper added",
            failed=f"{len(findings)} line(s) in the basket the shopper did not add",
            steps_compared=len(steps), explained_by_visible_options=sorted(explained),
        )

    def _finding(self, s: Sneaked, added: list[AddedItem]) -> Finding:
        first = s.steps[0]
        what = ", ".join(f"{a.quantity} \u00d7 {a.name}" for a in added if a.accepted)
        amount = f" ({s.line.amount})" if s.line.amount is not None else ""
        if s.why == "quantity raised":
            assert s.added is not None
            message = (f"Quantity of \u201c{clip(s.added.name, 60)}\u201d raised from {s.added.quantity} "
                       f"to {s.line.quantity} " + ("in the cart" if first.kind == "cart" else "at checkout"))
            observed = f"{s.line.quantity} \u00d7 in the basket, {s.added.quantity} \u00d7 added"
        else:
            where = "in the cart" if first.kind == "cart" else f"at checkout (step {first.index + 1}, {first.kind})"
            message = f"\u201c{clip(_name(s.line.label), 80)}\u201d{amount} is {where} but the shopper never added it"
            observed = f"{s.line.kind} line \u201c{clip(s.line.text or s.line.label, 120)}\u201d with no control the shopper could untick"
        return Finding(
            url=first.url, message=message, locator=s.line.locator, text=clip(s.line.text or s.line.label, 300),
            observed=observed,
            expected=f"only what the shopper added: {what}",
            observations=[Observation(label=f"step {st.index + 1} ({st.kind})", at=st.at,
                                      value=clip(s.line.text or s.line.label, 120), url=st.url)
                          for st in s.steps[:10]],
            evidence={"line_kind": s.line.kind, "amount": str(s.line.amount) if s.line.amount is not None else None,
                      "quantity": s.line.quantity, "steps": [st.kind for st in s.steps],
                      "added": [{"name": a.name, "quantity": a.quantity} for a in added if a.accepted]},
            key=normalize(s.line.label)[:80],
        )
