#!/usr/bin/env bash
# Every test of the WASM package and the site, on a bare Debian machine: installs what is
# missing (node and npm, Debian's chromium and a CJK font for the screenshots, the npm dev
# dependencies; build.sh adds the wasm32 target and wasm-bindgen-cli), builds, then runs the
# node tests of the JS API and the browser tests of the site. Ends with node's test summary.
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

# package-lock.json pins playwright-core and typescript; install them when missing or stale.
if ! npm ls --all >/dev/null 2>&1; then
  npm ci --no-audit --no-fund
fi

./build.sh

node --test --test-reporter=spec \
  tests/api.test.mjs tests/export.test.mjs tests/types.test.mjs tests/site.test.mjs tests/xss.test.mjs
