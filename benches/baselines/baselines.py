"""Baselines measured in one run, on the same files: xxgk native (one thread, in memory, via
`xxgk-corpus parse`), the Python binding (`xxgk.parse`, one call per report, the Report
objects built), and pandas.read_html with lxml on the HTML rendering — what a notebook user
would otherwise reach for, though it only splits the tables out and aligns nothing to the
template (no rows named, no blanks told from zeros, no checks).

Usage (BENCHMARKS.md has the commands that make the corpora and the virtual environment):
    python benches/baselines/baselines.py --corpus-bin target/release/xxgk-corpus \
        --html /tmp/xxgk-html/input --mixed /tmp/xxgk-mixed/input --passes 5

Prints a markdown table: per corpus and tool, the median pass's time per report, reports/s,
MB/s and the ratio to native.
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import subprocess
import time
import warnings
from pathlib import Path
from typing import Callable

import pandas
import xxgk


def texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]


def median_pass(work: Callable[[str], object], items: list[str], passes: int) -> float:
    """Seconds of the median of `passes` passes of `work` over every item."""
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        for text in items:
            work(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def native(corpus_bin: str, folder: Path, passes: int) -> float:
    """Seconds of the median pass of `xxgk-corpus parse` over `folder`, from what it prints."""
    out = subprocess.run(
        [corpus_bin, "parse", str(folder), "--passes", str(passes)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    seconds = re.search(r"median of \d+ passes ([0-9.]+) s", out)
    if seconds is None:
        raise SystemExit(f"unexpected output of {corpus_bin}: {out}")
    return float(seconds.group(1))


def read_html(text: str) -> object:
    try:
        return pandas.read_html(io.StringIO(text), flavor="lxml")
    except ValueError:  # "No tables found": noise can strip every tag of a table
        return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus-bin", required=True, help="path of the xxgk-corpus binary")
    ap.add_argument("--html", type=Path, required=True, help="input folder of an HTML corpus")
    ap.add_argument("--mixed", type=Path, required=True, help="input folder of a mixed corpus")
    ap.add_argument("--passes", type=int, default=5)
    args = ap.parse_args()
    warnings.simplefilter("ignore")  # pandas' FutureWarnings are not what is measured

    print("| corpus | tool | per report | reports/s | MB/s | time / native |")
    print("|---|---|---:|---:|---:|---:|")
    for name, folder in (("html", args.html), ("mixed", args.mixed)):
        items = texts(folder)
        mb = sum(len(t.encode("utf-8")) for t in items) / 1e6
        tools = [("xxgk native (Rust)", native(args.corpus_bin, folder, args.passes))]
        tools.append(("xxgk Python binding", median_pass(xxgk.parse, items, args.passes)))
        if name == "html":
            tools.append(("pandas.read_html (lxml)", median_pass(read_html, items, args.passes)))
        base = tools[0][1]
        for tool, seconds in tools:
            print(
                f"| {name} ({len(items)} reports, {mb:.1f} MB) | {tool} | "
                f"{seconds / len(items) * 1e6:.0f} µs | {len(items) / seconds:.0f} | "
                f"{mb / seconds:.1f} | {seconds / base:.2f}× |"
            )


if __name__ == "__main__":
    main()
