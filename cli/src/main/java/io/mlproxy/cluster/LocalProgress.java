package io.mlproxy.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Simulated-time counters of the batches this process submits, by key: tasks that run on the
 * embedded member find theirs here and add to it, so the progress bar moves within a run. Tasks on
 * other members find nothing (their batch is counted in finished tasks only).
 */
final class LocalProgress {

  private static final Map<String, LongAdder> COUNTERS = new ConcurrentHashMap<>();

  private LocalProgress() {}

  static void register(String key, LongAdder simulatedUs) {
    COUNTERS.put(key, simulatedUs);
  }

  static void unregister(String key) {
    COUNTERS.remove(key);
  }

  /** The counter of {@code key}, or null outside the submitting process. */
  static LongAdder of(String key) {
    return key == null ? null : COUNTERS.get(key);
  }
}
