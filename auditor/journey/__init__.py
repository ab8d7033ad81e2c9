"""The shopper journey: product -> cart -> guest checkout, stopping before the order button.

Not built yet (issue 3): `run_journey` returns None, and every check that needs the journey
reports `not-assessed` with the reason "the shopper journey did not run".
"""

from __future__ import annotations

from typing import Any

from auditor.artifacts import Journey


async def run_journey(browser: Any, settings: Any, artifacts: Any, lex: Any, opts: Any,
                      progress: Any, deadline: float) -> Journey | None:
    return None
