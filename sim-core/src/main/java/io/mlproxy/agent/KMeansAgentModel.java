package io.mlproxy.agent;

import io.mlproxy.proxy.FeedbackCodec;
import io.mlproxy.proxy.HintAction;
import io.mlproxy.proxy.Recommendation;
import java.util.ArrayList;
import java.util.List;

/**
 * Clusters regions into hot and cold (k-means++, three clusters) and recommends PAGEOUT for the
 * regions that sit confidently in the cold cluster. It learns no labels: feedback is ignored,
 * which is the point of comparing it with the logistic model.
 */
public final class KMeansAgentModel implements AgentModel {

  private final Features features;
  private final KMeansModel model;
  private final int minConfidencePermille;

  public KMeansAgentModel(int maxNrAccesses, int minConfidencePermille, long seed) {
    this.features = new Features(maxNrAccesses);
    this.model = new KMeansModel(3, 5000, seed);
    this.minConfidencePermille = minConfidencePermille;
  }

  @Override
  public int observe(RegionTable table) {
    List<double[]> rows = new ArrayList<>(table.count());
    for (int i = 0; i < table.count(); i++) {
      double[] x = new double[Features.DIMENSION];
      features.extract(table, i, x);
      rows.add(x);
    }
    model.fit(rows);
    return rows.size();
  }

  @Override
  public void feedback(FeedbackCodec.Record record) {
    // unsupervised: judgements are not used
  }

  @Override
  public void recommend(RegionTable table, Recommendation.Builder out) {
    HintCoalescer hints = new HintCoalescer(out);
    double[] x = new double[Features.DIMENSION];
    for (int i = 0; i < table.count(); i++) {
      features.extract(table, i, x);
      int cold = model.coldConfidencePermille(x);
      if (cold >= minConfidencePermille) {
        hints.add(table.start(i), table.end(i), HintAction.CODE_PAGEOUT, cold);
      } else if (1000 - cold >= minConfidencePermille) {
        hints.add(table.start(i), table.end(i), HintAction.CODE_KEEP, 1000 - cold);
      } else {
        hints.add(table.start(i), table.end(i), -1, 0);
      }
    }
    hints.finish();
  }
}
