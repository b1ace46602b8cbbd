package io.mlproxy.engine;

import io.mlproxy.workload.AccessStream;
import nl.tudelft.simulation.jstats.streams.StreamInterface;

/** Opens the scenario's access stream for one run; equal seeds give equal streams. */
@FunctionalInterface
public interface WorkloadSource {
  /** A stream of the touches before the scenario's end, drawing randomness from {@code stream}. */
  AccessStream open(StreamInterface stream);
}
