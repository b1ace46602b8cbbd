package io.mlproxy.agent;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * Hot/cold clustering of regions with k-means++ (Commons Math).
 *
 * <p>Points are (access frequency, previous access frequency, log age, log refaults); the
 * cluster whose centroid is the least active is "cold". Continual in the simple sense: it
 * re-clusters every dataset from a sliding window of the most recent points.
 */
public final class KMeansModel {

  private final int k;
  private final int windowPoints;
  private final Well19937c random;
  private final List<DoublePoint> window = new ArrayList<>();
  private List<CentroidCluster<DoublePoint>> clusters = List.of();
  private int coldest = -1;

  public KMeansModel(int k, int windowPoints, long seed) {
    if (k < 2 || windowPoints < k) {
      throw new IllegalArgumentException("need k >= 2 and a window of at least k points, got " + k + ", " + windowPoints);
    }
    this.k = k;
    this.windowPoints = windowPoints;
    this.random = new Well19937c(seed);
  }

  /** The clustering point of a feature vector made by {@link Features}. */
  static double[] point(double[] features) {
    return new double[] {features[1], features[2], features[3], features[6]};
  }

  /** Adds the points of one dataset and re-clusters. */
  public void fit(List<double[]> featureRows) {
    for (double[] f : featureRows) {
      window.add(new DoublePoint(point(f)));
    }
    if (window.size() > windowPoints) {
      window.subList(0, window.size() - windowPoints).clear();
    }
    if (window.size() < k) {
      return;
    }
    clusters = new KMeansPlusPlusClusterer<DoublePoint>(k, 50, new EuclideanDistance(), random)
        .cluster(window);
    coldest = -1;
    double least = Double.POSITIVE_INFINITY;
    for (int i = 0; i < clusters.size(); i++) {
      double[] c = clusters.get(i).getCenter().getPoint();
      // activity now and before dominates; refaults count against coldness
      double activity = c[0] + c[1] + c[3] - 0.1 * c[2];
      if (activity < least) {
        least = activity;
        coldest = i;
      }
    }
  }

  /**
   * Confidence, in per-mille, that the region with these features is cold: 1000 when it sits on
   * the cold centroid, falling towards 0 as it nears another centroid; 0 before any fit.
   */
  public int coldConfidencePermille(double[] features) {
    if (coldest < 0) {
      return 0;
    }
    double[] p = point(features);
    double dCold = distance(p, clusters.get(coldest).getCenter().getPoint());
    double dOther = Double.POSITIVE_INFINITY;
    for (int i = 0; i < clusters.size(); i++) {
      if (i != coldest) {
        dOther = Math.min(dOther, distance(p, clusters.get(i).getCenter().getPoint()));
      }
    }
    if (dCold + dOther == 0 || Double.isInfinite(dOther)) {
      return 1000;
    }
    return (int) Math.round(1000.0 * dOther / (dCold + dOther));
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
