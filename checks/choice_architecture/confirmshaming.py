"""confirmshaming: decline options worded to shame or guilt the shopper into accepting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.artifacts import Artifacts, Box, Button, Overlay
from auditor.check import Check, CheckContext, CheckResult, Finding, Observation
from auditor.legal import Ref
from auditor.text.classifier import shaming
from auditor.text.lexicon import lexicons
from auditor.text.normalize import clip, normalize

MAX_LABEL = 200  # a decline option is a short label, not a paragraph that happens to say "I don't need"


@dataclass
class Option:
    """One clickable label the shopper could press to say no."""

    url: str
    where: str  # "modal", "banner", "page", "repeated load 2 (modal)"...
    text: str
    locator: str
    box: Box | None
    at: str | None
    dismissed_with: bool = False  # the auditor pressed this very label to get rid of the overlay


def _overlay_options(overlay: Overlay, url: str, where: str, at: str | None) -> Iterator[Option]:
    for b in overlay.buttons:
        yield Option(url, where, b.text, b.locator, b.box, at,
                     dismissed_with=bool(overlay.dismissed_by) and overlay.dismissed_by == b.text)


def options(artifacts: Artifacts) -> Iterator[Option]:
    """Every decline candidate: buttons and links of overlays (as crawled, as loaded repeatedly)
    and buttons and links in the page body, where offers carry their own "no thanks" links."""
    # A link to a product is the product's name ("I Don't Need Therapy, I Need Hiking" T-shirt),
    # not a way to decline an offer.
    products = {u for p in artifacts.pages if p.kind == "product" for u in (p.url, p.final_url)}
    for page in artifacts.pages:
        in_overlays: set[str] = set()
        for overlay in page.overlays:
            for opt in _overlay_options(overlay, page.final_url, overlay.kind, page.loaded_at):
                in_overlays.add(opt.locator)
                yield opt
        body: list[Button] = [b for b in page.buttons if b.region not in ("header", "nav", "footer")]
        for b in body:
            if b.locator not in in_overlays and not b.card_link:
                yield Option(page.final_url, "page", b.text, b.locator, b.box, page.loaded_at)
        for link in page.links:
            if (link.region not in ("header", "nav", "footer") and link.locator not in in_overlays
                    and link.href not in products):
                yield Option(page.final_url, "page", link.text, link.locator, None, page.loaded_at)
    for series in artifacts.repeated:
        for load in series.loads:
            for overlay in load.overlays:
                yield from _overlay_options(overlay, load.final_url or series.url,
                                            f"load {load.index + 1}, {overlay.kind}", load.started_at)


class Confirmshaming(Check):
    id = "confirmshaming"
    title = "Decline options are worded neutrally"
    failure_title = "Decline options shame the shopper for saying no"
    category = "choice-architecture"
    severity = "moderate"
    references = (
        Ref("IN-DP", "Annexure 1, item 3", "confirm shaming"),
        Ref("DSA", "art. 25(1)", "online platforms"),
    )
    description = """
    What it detects: the option to refuse an offer, a newsletter or an extra is worded to make
    the shopper feel foolish or guilty ("No thanks, I prefer to pay full price", "I don't want
    to protect my order"). Every button and link of pop-ups, banners and offers is read in all
    the languages the lexicons cover; a neutral "No thanks" or "Not now" passes.
    Why it harms shoppers: shame and guilt are used instead of information to push a purchase
    or a sign-up, which impairs a free and informed decision (India CCPA guidelines, confirm
    shaming; for online platforms, DSA art. 25(1)).
    """
    remedy = "Word every decline option neutrally: \u201cNo thanks\u201d, \u201cNot now\u201d, \u201cContinue without\u201d."
    requires = ("pages",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        lex = lexicons()
        read: set[str] = set()
        groups: dict[str, list[tuple[Option, list]]] = {}
        for opt in options(artifacts):
            text = opt.text.strip()
            if not text or len(text) > MAX_LABEL:
                continue
            key = normalize(text)
            read.add(key)
            hits = shaming(text, lex)
            if hits:
                groups.setdefault(key, []).append((opt, hits))
        findings = [self._finding(seen) for seen in groups.values()]
        return self.judged(
            findings,
            passed=f"{len(read)} distinct button and link labels read, none shames the shopper for declining",
            failed=f"{len(findings)} decline option(s) shame the shopper",
            labels_read=len(read),
        )

    def _finding(self, seen: list[tuple[Option, list]]) -> Finding:
        first, hits = seen[0]
        pages = list(dict.fromkeys(o.url for o, _h in seen))
        pressed = any(o.dismissed_with for o, _h in seen)
        where = first.where if first.where != "page" else "an offer on the page"
        return Finding(
            url=first.url,
            message=(f"Decline option in {where} shames the shopper: \u201c{clip(first.text, 120)}\u201d"
                     + (f" (on {len(pages)} pages)" if len(pages) > 1 else "")),
            locator=first.locator, text=clip(first.text, 300),
            observed="wording that ridicules or guilts the choice to decline: "
                     + ", ".join(f"\u201c{h.found}\u201d" for h in hits[:3]),
            expected="a neutral decline such as \u201cNo thanks\u201d",
            observations=[Observation(label=o.where, at=o.at, value=o.text, url=o.url) for o, _h in seen[:10]],
            evidence={"matched_terms": sorted({h.term for _o, h_list in seen for h in h_list}),
                      "languages": sorted({h.lang for _o, h_list in seen for h in h_list}),
                      "pages": pages[:20], "auditor_had_to_press_it": pressed},
            box=first.box,
        )
