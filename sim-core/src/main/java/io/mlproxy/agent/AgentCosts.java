package io.mlproxy.agent;

/**
 * How long the agent's steps take in simulated time.
 *
 * @param readCostPerKibNs reading one KiB of dataset through the data channel
 * @param trainCostPerSampleNs one training sample
 * @param portionBytes bytes asked for per read call, like a read(2) buffer
 */
public record AgentCosts(long readCostPerKibNs, long trainCostPerSampleNs, int portionBytes) {

  public AgentCosts {
    if (readCostPerKibNs < 0 || trainCostPerSampleNs < 0 || portionBytes < 1) {
      throw new IllegalArgumentException(
          "agent costs must be >= 0 and the portion >= 1 byte: " + readCostPerKibNs + ", "
              + trainCostPerSampleNs + ", " + portionBytes);
    }
  }
}
