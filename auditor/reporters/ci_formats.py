"""The report formats for CI and legal review, as the renderer table auditor.reporters reads.

Each renderer has the signature of `_json`/`_html`: (report, out, **context) -> written path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from auditor.reporters.junit import render_junit
from auditor.reporters.markdown import render_markdown
from auditor.reporters.pdf import RenderError, render_pdf
from auditor.reporters.sarif import render_sarif

RENDERERS: dict[str, Callable[..., Path]] = {
    "sarif": render_sarif,
    "junit": render_junit,
    "md": render_markdown,
    "pdf": render_pdf,
}

__all__ = ["RENDERERS", "RenderError"]
