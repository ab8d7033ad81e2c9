#!/bin/sh
# Make sure a Chromium exists. Browsers cannot be downloaded by Playwright on these machines,
# so Debian's chromium package is the fallback. Order matches auditor/browser.py.
set -e
if [ -n "$SHOP_AUDIT_CHROMIUM" ] && [ -x "$SHOP_AUDIT_CHROMIUM" ]; then exit 0; fi
if ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-*/chrome-linux*/chrome >/dev/null 2>&1; then exit 0; fi
for c in /usr/bin/chromium chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null 2>&1; then exit 0; fi
done
echo "No Chromium found: installing Debian's chromium package" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q chromium >/dev/null 2>&1 || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q chromium >/dev/null; }
command -v chromium >/dev/null 2>&1 || { echo "chromium could not be installed; set SHOP_AUDIT_CHROMIUM to a Chromium binary" >&2; exit 1; }
