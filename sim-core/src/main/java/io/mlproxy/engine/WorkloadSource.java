package io.mlproxy.engine;

import io.mlproxy.workload.AccessStream;
import nl.tudelft.simulation.jstats.streams.StreamInterface;

/** Opens the scenario's access stream for one run; equal seeds give equal streams. */
@FunctionalInterface
public interface WorkloadSource {
  /** A stream of the touches before the scenario's end, drawing randomness from {@code stream}. */
  AccessStream open(StreamInterface stream);

  /**
   * The same stream, continued up to {@code extraUs} past the scenario's end where the workload
   * has a continuation (a synthetic workload does; a trace ends where it ends): the oracle's
   * look-ahead reads it so that the run's end does not look like a future without touches. The
   * touches before the end are those of {@link #open}; the run replays none after it.
   */
  default AccessStream openBeyondEnd(StreamInterface stream, long extraUs) {
    return open(stream);
  }
}
