package io.mlproxy.agent;

/**
 * The user-space agent as the engine drives it: one cycle in steps, each returning the simulated
 * time it took, so that dataset age and recommendation staleness come out of the schedule. The
 * built-in {@link AgentProcess} and an outside process ({@link io.mlproxy.agent.external.ExternalAgent})
 * sit in the same place, so injected faults act on both alike.
 *
 * <p>Errors the proxy reports surface as {@link io.mlproxy.proxy.MlLibException}s; a real failure of
 * an outside process (it exited, hung, or broke the protocol) as an {@link AgentFailure}, after the
 * process is gone.
 */
public interface UserAgent {

  /** Attaches to the proxy (START). */
  void attach();

  /** Asks for a dataset and reads it; returns the simulated read time in nanoseconds. */
  long readDataset();

  /** Learns from what was read (and the feedback); returns the simulated time in nanoseconds. */
  long train();

  /** The message answering the last dataset, or null when the agent writes nothing this cycle. */
  byte[] recommendation();

  /** Writes a message into the data channel (the proxy validates and applies it on arrival). */
  void write(byte[] message);

  /** An injected crash: whatever runs is stopped; {@link #attach()} starts it again. */
  default void kill() {}

  /** The run is over: releases everything the agent holds (processes, threads). */
  default void close() {}
}
