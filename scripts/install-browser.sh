#!/usr/bin/env bash
# Installs Debian's headless Chromium for the browser tests (Playwright drives it; it never downloads its own browser).
# chromium-headless-shell is the same Chromium build without the desktop browser around it, the kind of binary
# Playwright itself runs for headless tests: the browser tests need about a fifth less CPU with it than with chromium.
set -euo pipefail
shell=/usr/lib/chromium/chromium-headless-shell
if [ -x "$shell" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium's headless shell is missing: run 'sudo apt-get install -y chromium-headless-shell' (Debian 12)." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium-headless-shell >/dev/null
"$shell" --version
