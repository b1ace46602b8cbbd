#!/usr/bin/env python3
"""The reference agent with one real failure, for the workbench's failure tests.

Usage: misbehaving_agent.py MODE AT_SECONDS
Only the first process (MLPROXY_AGENT_INCARNATION=0) misbehaves, at its first cycle wake-up at or
after AT_SECONDS of simulated time, so that the restarted agent shows the proxy recovering. Modes:
  exit      exit with status 3 at once, before the handshake
  die       SIGKILL itself in the middle of a wake-up
  hang      stop answering in the middle of a wake-up
  garbage   print text to stdout (not a frame)
  huge      announce a 100 MB frame and start writing it
  close     write half a frame, close stdout, keep running
  flood     write 8 MiB to stderr, then carry on normally
  badframe  send a well-framed request of an unknown type, then carry on normally
  badrec    write junk as recommendation bytes, then carry on normally
  busy      keep sending requests without ever ending the wake-up
"""
import os
import signal
import struct
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import agent_protocol as ap  # noqa: E402
import reference_agent as ref  # noqa: E402


class Misbehaving(ref.ReferenceAgent):
    def __init__(self, conn, options, mode, at_us, out):
        super().__init__(conn, options)
        self.mode = mode
        self.at_us = at_us
        self.out = out
        self.armed = os.environ.get("MLPROXY_AGENT_INCARNATION") == "0"
        self.now_us = 0

    def cycle(self):
        if self.armed and self.now_us >= self.at_us:
            self.armed = False
            self.misbehave()
        return super().cycle()

    def misbehave(self):
        m = self.mode
        if m == "die":
            self.conn.control("PREPARE_DATASET")
            os.kill(os.getpid(), signal.SIGKILL)
        elif m == "hang":
            self.conn.control("PREPARE_DATASET")
            time.sleep(3600)
        elif m == "garbage":
            self.out.write(b"Traceback (most recent call last): something went wrong\n")
            self.out.flush()
            time.sleep(3600)
        elif m == "huge":
            self.out.write(struct.pack("<I", 100 * 1024 * 1024 + 1) + bytes((ap.WRITE_REC,)))
            block = b"\0" * (1 << 20)
            for _ in range(100):
                self.out.write(block)
            self.out.flush()
            time.sleep(3600)
        elif m == "close":
            self.out.write(struct.pack("<I", 21) + bytes((ap.READ_DATASET,)) + b"\x01\x00\x00")
            self.out.flush()
            os.close(1)
            time.sleep(3600)
        elif m == "flood":
            line = b"flood " + b"x" * 1017 + b"\n"
            for _ in range(8 * 1024):
                sys.stderr.buffer.write(line)
            sys.stderr.buffer.flush()
        elif m == "badframe":
            try:
                self.conn._call(0x99, b"what is this")
            except ap.ProxyError as e:
                print("as expected: %s" % e, file=sys.stderr)
        elif m == "busy":
            while True:
                self.conn.read_attr("state")
        elif m == "badrec":
            self.conn.write_rec(b"this is not a recommendation at all, just junk bytes")
            self.conn.done(0)
            raise SkipCycle()


class SkipCycle(Exception):
    pass


def main():
    mode, at_s = sys.argv[1], float(sys.argv[2])
    if mode == "exit" and os.environ.get("MLPROXY_AGENT_INCARNATION") == "0":
        return 3
    out = sys.stdout.buffer
    conn = ap.Connection.stdio()
    agent = Misbehaving(conn, ref.parse_args([]), mode, int(at_s * 1e6), out)
    hello = conn.handshake("misbehaving_agent.py " + mode)
    agent.configure(hello)
    while True:
        wake = conn.next_wake()
        if wake is None:
            return 0
        agent.now_us, reason = wake
        try:
            if reason == ap.WAKE_ATTACH:
                agent.attach()
                conn.done(0)
            else:
                conn.done(agent.cycle())
        except SkipCycle:
            pass
        except ap.ProxyError as e:
            print("proxy refused: %s" % e, file=sys.stderr)
            conn.done(0)


if __name__ == "__main__":
    sys.exit(main())
