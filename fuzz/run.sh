#!/usr/bin/env bash
# Fuzzes one target for a while, going on past crashes, timeouts and OOMs (saved to
# fuzz/artifacts/<target>/). Usage: fuzz/run.sh TARGET MINUTES [MAX_LEN] [LOG]
# (MAX_LEN defaults to 65536; the log, to fuzz/logs/<target>.log).
set -euo pipefail
cd "$(dirname "$0")"
target=$1
secs=$(awk -v m="$2" 'BEGIN { printf "%d", m * 60 }')
max_len=${3:-65536}
log=${4:-logs/$target.log}
mkdir -p logs "corpus/$target"
cargo +nightly fuzz run -s none "$target" "corpus/$target" -- \
  -dict=xxgk.dict -max_total_time="$secs" -max_len="$max_len" \
  -timeout=1 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  >"$log" 2>&1 || echo "$target: libFuzzer exited with $?" >>"$log"
