"""One module per check, grouped by category (`checks/<category>/<id>.py`).

Each module defines one `auditor.check.Check` subclass; `auditor.check.discover_checks` finds
them. Checks are pure functions of the artifacts: no browser, no I/O.
"""
