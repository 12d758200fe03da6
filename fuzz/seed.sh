#!/usr/bin/env bash
# Seeds fuzz/corpus/<target> (git-ignored) with the fixtures and the snippets of fuzz/seeds.
# Usage: fuzz/seed.sh            (idempotent: files are named by content, a rerun adds nothing)
set -euo pipefail
cd "$(dirname "$0")"
add() { # add TARGET FILE...
  mkdir -p "corpus/$1"
  local t=$1; shift
  for f in "$@"; do cp "$f" "corpus/$t/$(sha1sum "$f" | cut -c1-40)"; done
}
fixtures=(../tests/fixtures/seeds/* ../tests/fixtures/corpus/real/* seeds/rendered/* seeds/snippets/*)
for t in parse lex read_lines flatten_html sections; do add "$t" "${fixtures[@]}"; done
add split_glued seeds/glued/*
# split_glued reads its first byte as the width: the glued fixtures prefixed with width 7.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in ../tests/fixtures/corpus/real/0{10,13}_*; do { printf '\x06'; cat "$f"; } > "$tmp/$(basename "$f")"; done
add split_glued "$tmp"/*
for t in parse lex read_lines flatten_html sections split_glued; do
  printf '%-13s %s files\n' "$t" "$(ls "corpus/$t" | wc -l)"
done
