#!/usr/bin/env python3
"""Minimises an input that is slow to parse, natively: delta debugging over lines, then
pieces of 256, 16 and 1 characters, keeping a candidate while `xxgk parse` on it is slower
than a threshold.

`cargo fuzz tmin` minimises a timeout only while it reproduces at libFuzzer's `-timeout`
(whole seconds) in the instrumented build; an input that took over a second on a loaded
machine but takes 0.3 s alone does not. This keeps the slowness instead, measured on the
release CLI (best of `--runs` runs, so noise can only make a candidate look fast) or, with
`--instructions N`, as instructions counted by `valgrind --tool=callgrind`: slower, but the
same on a loaded machine, where wall time misleads.

    cargo build --release -p xxgk-cli
    fuzz/minimize_slow.py --xxgk target/release/xxgk --threshold-ms 80 \
        fuzz/artifacts/parse/timeout-… tests/fixtures/crashers/parse-timeout-…

Input in UTF-16 (with BOM) is minimised as text and written back in UTF-16; anything else
as UTF-8 text (invalid bytes replaced).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--xxgk", default="target/release/xxgk")
    ap.add_argument("--threshold-ms", type=float, default=80)
    ap.add_argument("--runs", type=int, default=1, help="runs per candidate (the fastest counts)")
    ap.add_argument("--instructions", type=float, help="keep candidates costing at least this many instructions (valgrind)")
    ap.add_argument("input")
    ap.add_argument("output")
    args = ap.parse_args()

    raw = open(args.input, "rb").read()
    codec = "utf-16-le" if raw.startswith(b"\xff\xfe") else "utf-16-be" if raw.startswith(b"\xfe\xff") else None
    if codec:
        text, bom = raw[2:].decode(codec, "replace"), raw[:2]
        encode = lambda t: bom + t.encode(codec, "surrogatepass")
    else:
        text = raw.decode("utf-8", "replace")
        encode = lambda t: t.encode("utf-8")

    fd, cand = tempfile.mkstemp(prefix="xxgk-slow-")
    os.close(fd)

    def seconds(t):
        with open(cand, "wb") as f:
            f.write(encode(t))
        best = float("inf")
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([args.xxgk, "parse", "--compact", cand], capture_output=True)
            best = min(best, time.perf_counter() - start)
        return best

    def instructions(t):
        with open(cand, "wb") as f:
            f.write(encode(t))
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", args.xxgk, "parse", "--compact", cand],
            capture_output=True, text=True,
        ).stderr
        return int(re.search(r"Collected : (\d+)", out).group(1))

    if args.instructions:
        slow = lambda t: instructions(t) >= args.instructions
    else:
        slow = lambda t: seconds(t) * 1000 >= args.threshold_ms

    def ddmin(items, join):
        n = 2
        while len(items) >= 2:
            chunk = max(1, len(items) // n)
            for i in range(0, len(items), chunk):
                c = items[:i] + items[i + chunk:]
                if c and slow(join(c)):
                    items, n = c, max(n - 1, 2)
                    print(f"{len(items)} pieces", file=sys.stderr, flush=True)
                    break
            else:
                if n >= len(items):
                    break
                n = min(len(items), n * 2)
        return items

    if not slow(text):
        sys.exit(f"{args.input}: parses below the threshold; nothing to minimise")
    def save(t):
        with open(args.output, "wb") as f:
            f.write(encode(t))

    text = "\n".join(ddmin(text.split("\n"), "\n".join))
    save(text)  # lines first: already small, and kept if the characters are interrupted
    for size in (256, 16, 1):  # then pieces of fewer and fewer characters
        text = "".join(ddmin([text[i : i + size] for i in range(0, len(text), size)], "".join))
        save(text)
    os.unlink(cand)
    cost = f"{instructions(text):,} instructions" if args.instructions else f"{seconds(text) * 1000:.0f} ms"
    print(f"{len(encode(text))} bytes, {cost}: {text!r}")


if __name__ == "__main__":
    main()
