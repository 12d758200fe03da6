"""The medians of the last `cargo bench` as a markdown table (for BENCHMARKS.md): per benchmark,
the median time with criterion's 95% interval, MB/s (decimal) and reports/s at the median.

Usage: python3 benches/summary.py [target/criterion]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def reports(meta: dict) -> int:
    """The reports one iteration parses: an id ends with their number (`layout/html/32`), or
    with `Kx/8`: 8 reports parsed K times over (`copies`) or K times as long (`length`)."""
    value = meta["value_str"]
    if "x/" not in value:
        return int(value)
    times, n = (int(v) for v in value.split("x/"))
    return times * n if meta["function_id"] == "copies" else n


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
    print("| benchmark | median | 95% interval | MB/s | reports/s |")
    print("|---|---:|---:|---:|---:|")
    for bench in sorted(root.glob("**/new/benchmark.json"), key=lambda p: p.stat().st_mtime):
        meta = json.loads(bench.read_text())
        median = json.loads((bench.parent / "estimates.json").read_text())["median"]
        seconds = median["point_estimate"] / 1e9
        low, high = (median["confidence_interval"][k] / 1e6 for k in ("lower_bound", "upper_bound"))
        size = (meta.get("throughput") or {}).get("BytesDecimal", 0)
        print(
            f"| {meta['full_id']} | {seconds * 1e3:.2f} ms | {low:.2f}–{high:.2f} ms | "
            f"{size / 1e6 / seconds:.1f} | {reports(meta) / seconds:.0f} |"
        )


if __name__ == "__main__":
    main()
