#!/usr/bin/env bash
# Builds the npm package `xxgk` into bindings-wasm/pkg/ and copies it into www/pkg/, where the
# site loads it. Installs the wasm32 target and wasm-bindgen-cli (the version pinned in
# Cargo.toml, into .tools/) when they are missing. No wasm-pack: plain cargo + wasm-bindgen.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

# The CLI must be the exact version of the wasm-bindgen crate: the glue format changes between
# versions.
version="$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' Cargo.toml)"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

bindgen="wasm-bindgen"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $version" ]; then
  bindgen="$here/.tools/bin/wasm-bindgen"
  if [ "$("$bindgen" --version 2>/dev/null)" != "wasm-bindgen $version" ]; then
    # Not --locked: the CLI's lockfile can name versions the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$version" --root "$here/.tools"
  fi
fi

# Size settings for the .wasm only; the workspace's release profile stays as it is for the
# native crates. panic=abort drops the unwinding machinery (a panic traps; the core does not
# panic on any input, see tests/no_panic.rs). Not strip=true: wasm-bindgen reads the
# target_features section, and drops the name section itself below. (wasm-opt, tried at -Os,
# -Oz and -O3, made the gzipped file larger than opt-level=z alone.)
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
export CARGO_PROFILE_RELEASE_LTO=true
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1
export CARGO_PROFILE_RELEASE_PANIC=abort
export CARGO_PROFILE_RELEASE_DEBUG=0
cargo build -p xxgk-wasm --release --target wasm32-unknown-unknown

target_dir="${CARGO_TARGET_DIR:-$(cargo metadata --format-version 1 --no-deps |
  node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).target_directory)')}"

rm -rf pkg
"$bindgen" --target web --out-dir pkg --out-name xxgk \
  --remove-name-section --remove-producers-section \
  "$target_dir/wasm32-unknown-unknown/release/xxgk_wasm.wasm"
cp js/node.js pkg/node.js

rm -rf www/pkg
mkdir -p www/pkg
cp pkg/xxgk.js pkg/xxgk_bg.wasm www/pkg/
# The page's 载入示例报告: the CLI's sample too, a report with failed checks and uncertain cells.
cp ../tests/fixtures/seeds/000_034c575a3250bd2b.txt www/pkg/sample.txt

raw=$(stat -c %s pkg/xxgk_bg.wasm)
gz=$(gzip -9 -c pkg/xxgk_bg.wasm | wc -c)
echo "built pkg/xxgk_bg.wasm: $raw bytes, $gz bytes gzipped"
