package io.mlproxy.scenario;

import java.util.List;

/** One workload phase: from {@code atUs} on, touches are drawn from a weighted mix of patterns. */
public record PhaseSpec(long atUs, List<MixEntry> mix) {

  /** Copies the list so the record stays immutable. */
  public PhaseSpec {
    mix = List.copyOf(mix);
  }

  /** One pattern of a phase's mix, with its relative weight. */
  public record MixEntry(PatternSpec pattern, double weight) {}

  /** The sum of the mix's weights. */
  public double totalWeight() {
    return mix.stream().mapToDouble(MixEntry::weight).sum();
  }
}
