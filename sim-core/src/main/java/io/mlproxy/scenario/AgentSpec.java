package io.mlproxy.scenario;

/**
 * The user-space ML agent: its model, wake-up period, the simulated costs of reading the dataset
 * and training (nanoseconds), the write latency of recommendations and the model's
 * hyper-parameters.
 *
 * @param model which model the agent trains
 * @param periodUs time between agent wake-ups
 * @param readCostPerKibNs simulated time to read 1 KiB of dataset
 * @param trainCostPerSampleNs simulated training time per sample
 * @param writeLatencyUs delay between writing a recommendation and its delivery to the proxy
 * @param horizonUs label horizon: a page is "hot" if touched within this horizon
 * @param learningRate gradient step of the logistic model
 * @param l2 L2 regularisation of the logistic model
 * @param minConfidencePermille the agent recommends only above this confidence
 * @param portionBytes bytes per read of the data channel
 * @param external how to run the agent process when {@code model} is {@link Model#EXTERNAL}, else null
 */
public record AgentSpec(
    Model model,
    long periodUs,
    long readCostPerKibNs,
    long trainCostPerSampleNs,
    long writeLatencyUs,
    long horizonUs,
    double learningRate,
    double l2,
    int minConfidencePermille,
    long portionBytes,
    ExternalAgentSpec external) {

  /** The agent's model. */
  public enum Model {
    /** Logistic regression on region features. */
    LOGISTIC("logistic"),
    /** A tuner of the scheme's parameters. */
    TUNER("tuner"),
    /** k-means clustering of regions. */
    KMEANS("kmeans"),
    /** An outside process speaking the agent protocol (docs/agent-protocol.md). */
    EXTERNAL("external");

    private final String yamlName;

    Model(String yamlName) {
      this.yamlName = yamlName;
    }

    /** The name used in scenario files. */
    public String yamlName() {
      return yamlName;
    }
  }

  /** Checks that an external process is described exactly when the model is external. */
  public AgentSpec {
    if ((model == Model.EXTERNAL) != (external != null)) {
      throw new IllegalArgumentException("agent model " + model + " with external settings " + external);
    }
  }

  /** The defaults documented in the README. */
  public static AgentSpec defaults() {
    return new AgentSpec(Model.LOGISTIC, 1_000_000, 10_000, 2_000, 1_000, 30_000_000, 0.05, 1e-4, 600, 4096, null);
  }
}
