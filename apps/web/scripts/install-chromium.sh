#!/usr/bin/env bash
# Installs Debian's Chromium (and fonts with Vietnamese glyphs) for the web app's browser
# test. Nothing is downloaded outside the distribution's package archive.
# Usage: bash apps/web/scripts/install-chromium.sh   (as root, or with sudo available)
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-chromium.sh: needs root (or sudo) to run apt-get" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null
echo "installed: $(/usr/bin/chromium --version)"
