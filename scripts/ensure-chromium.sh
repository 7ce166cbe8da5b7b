#!/usr/bin/env bash
# The editor tests drive Debian's Chromium (no browser download is possible here), with Debian's
# Thai, Vietnamese and CJK fonts: the editor ships Latin fonts only, and without these the pictures
# show operators' Thai and Chinese text as empty boxes.
set -euo pipefail

# fontconfig's language coverage: Thai, Vietnamese, Traditional Chinese (Noto CJK also covers the rest).
fonts_missing() {
  command -v fc-list >/dev/null || return 0
  local lang
  for lang in th vi zh-tw; do
    [ -n "$(fc-list ":lang=$lang" family 2>/dev/null | head -n 1)" ] || return 0
  done
  return 1
}

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
# fonts-noto-core: Noto Sans Thai, and Noto's Latin with Vietnamese marks; fonts-noto-cjk: Chinese, Japanese, Korean.
if fonts_missing; then packages+=(fontconfig fonts-noto-core fonts-noto-cjk); fi
if [ ${#packages[@]} -eq 0 ]; then exit 0; fi

# As root, or through sudo when it needs no password (CI runners).
as_root=()
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then as_root=(sudo -n); fi
if { [ "$(id -u)" = "0" ] || [ ${#as_root[@]} -gt 0 ]; } && command -v apt-get >/dev/null; then
  echo "Installing ${packages[*]} from Debian's packages (once)..."
  "${as_root[@]}" apt-get update -qq && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  exit 0
fi
echo "Missing for the editor tests: ${packages[*]}. Install Debian's packages: sudo apt-get install -y ${packages[*]}" >&2
exit 1
