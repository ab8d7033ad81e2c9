"""Serve the bundled demo shop on 127.0.0.1 and audit it into reports/demo/ (`make demo`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixtures.server import serve  # noqa: E402


def main() -> int:
    server = serve("demo")
    out = ROOT / "reports" / "demo"
    print(f"Demo shop served at {server.base_url}", flush=True)
    cmd = [sys.executable, "-m", "auditor.cli", server.base_url, "--out", str(out),
           "--format", "json,html"]
    code = subprocess.call(cmd, cwd=ROOT)
    server.shutdown()
    if code in (0, 1):
        print(f"\nOpen the report: {out / 'report.html'}")
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
