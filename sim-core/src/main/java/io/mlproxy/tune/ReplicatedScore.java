package io.mlproxy.tune;

/**
 * A candidate's scores on one scenario with the proxy's score in each replication (in replication
 * order), so that two candidates run on the same seeds can be compared pair by pair.
 */
public record ReplicatedScore(ScenarioScore score, double[] proxyByReplication) {

  public ReplicatedScore {
    proxyByReplication = proxyByReplication.clone();
  }

  @Override
  public double[] proxyByReplication() {
    return proxyByReplication.clone();
  }
}
