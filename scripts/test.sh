#!/usr/bin/env bash
# Runs every test of the project on a bare machine: installs what is missing first.
# Usage: ./scripts/test.sh        (README's test command; CI's .ci/run calls it)
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Rust: build, lints"
cargo build --release --workspace
cargo clippy --workspace --all-targets -- -D warnings

step "Accuracy: seeds and corpus against their gold (tools/score.py)"
python3 tools/score.py --gold tests/fixtures/gold --inputs tests/fixtures/seeds \
  --cmd 'target/release/xxgk parse {}' --checks --quiet
python3 tools/score.py --gold tests/fixtures/corpus/gold --inputs tests/fixtures/corpus/real \
  --cmd 'target/release/xxgk parse {}' --checks --quiet --min-cells 0.99
python3 tools/score.py --gold tests/fixtures/html/gold --inputs tests/fixtures/html \
  --cmd 'target/release/xxgk parse {}' --checks --quiet
python3 tools/score.py --gold tests/fixtures/pdf/gold --inputs tests/fixtures/pdf \
  --cmd 'target/release/xxgk parse {}' --quiet --min-cells 0.8
python3 tools/score.py --gold tests/fixtures/docx/gold --inputs tests/fixtures/docx \
  --cmd 'target/release/xxgk parse {}' --quiet --min-cells 0.95
python3 tools/score.py --gold tests/fixtures/dumps/gold --inputs tests/fixtures/dumps \
  --cmd 'target/release/xxgk parse {}' --quiet --min-cells 0.95

for suite in bindings-python/test.sh bindings-wasm/test.sh; do
  if [ -x "$suite" ]; then
    step "$suite"
    "$suite"
  fi
done

step "Rust: every test of the workspace"
cargo test --workspace --release
