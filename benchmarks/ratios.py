#!/usr/bin/env python3
"""Prints ExecuteOperationBenchmark's decide / baseline ratio for every parameter combination of a
JMH result file (-rf json), with both medians (ns/op) and decide's allocation (B/op, with -prof gc).

    python3 benchmarks/ratios.py exec.json

The median is taken over the measured iterations of each run; the ratio is that of the two
medians, both measured in the same JMH run. Standard library only.
"""
import json
import statistics
import sys

PREFIX = "io.mlproxy.bench.ExecuteOperationBenchmark."


def median_of(run):
    raw = [v for fork in run["primaryMetric"]["rawData"] for v in fork]
    return statistics.median(raw)


def allocation(run):
    gc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    return None if gc is None else gc["score"]


def main(path):
    with open(path, encoding="utf-8") as f:
        runs = json.load(f)
    by_key = {}
    for run in runs:
        name = run["benchmark"]
        if not name.startswith(PREFIX):
            continue
        method = name[len(PREFIX):]
        params = run.get("params", {})
        key = (params.get("hints"), params.get("lookup"), params.get("order"), params.get("mode"))
        by_key.setdefault(key, {})[method] = run
    rows = []
    for (hints, lookup, order, mode), methods in sorted(
            by_key.items(), key=lambda kv: (int(kv[0][0]), kv[0][1], kv[0][2], kv[0][3])):
        if "decide" not in methods or "baseline" not in methods:
            continue
        d = median_of(methods["decide"])
        b = median_of(methods["baseline"])
        alloc = allocation(methods["decide"])
        rows.append((hints, lookup, order, mode, d, b, d / b, alloc))
    if not rows:
        print("no decide/baseline pairs of ExecuteOperationBenchmark in " + path, file=sys.stderr)
        return 1
    print("%6s %-5s %-10s %-15s %9s %9s %7s %8s" % ("hints", "hit?", "order", "mode", "decide", "baseline",
                                                   "ratio", "B/op"))
    for hints, lookup, order, mode, d, b, r, alloc in rows:
        print("%6s %-5s %-10s %-15s %9.2f %9.2f %7.2f %8s" % (
            hints, lookup, order, mode, d, b, r, "n/a" if alloc is None else "%.2g" % alloc))
    worst = max(rows, key=lambda row: row[6])
    print("largest ratio: %.2f (%s hints, %s, %s, %s); %d combinations" % (
        worst[6], worst[0], worst[1], worst[2], worst[3], len(rows)))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: ratios.py JMH_RESULT.json", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
