#!/usr/bin/env python3
"""The smallest useful agent: page out regions idle for a while, keep busy ones.

Usage: agent: {model: external, command: [python3, ../agents/python/threshold_agent.py, "30"]}
(the argument is the idle age, in aggregation intervals, after which a region is paged out).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import agent_protocol as ap  # noqa: E402


def hints(rows, min_age):
    out = []
    for start, end, nr_accesses, _, age, _, _ in rows:
        if nr_accesses == 0 and age >= min_age:
            out.append((start, end, ap.PAGEOUT, 900))
        elif nr_accesses > 0:
            out.append((start, end, ap.KEEP, 900))
    return out


def main():
    min_age = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    conn = ap.Connection.stdio()
    conn.handshake("threshold_agent.py (idle age >= %d)" % min_age)
    while True:
        wake = conn.next_wake()
        if wake is None:
            return 0
        try:
            if wake[1] == ap.WAKE_ATTACH:
                try:
                    conn.control("START")
                except ap.ProxyError as e:
                    if e.name != "EBUSY":
                        raise
            else:
                generation, data = conn.read_whole_dataset()
                conn.control("DISCARD_DATASET")
                rows = ap.decode_dataset(data)[3]
                conn.write_rec(ap.encode_recommendation(generation, hints(rows, min_age)))
        except ap.ProxyError as e:
            print("proxy refused: %s" % e, file=sys.stderr)
        conn.done(0)


if __name__ == "__main__":
    sys.exit(main())
