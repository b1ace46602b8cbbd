#!/usr/bin/env python3
"""Share of a run's CPU samples spent in DSOL's scheduler, from a JDK Flight Recorder file.

    java -XX:StartFlightRecording=filename=run.jfr,settings=profile -jar cli/target/workbench.jar run SCENARIO --quiet
    jfr print --events jdk.ExecutionSample run.jfr | python3 benchmarks/dsol_share.py

A sample counts as the scheduler's when, walking its stack from the top, a DSOL or djutils frame
(or the runner's event guard, io.mlproxy.engine.DsolReplicationRunner$Scheduler) comes before any
other io.mlproxy frame: the event list, event objects, the simulator loop and the scheduling calls
the model makes. Everything below a model frame (the events' own work) is the model's. Prints the
share of all samples of the process and of the simulation threads (named sim-...). Standard
library only.
"""
import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w.$<>/]+)\(.*?\)\s+line:", re.M)
THREAD = re.compile(r'sampledThread = "([^"]*)"')


def classify(frames):
    for f in frames:
        if f.startswith("io.mlproxy.engine.DsolReplicationRunner$Scheduler"):
            return "dsol"
        if f.startswith("io.mlproxy."):
            return "model"
        if f.startswith("nl.tudelft.") or f.startswith("org.djutils."):
            return "dsol"
    return "other"


def main():
    text = sys.stdin.read()
    samples = text.split("jdk.ExecutionSample {")[1:]
    total = sim = dsol = dsol_sim = 0
    top = collections.Counter()
    for s in samples:
        frames = FRAME.findall(s)
        if not frames:
            continue
        m = THREAD.search(s)
        on_sim = m is not None and m.group(1).startswith("sim-")
        total += 1
        sim += on_sim
        if classify(frames) == "dsol":
            dsol += 1
            dsol_sim += on_sim
            top[frames[0]] += 1
    if total == 0:
        print("no execution samples", file=sys.stderr)
        return 1
    print("samples: %d, on simulation threads: %d" % (total, sim))
    print("in DSOL's scheduler: %d = %.1f %% of all samples, %.1f %% of the simulation threads' samples"
          % (dsol, 100.0 * dsol / total, 100.0 * dsol_sim / max(1, sim)))
    for frame, n in top.most_common(5):
        print("  %5d %s" % (n, frame))
    return 0


if __name__ == "__main__":
    sys.exit(main())
