package io.mlproxy.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.mlproxy.engine.RunPlan;
import io.mlproxy.engine.ScenarioCompiler;
import io.mlproxy.scenario.ScenarioEdit;
import io.mlproxy.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled scenarios of a member, by scenario text: every task of a run carries the same text,
 * so a member compiles it once. The submitting process seeds its own member's cache with the
 * plans it compiled, so the embedded member compiles nothing.
 */
final class Plans {

  private static final int MAX = 64;
  private static final Map<String, RunPlan> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, RunPlan> eldest) {
      return size() > MAX;
    }
  };

  private Plans() {}

  /** Makes {@code plan} the compiled form of {@code s} in this JVM. */
  static synchronized void seed(MemberTask.Scenario s, RunPlan plan) {
    CACHE.put(s.key(), plan);
  }

  /**
   * The plan of {@code s}, compiled on first use; the trace is fetched from the cluster once.
   * Compiling holds the cache's lock: tasks of one scenario arriving together wait for one compile
   * (and one trace fetch) instead of each doing it.
   */
  static synchronized RunPlan plan(MemberTask.Scenario s, HazelcastInstance member) {
    String key = s.key();
    RunPlan p = CACHE.get(key);
    if (p != null) {
      return p;
    }
    String yaml = s.yaml();
    if (s.trace() != null) {
      Path local = TraceStore.local(member, s.trace());
      yaml = ScenarioEdit.apply(yaml, Map.of("workload.trace.path", local.toString()));
    }
    p = ScenarioCompiler.compile(ScenarioLoader.parse(yaml, Path.of(s.nameForMessages())));
    CACHE.put(key, p);
    return p;
  }
}
