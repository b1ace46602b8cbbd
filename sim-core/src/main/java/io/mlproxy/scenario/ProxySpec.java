package io.mlproxy.scenario;

import java.util.OptionalLong;

/**
 * The ML model proxy: its mode (adaptive, or forced), the mode-switch thresholds and the feedback
 * window W over which decisions are judged (microseconds; empty = auto, 2 x the break-even time).
 */
public record ProxySpec(Mode mode, ThresholdsSpec thresholds, OptionalLong feedbackWindowUs) {

  /** The mode the proxy runs in; the engine still forces modes per variant. */
  public enum Mode {
    /** Start in LEARNING and let the mode controller move between modes. */
    ADAPTIVE("adaptive"),
    /** Always EMERGENCY: the default algorithm only. */
    EMERGENCY("emergency"),
    /** Always LEARNING. */
    LEARNING("learning"),
    /** Always COLLABORATION. */
    COLLABORATION("collaboration"),
    /** Always RECOMMENDATION. */
    RECOMMENDATION("recommendation");

    private final String yamlName;

    Mode(String yamlName) {
      this.yamlName = yamlName;
    }

    /** The name used in scenario files. */
    public String yamlName() {
      return yamlName;
    }
  }

  /** adaptive, default thresholds, W = auto. */
  public static ProxySpec defaults() {
    return new ProxySpec(Mode.ADAPTIVE, ThresholdsSpec.defaults(), OptionalLong.empty());
  }
}
