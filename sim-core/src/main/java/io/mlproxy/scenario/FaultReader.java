package io.mlproxy.scenario;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the faults list: each fault's type, time and the parameters its type needs or forbids. */
final class FaultReader {
  private static final String[] PARAMETERS = {"duration", "factor", "count", "capacity", "to_phase"};

  private FaultReader() {}

  /**
   * @param durationUs the scenario's duration, or -1 when unknown
   * @param memory the memory section, pages -1 when unknown
   * @param workload the workload, to check phase indexes
   */
  static List<FaultSpec> read(Section top, long durationUs, MemorySpec memory, WorkloadSpec workload,
      boolean workloadOk) {
    Problems p = top.problems();
    List<Node> items = top.list("faults", "a list of faults, each with type and at");
    if (items == null) {
      return List.of();
    }
    List<FaultSpec> faults = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Section f = Section.of(items.get(i), "faults[" + i + "]", p);
      FaultSpec fault = fault(f, durationUs, memory, workload, workloadOk);
      f.finish();
      if (fault != null) {
        faults.add(fault);
      }
    }
    return faults;
  }

  private static FaultSpec fault(Section f, long scenarioUs, MemorySpec memory, WorkloadSpec workload,
      boolean workloadOk) {
    Problems p = f.problems();
    FaultSpec.Type type = f.require("type", null, Fields.FAULT_TYPE);
    long at = f.require("at", -1L, Fields.FAULT_AT);
    if (at >= 0 && scenarioUs > 0 && at >= scenarioUs) {
      f.error("at", Units.formatDurationUs(at) + " is not before the scenario's end (expected < duration "
          + Units.formatDurationUs(scenarioUs) + ")");
    }
    if (type == null) {
      f.know(PARAMETERS);
      return null;
    }
    for (String key : PARAMETERS) {
      if (f.has(key) && !applies(type, key)) {
        p.add(f.keyNode(key), f.field(key), "does not apply to fault type " + type.yamlName()
            + " (expected only " + String.join(", ", needs(type)) + ")");
      }
    }
    long duration = 0;
    if (type.lasting()) {
      duration = f.require("duration", 1L, Fields.FAULT_DURATION);
    }
    double factor = 1;
    int count = 0;
    int capacityPages = 0;
    int toPhase = -1;
    switch (type) {
      case AGENT_SLOW -> factor = f.get("factor", 10.0, Fields.FAULT_FACTOR);
      case CORRUPT_RECOMMENDATIONS -> count = f.get("count", 3, Fields.FAULT_COUNT);
      case MEMORY_PRESSURE -> {
        Amount cap = f.require("capacity", null, Fields.FAULT_CAPACITY);
        if (cap != null && memory.pages() > 0 && p.ok("memory.page_size", "memory.pages", "memory.size")) {
          capacityPages = cap.toPages(memory.pages(), memory.pageSizeBytes(), memory.capacityPages(), f, "capacity");
        }
      }
      case WORKLOAD_SHIFT -> {
        toPhase = f.require("to_phase", -1, Fields.FAULT_TO_PHASE);
        if (toPhase >= 0 && workloadOk) {
          if (workload.isTrace()) {
            f.error("to_phase", "the workload is a trace (expected workload phases to shift between)");
          } else if (toPhase >= workload.phases().size()) {
            f.error("to_phase", "there is no phase " + toPhase + " (expected an index from 0 to "
                + (workload.phases().size() - 1) + ")");
          }
        }
      }
      default -> { }
    }
    return new FaultSpec(type, Math.max(at, 0), duration, factor, count, capacityPages, toPhase);
  }

  private static boolean applies(FaultSpec.Type type, String key) {
    return needs(type).contains(key);
  }

  private static List<String> needs(FaultSpec.Type type) {
    List<String> keys = new ArrayList<>(List.of("type", "at"));
    if (type.lasting()) {
      keys.add("duration");
    }
    switch (type) {
      case AGENT_SLOW -> keys.add("factor");
      case CORRUPT_RECOMMENDATIONS -> keys.add("count");
      case MEMORY_PRESSURE -> keys.add("capacity");
      case WORKLOAD_SHIFT -> keys.add("to_phase");
      default -> { }
    }
    return keys;
  }
}
