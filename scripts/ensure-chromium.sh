#!/usr/bin/env bash
# The editor tests drive Debian's Chromium (no browser download is possible here).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium from Debian's packages (once)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Chromium is missing: install Debian's package (sudo apt-get install -y chromium) for the editor tests." >&2
  exit 1
fi
