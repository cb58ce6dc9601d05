#!/usr/bin/env bash
# The runtime-matrix tests drive Debian's chromium (playwright-core never downloads a browser here).
# `pnpm test` calls this first: it installs chromium with apt-get when it is missing and we may (root + apt-get);
# otherwise it says what to do, and the browser test will fail naming /usr/bin/chromium.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser runtime test (apt-get install chromium)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "warning: /usr/bin/chromium is missing: install Debian's chromium (sudo apt-get install -y chromium)," >&2
  echo "         or the browser runtime test will fail." >&2
fi
