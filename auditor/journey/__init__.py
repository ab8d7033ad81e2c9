"""The shopper journey: product -> cart -> guest checkout, stopping before the order button.

`run_journey` is what the audit calls; the walk itself is `shopper.Shopper`, its safety rules
`safety.py`, the ledger `ledger.py`, form filling `forms.py`.
"""

from __future__ import annotations

from typing import Any

from auditor.artifacts import Artifacts, Journey
from auditor.collect.page import CollectOptions
from auditor.journey.forms import guess_country, persona_for
from auditor.journey.plan import load_plan
from auditor.text.lexicon import Lexicons


async def run_journey(browser: Any, settings: Any, artifacts: Artifacts, lex: Lexicons,
                      opts: CollectOptions, progress: Any, deadline: float) -> Journey | None:
    from auditor.journey.shopper import Shopper

    plan = load_plan(settings.journey_file)
    currencies = [p.currency for page in artifacts.pages for p in page.prices if p.currency]
    langs = [page.lang for page in artifacts.pages if page.lang]
    country = plan.country or guess_country(max(set(currencies), key=currencies.count) if currencies else None,
                                            max(set(langs), key=langs.count) if langs else None)
    shopper = Shopper(browser, artifacts, lex, opts, plan, persona_for(country, plan.persona),
                      settings.timeout, deadline, progress)
    return await shopper.run()
