#!/usr/bin/env python3
"""Reference external agent: the workbench's built-in online logistic agent, in Python.

It implements the same model as io.mlproxy.agent.LogisticAgentModel, step for step: the same eight
features, labels from later datasets (touched within the horizon, LabelTracker) and from the
proxy's feedback on PAGEOUT decisions, one SGD step per labelled sample with L2 decay, PAGEOUT or
KEEP above the confidence threshold, neighbouring regions with one opinion merged into one hint.
Each cycle does what io.mlproxy.agent.AgentProcess does, in the same order, and declares the same
simulated compute time (samples x agent.train_cost_per_sample_ns). Standard library only.

Usage (in a scenario): agent: {model: external, command: [python3, ../agents/python/reference_agent.py]}
The agent section's horizon, learning_rate, l2 and min_confidence reach it in the handshake;
command-line options override them.
"""

import argparse
import bisect
import collections
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import agent_protocol as ap  # noqa: E402

DIMENSION = 8


def java_round(x):
    """Java's Math.round for the values used here: halves round up (Python's round() does not)."""
    f = math.floor(x)
    return int(f) + (1 if x - f >= 0.5 else 0)


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


class RegionTable:
    """A decoded dataset: one row per DAMON region, in address order."""

    def __init__(self, generation, timestamp_ms, rows):
        self.generation = generation
        self.timestamp_ms = timestamp_ms
        self.rows = rows
        self.starts = [r[0] for r in rows]
        active = [r for r in rows if r[2] > 0 or r[6] > 0]
        self._active_starts = [r[0] for r in active]
        self._active_ends = [r[1] for r in active]

    def region_of(self, page):
        i = bisect.bisect_right(self.starts, page) - 1
        return i if i >= 0 and page < self.rows[i][1] else -1

    def any_activity(self, start, end):
        """Whether a region with accesses or refaults overlaps [start, end)."""
        j = bisect.bisect_right(self._active_ends, start)
        return j < len(self._active_starts) and self._active_starts[j] < end


class Features:
    """The eight features of io.mlproxy.agent.Features, scaled to about [0, 1]."""

    def __init__(self, max_nr_accesses):
        self.max = max_nr_accesses

    def extract(self, row):
        start, end, nr, last, age, resident, refaults = row
        return [1.0,
                min(1.0, nr / self.max),
                min(1.0, last / self.max),
                math.log1p(max(0, age)) / 10.0,
                math.log1p(max(1, end - start)) / 20.0,
                resident / 1000.0,
                math.log1p(max(0, refaults)) / 5.0,
                1.0 if nr == 0 else 0.0]


class LogisticModel:
    """Online L2-regularised logistic regression, one SGD step per sample."""

    def __init__(self, learning_rate, l2):
        self.w = [0.0] * DIMENSION
        self.lr = learning_rate
        self.l2 = l2
        self.samples = 0

    def _dot(self, x):
        dot = 0.0
        for wi, xi in zip(self.w, x):
            dot += wi * xi
        return dot

    def predict(self, x):
        return sigmoid(self._dot(x))

    def learn(self, x, touched):
        error = sigmoid(self._dot(x)) - (1.0 if touched else 0.0)
        decay = 1.0 - self.lr * self.l2
        step = -self.lr * error
        w = self.w
        for i in range(DIMENSION):
            w[i] *= decay
        for i in range(DIMENSION):
            w[i] = 1.0 * w[i] + step * x[i]
        self.samples += 1


class LabelTracker:
    """Past samples labelled by later datasets: touched within the horizon, or not.

    A sample no dataset looked at within its horizon (the agent was down) gets no label and is
    dropped, as the built-in agent does: seeing no activity means idle only when someone looked.
    """

    def __init__(self, horizon_ms, capacity=1 << 16):
        self.horizon = horizon_ms
        self.capacity = capacity
        self.pending = collections.deque()  # [start, end, taken_ms, touched, features, observed]
        self.dropped = 0
        self.unobserved = 0

    def add(self, start, end, at_ms, x):
        if len(self.pending) == self.capacity:
            self.pending.popleft()
            self.dropped += 1
        self.pending.append([start, end, at_ms, False, x, False])

    def observe(self, table, sink):
        now, horizon = table.timestamp_ms, self.horizon
        for p in self.pending:
            if not p[3] and now > p[2] and now - p[2] <= horizon:
                p[5] = True
                if table.any_activity(p[0], p[1]):
                    p[3] = True
        pending = self.pending
        while pending:
            p = pending[0]
            if not p[3] and not now - p[2] > horizon:
                break
            if p[5]:
                sink(p[4], p[3])
            else:
                self.unobserved += 1
            pending.popleft()


class HintCoalescer:
    """Merges neighbouring regions with the same action into one hint (lowest confidence)."""

    def __init__(self):
        self.hints = []
        self.start = self.end = -1
        self.action = -1
        self.confidence = 0

    def add(self, start, end, action, confidence):
        if action == self.action and start == self.end and action >= 0:
            self.end = end
            self.confidence = min(self.confidence, confidence)
            return
        self._flush()
        if action >= 0:
            self.start, self.end, self.action, self.confidence = start, end, action, confidence

    def finish(self):
        self._flush()
        return self.hints

    def _flush(self):
        if self.action >= 0:
            self.hints.append((self.start, self.end, self.action, self.confidence))
        self.action = -1
        self.start = self.end = -1


class LogisticAgentModel:
    """io.mlproxy.agent.LogisticAgentModel: observe, feedback, recommend."""

    def __init__(self, max_nr_accesses, horizon_ms, learning_rate, l2, min_confidence):
        self.features = Features(max_nr_accesses)
        self.model = LogisticModel(learning_rate, l2)
        self.labels = LabelTracker(horizon_ms)
        self.min_confidence = min_confidence
        self.latest = None

    def observe(self, table):
        trained = [0]

        def learn(x, touched):
            self.model.learn(x, touched)
            trained[0] += 1

        self.labels.observe(table, learn)
        ts = table.timestamp_ms
        for row in table.rows:
            self.labels.add(row[0], row[1], ts, self.features.extract(row))
        self.latest = table
        return trained[0] + len(table.rows)

    def feedback(self, record):
        _, start, _, _, refaults, _, action = record
        if self.latest is None or action != ap.PAGEOUT:
            return
        i = self.latest.region_of(start)
        if i < 0:
            return
        self.model.learn(self.features.extract(self.latest.rows[i]), refaults > 0)

    def recommend(self, table):
        hints = HintCoalescer()
        for row in table.rows:
            idle = java_round((1 - self.model.predict(self.features.extract(row))) * 1000)
            if idle >= self.min_confidence:
                hints.add(row[0], row[1], ap.PAGEOUT, idle)
            elif 1000 - idle >= self.min_confidence:
                hints.add(row[0], row[1], ap.KEEP, 1000 - idle)
            else:
                hints.add(row[0], row[1], -1, 0)
        return hints.finish()


class ReferenceAgent:
    """The protocol loop around the model: attach, then one AgentProcess cycle per wake-up."""

    def __init__(self, conn, options):
        self.conn = conn
        self.options = options
        self.model = None
        self.train_cost_ns = 0
        self.feedback_tail = b""

    def configure(self, hello):
        def pick(option, key, convert):
            value = getattr(self.options, option)
            return value if value is not None else convert(hello[key])

        self.model = LogisticAgentModel(
            int(hello["max_nr_accesses"]),
            pick("horizon_ms", "agent.horizon_ms", int),
            pick("learning_rate", "agent.learning_rate", float),
            pick("l2", "agent.l2", float),
            pick("min_confidence", "agent.min_confidence_permille", int))
        self.train_cost_ns = pick("train_cost_ns", "agent.train_cost_per_sample_ns", int)

    def run(self):
        hello = self.conn.handshake("reference_agent.py (online logistic, Python %d.%d)" % sys.version_info[:2])
        self.configure(hello)
        while True:
            wake = self.conn.next_wake()
            if wake is None:
                return 0
            now_us, reason = wake
            try:
                if reason == ap.WAKE_ATTACH:
                    self.attach()
                    self.conn.done(0)
                else:
                    self.conn.done(self.cycle())
            except ap.ProxyError as e:
                # like the built-in agent: the cycle is lost, the next one starts afresh
                self.log("t=%.3fs %s" % (now_us / 1e6, e))
                self.conn.done(0)

    def attach(self):
        try:
            self.conn.control("START")
        except ap.ProxyError as e:
            if e.name != "EBUSY":  # still attached from before a crash: carry on
                raise

    def cycle(self):
        generation, data = self.conn.read_whole_dataset()
        self.conn.control("DISCARD_DATASET")
        gen, timestamp, _, rows = ap.decode_dataset(data)
        table = RegionTable(gen, timestamp, rows)
        samples = self.model.observe(table)
        records, self.feedback_tail = ap.decode_feedback(self.feedback_tail + self.conn.read_all_feedback())
        for r in records:
            self.model.feedback(r)
        samples += len(records)
        self.conn.write_rec(ap.encode_recommendation(generation, self.model.recommend(table)))
        return samples * self.train_cost_ns

    def log(self, line):
        if self.options.verbose:
            print(line, file=sys.stderr, flush=True)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--horizon-ms", type=int, help="label horizon (default: agent.horizon of the scenario)")
    p.add_argument("--learning-rate", type=float, help="SGD step (default: agent.learning_rate)")
    p.add_argument("--l2", type=float, help="L2 regularisation (default: agent.l2)")
    p.add_argument("--min-confidence", type=int, help="per-mille threshold (default: agent.min_confidence)")
    p.add_argument("--train-cost-ns", type=int,
                   help="declared compute time per sample (default: agent.train_cost_per_sample)")
    p.add_argument("--verbose", action="store_true", help="log proxy errors to stderr")
    return p.parse_args(argv)


def main(argv=None):
    options = parse_args(sys.argv[1:] if argv is None else argv)
    return ReferenceAgent(ap.Connection.stdio(), options).run()


if __name__ == "__main__":
    sys.exit(main())
