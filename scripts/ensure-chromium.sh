#!/usr/bin/env bash
# Installs Debian's Chromium for the e2e tests when it is missing. Playwright's own
# browser download does not work on these machines (no internet beyond the registries).
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  exit 0
fi
if command -v sudo >/dev/null && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests (sudo)..."
  sudo apt-get update -qq >/dev/null
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "Chromium not found at $path. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
