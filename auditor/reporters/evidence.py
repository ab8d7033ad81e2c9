"""Screenshot crops of the elements findings point at, cut from the full-page screenshots."""

from __future__ import annotations

import base64
import logging
from pathlib import Path

from auditor.check import Finding

log = logging.getLogger(__name__)
MARGIN = 24
MAX_CROP = (1200, 700)


def crop_for(finding: Finding, artifacts_dir: Path, out_dir: Path) -> str | None:
    """Write evidence/<fingerprint>.png and return its path relative to out_dir."""
    if not finding.page_screenshot or finding.box is None:
        return None
    source = artifacts_dir / finding.page_screenshot
    if not source.is_file():
        return None
    try:
        from PIL import Image, ImageDraw

        with Image.open(source) as img:
            b = finding.box
            left = max(0, int(b.x) - MARGIN)
            top = max(0, int(b.y) - MARGIN)
            right = min(img.width, int(b.x + max(b.width, 1)) + MARGIN)
            bottom = min(img.height, int(b.y + max(b.height, 1)) + MARGIN)
            if right - left < 8 or bottom - top < 8 or top >= img.height:
                return None
            right = min(right, left + MAX_CROP[0])
            bottom = min(bottom, top + MAX_CROP[1])
            piece = img.crop((left, top, right, bottom)).convert("RGB")
            draw = ImageDraw.Draw(piece)
            draw.rectangle(
                (int(b.x) - left - 3, int(b.y) - top - 3,
                 int(b.x + b.width) - left + 3, int(b.y + b.height) - top + 3),
                outline=(220, 30, 60), width=3,
            )
            folder = out_dir / "evidence"
            folder.mkdir(parents=True, exist_ok=True)
            name = f"{finding.fingerprint or 'finding'}.png"
            piece.save(folder / name, optimize=True)
            return f"evidence/{name}"
    except Exception as exc:  # a broken screenshot loses the crop, not the finding
        log.debug("crop failed for %s: %s", finding.url, exc)
        return None


def data_uri(path: Path) -> str | None:
    try:
        return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
    except OSError:
        return None
