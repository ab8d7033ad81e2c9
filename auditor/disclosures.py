"""What the shop told the shopper about extra charges before they appeared as amounts.

Statements are read sentence by sentence from a page's text (footer included: "All prices
include VAT" is usually there). Delivery: a cost ("Delivery £3.95"), a rule ("free over £50",
"delivery from 70 ₴", "zzgl. Versandkosten", "calculated at checkout") or a table of rates.
A bare "Free delivery" states no charge, so it discloses none. Taxes: prices including or
excluding VAT. Fees: a fee word with its amount or its own label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from auditor.artifacts import Artifacts, PageSnapshot
from auditor.checkkit import langs_of
from auditor.text.facts import sentences
from auditor.text.lexicon import LexMatch, Lexicons
from auditor.text.normalize import clip, normalize
from auditor.text.prices import ParsedPrice, find_prices, money_equal


_PERCENT = re.compile(r"\d\s?%")


@dataclass(frozen=True)
class Statement:
    kind: str  # shipping | tax-included | tax-excluded | tax-mention | fee
    quote: str
    url: str
    concept: str = ""


def _sentences(page: PageSnapshot) -> list[str]:
    """Short blocks whole (sentence splitting would cut "excl. VAT" at the abbreviation's dot),
    long ones sentence by sentence."""
    out: list[str] = []
    for b in page.text_blocks:
        if len(b.text) <= 300:
            out.append(b.text)
        else:
            out += sentences([b.text])
    return out


def _positive_price(text: str) -> bool:
    return any(p.amount is not None and p.amount > 0 and not p.is_free for p in find_prices(text))


def shipping_statements(page: PageSnapshot, lex: Lexicons) -> list[Statement]:
    langs = langs_of(page)
    out = []
    for sent in _sentences(page):
        norm = normalize(sent)
        for concept in ("price.shipping_rule", "delivery.cost"):
            hits = lex.find(concept, norm, langs, normalized=True)
            if hits and (concept == "price.shipping_rule" or _positive_price(sent) or not lex.has("price.shipping_free", norm, langs)):
                out.append(Statement("shipping", clip(sent, 240), page.final_url, concept))
                break
        else:
            if lex.find("price.shipping", norm, langs, normalized=True) and _positive_price(sent):
                out.append(Statement("shipping", clip(sent, 240), page.final_url, "price.shipping"))
    # A delivery rates table: a cell naming a delivery service beside a cell with its price.
    if not out:
        blocks = [b for b in page.text_blocks if b.tag in ("td", "th", "dd", "dt", "li")]
        for a, b in zip(blocks, blocks[1:]):
            if lex.has("price.shipping", a.text, langs) and _positive_price(b.text):
                out.append(Statement("shipping", clip(f"{a.text} {b.text}", 240), page.final_url, "table"))
                break
    return out


def tax_statements(page: PageSnapshot, lex: Lexicons) -> list[Statement]:
    langs = langs_of(page)
    out = []
    for sent in _sentences(page):
        norm = normalize(sent)
        if lex.find("price.tax_excluded", norm, langs, normalized=True):
            out.append(Statement("tax-excluded", clip(sent, 240), page.final_url, "price.tax_excluded"))
        elif lex.find("price.tax_included", norm, langs, normalized=True):
            out.append(Statement("tax-included", clip(sent, 240), page.final_url, "price.tax_included"))
        elif lex.find("price.tax", norm, langs, normalized=True):
            # "The seller is not a VAT payer", "gem. § 19 UStG": a statement about taxes all the
            # same, which a reader can judge; a VAT registration number is not one.
            for part in sentences([sent]):
                if lex.has("price.tax", part, langs) and not lex.has("seller.registration", part, langs):
                    # "Price (excl. tax)" splits at the abbreviation: quote the whole short block.
                    quote = sent if len(part) < 20 and len(sent) <= 240 else part
                    out.append(Statement("tax-mention", clip(quote, 240), page.final_url, "price.tax"))
                    break
    return out


def fee_statements(page: PageSnapshot, lex: Lexicons, amount: Decimal | None, label: str,
                   currency: str | None) -> list[Statement]:
    """Sentences announcing a fee: its own label; or a fee word with the fee's own amount or the
    distinctive words of its label. A fee word beside any amount is not enough once the charge
    is known: "Emballage cadeau (supplément 2,00 €)" announces an optional extra, not the
    "Frais de préparation de commande 1,50 €" added at payment."""
    langs = langs_of(page)
    want = normalize(label)
    words = _distinctive_words(label, lex, langs)
    label_fees = {h.term for h in lex.find("price.fee", want, langs, normalized=True)}
    out = []
    for sent in _sentences(page):
        norm = normalize(sent)
        if _is_ledger_row(sent, label):
            continue
        if len(want) > 3 and want in norm:
            out.append(Statement("fee", clip(sent, 240), page.final_url, "price.fee"))
            continue
        fee_hits = lex.find("price.fee", norm, langs, normalized=True)
        if not fee_hits or _about_an_extra(norm, fee_hits, want, lex, langs):
            continue
        found = find_prices(sent)
        if amount is not None and want:
            same = any(p.amount is not None and money_equal(p.amount, amount, currency) for p in found)
            stated = (same or bool(words and words <= set(_WORD.findall(norm)))
                      or _formula_for(norm, found, amount, fee_hits, label_fees))
        else:
            # A charge without an amount or a label: "commission 20 грн + 2% of the order"
            # announces a fee computed later, so any amount or share counts.
            stated = any(p.amount for p in found) or bool(_PERCENT.search(norm))
        if stated:
            out.append(Statement("fee", clip(sent, 240), page.final_url, "price.fee"))
    return out


_WORD = re.compile(r"\w{4,}")


def _distinctive_words(label: str, lex: Lexicons, langs: list[str | None] | None) -> set[str]:
    """The words that tell this charge from other fees: "préparation", "commande" in "Frais de
    préparation de commande"; not a bare fee word ("frais", "supplément", "fee")."""
    words = set(_WORD.findall(normalize(label)))
    return {w for w in words if not any(h.found == w for h in lex.find("price.fee", w, langs, normalized=True))
            and not any(ch.isdigit() for ch in w)}


def _formula_for(norm: str, found: list[ParsedPrice], amount: Decimal, fee_hits: list[LexMatch], label_fees: set[str]) -> bool:
    """A fee stated as a calculation ("комісія 20 грн + 2% від суми") announces a charge whose
    amount is only known at checkout, if it is the same kind of fee: every fee the sentence
    names is one the charge's label names too ("комісія" in "Комісія за накладений платіж";
    not "frais bancaires" for "Frais de préparation"), and no fixed part exceeds the charge."""
    if not _PERCENT.search(norm) or any(p.amount is not None and p.amount > amount for p in found):
        return False
    widest = [h for h in fee_hits if not any(o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
                                             for o in fee_hits)]
    return bool(widest) and all(h.term in label_fees for h in widest)


def _about_an_extra(norm: str, fee_hits: list[LexMatch], want: str, lex: Lexicons, langs: list[str | None] | None) -> bool:
    """A sentence pricing an optional extra (gift wrap, insurance, express): its "supplément" is
    the extra's price. An extra word that is itself the fee word, or part of the charge's own
    label, does not make it one."""
    for hit in lex.find("cost_extra", norm, langs, normalized=True):
        if any(f.start <= hit.start and hit.end <= f.end for f in fee_hits) or hit.found in want:
            continue
        return True
    return False


def _is_ledger_row(sentence: str, label: str) -> bool:
    """The fee's own row on a later step is not an earlier disclosure of it."""
    return normalize(sentence).startswith(normalize(label)) and len(sentence) <= len(label) + 16


def linked_pages(artifacts: Artifacts, page: PageSnapshot) -> list[PageSnapshot]:
    """Pages one click away from `page` that the audit visited."""
    out: list[PageSnapshot] = []
    seen = {page.final_url}
    for link in page.links:
        target = artifacts.page_for(link.href.split("#")[0])
        if target is not None and target.final_url not in seen and target.found_from != "journey":
            seen.add(target.final_url)
            out.append(target)
    return out
