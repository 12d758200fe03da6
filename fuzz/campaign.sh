#!/usr/bin/env bash
# The fuzzing campaign of fuzz/README.md: two lanes, one target per core at a time.
# Usage: fuzz/campaign.sh [SCALE]   (SCALE multiplies every duration; default 1 = 142 min of
# fuzzing, 72 min on two cores). Logs go to fuzz/logs/<target>.log, crashes, timeouts and
# OOMs to fuzz/artifacts/<target>/, new inputs to fuzz/corpus/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
scale=${1:-1}
m() { awk -v m="$1" -v s="$scale" 'BEGIN { print m * s }'; }
./seed.sh >/dev/null
cargo +nightly fuzz build -s none          # release, with debug assertions and overflow checks
( ./run.sh parse "$(m 60)"; ./run.sh sections "$(m 12)" ) &
( ./run.sh lex "$(m 15)" 4096; ./run.sh read_lines "$(m 20)"; ./run.sh flatten_html "$(m 20)"
  ./run.sh split_glued "$(m 15)" ) &
wait
for t in parse sections lex read_lines flatten_html split_glued; do
  printf '%-13s %s\n' "$t" "$(grep -E '^#[0-9]+' "logs/$t.log" | tail -n 1)"
  printf '%-13s corpus: %s files, %s\n' "" "$(ls "corpus/$t" | wc -l)" "$(du -sh "corpus/$t" | cut -f1)"
done
