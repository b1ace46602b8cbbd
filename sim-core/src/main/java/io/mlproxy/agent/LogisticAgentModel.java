package io.mlproxy.agent;

import io.mlproxy.proxy.FeedbackCodec;
import io.mlproxy.proxy.HintAction;
import io.mlproxy.proxy.Recommendation;

/**
 * Predicts per region whether it will be touched within the horizon and recommends PAGEOUT for
 * confidently idle regions, KEEP for confidently busy ones.
 *
 * <p>Labels come from later datasets ({@link LabelTracker}) and from the proxy's feedback: a
 * judged pageout opinion whose pages were touched again is a positive sample of that region's
 * current features, one left alone a negative.
 */
public final class LogisticAgentModel implements AgentModel {

  private final Features features;
  private final LogisticModel model;
  private final LabelTracker labels;
  private final int minConfidencePermille;
  private final double[] x = new double[Features.DIMENSION];
  private RegionTable latest;

  public LogisticAgentModel(
      int maxNrAccesses, long horizonMs, double learningRate, double l2, int minConfidencePermille) {
    this.features = new Features(maxNrAccesses);
    this.model = new LogisticModel(Features.DIMENSION, learningRate, l2);
    this.labels = new LabelTracker(horizonMs, 1 << 16, Features.DIMENSION);
    this.minConfidencePermille = minConfidencePermille;
  }

  @Override
  public int observe(RegionTable table) {
    int[] trained = new int[1];
    labels.observe(
        table,
        (f, touched) -> {
          model.learn(f, touched);
          trained[0]++;
        });
    for (int i = 0; i < table.count(); i++) {
      features.extract(table, i, x);
      labels.add(table.start(i), table.end(i), table.timestampMs(), x);
    }
    latest = table;
    return trained[0] + table.count();
  }

  @Override
  public void feedback(FeedbackCodec.Record r) {
    if (latest == null || r.action() != HintAction.CODE_PAGEOUT) {
      return;
    }
    int i = latest.regionOf(r.startPage());
    if (i < 0) {
      return;
    }
    features.extract(latest, i, x);
    model.learn(x, r.refaults() > 0);
  }

  @Override
  public void recommend(RegionTable table, Recommendation.Builder out) {
    HintCoalescer hints = new HintCoalescer(out);
    for (int i = 0; i < table.count(); i++) {
      features.extract(table, i, x);
      double touched = model.predict(x);
      int idle = (int) Math.round((1 - touched) * 1000);
      if (idle >= minConfidencePermille) {
        hints.add(table.start(i), table.end(i), HintAction.CODE_PAGEOUT, idle);
      } else if (1000 - idle >= minConfidencePermille) {
        hints.add(table.start(i), table.end(i), HintAction.CODE_KEEP, 1000 - idle);
      } else {
        hints.add(table.start(i), table.end(i), -1, 0);
      }
    }
    hints.finish();
  }

  /** The underlying model, for reports and tests. */
  public LogisticModel model() {
    return model;
  }
}
