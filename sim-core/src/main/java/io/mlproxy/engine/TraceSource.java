package io.mlproxy.engine;

import io.mlproxy.workload.AccessStream;
import io.mlproxy.workload.TraceFootprint;
import io.mlproxy.workload.TraceSpec;
import io.mlproxy.workload.Traces;
import nl.tudelft.simulation.jstats.streams.StreamInterface;

/**
 * Replays a trace file as the workload: times rebased so the first touch is at 0, optionally
 * looped (each pass starts one mean inter-touch gap after the previous one ended), and cut at the
 * scenario's end. A trace has no randomness, so every variant sees it identically.
 */
final class TraceSource implements WorkloadSource {

  private final TraceSpec spec;
  private final boolean loop;
  private final long durationUs;
  private final long gapUs;

  TraceSource(TraceSpec spec, TraceFootprint footprint, boolean loop, long durationUs) {
    this.spec = spec;
    this.loop = loop;
    this.durationUs = durationUs;
    this.gapUs = footprint.touches() > 1 ? Math.max(1, footprint.durationUs() / (footprint.touches() - 1)) : 1;
  }

  @Override
  public AccessStream open(StreamInterface stream) {
    return new AccessStream() {
      private AccessStream pass = Traces.open(spec);
      private long firstUs = -1;
      private long offsetUs;
      private long lastUs;
      private boolean done;

      @Override
      public int pages() {
        return spec.pages();
      }

      @Override
      public int read(int[] pages, long[] timesUs, int max) {
        while (!done) {
          int n = pass.read(pages, timesUs, max);
          if (n == 0) {
            pass.close();
            if (!loop || firstUs < 0) {
              done = true;
              return 0;
            }
            offsetUs = lastUs + gapUs;
            firstUs = -1;
            pass = Traces.open(spec);
            continue;
          }
          if (firstUs < 0) {
            firstUs = timesUs[0];
          }
          int kept = 0;
          for (int i = 0; i < n; i++) {
            long t = timesUs[i] - firstUs + offsetUs;
            if (t >= durationUs) {
              done = true;
              break;
            }
            pages[kept] = pages[i];
            timesUs[kept++] = t;
            lastUs = t;
          }
          if (kept > 0 || done) {
            return kept;
          }
        }
        return 0;
      }

      @Override
      public void close() {
        pass.close();
      }
    };
  }
}
