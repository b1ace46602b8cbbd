package io.mlproxy.agent;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.FastMath;

/**
 * Online L2-regularised logistic regression: P(region touched within the horizon | features).
 *
 * <p>Continual by construction: every labelled sample is one stochastic-gradient step, so the
 * model keeps adapting as the workload drifts (and can be fooled by a pattern that flips right
 * after it learned it, which is what the adversarial scenario probes).
 */
public final class LogisticModel {

  private final RealVector weights;
  private final double learningRate;
  private final double l2;
  private long samples;

  public LogisticModel(int dimension, double learningRate, double l2) {
    if (!(learningRate > 0) || !(l2 >= 0)) {
      throw new IllegalArgumentException(
          "learning rate must be > 0 and l2 >= 0, got " + learningRate + " and " + l2);
    }
    this.weights = new ArrayRealVector(dimension);
    this.learningRate = learningRate;
    this.l2 = l2;
  }

  /** The predicted probability that the sample is positive (touched). */
  public double predict(double[] x) {
    return sigmoid(weights.dotProduct(new ArrayRealVector(x, false)));
  }

  /** One SGD step on the log loss with label {@code touched}. */
  public void learn(double[] x, boolean touched) {
    RealVector v = new ArrayRealVector(x, false);
    double error = sigmoid(weights.dotProduct(v)) - (touched ? 1.0 : 0.0);
    // w <- w - lr * (error * x + l2 * w)
    weights.mapMultiplyToSelf(1.0 - learningRate * l2);
    weights.combineToSelf(1.0, -learningRate * error, v);
    samples++;
  }

  /** Number of samples learned so far. */
  public long samples() {
    return samples;
  }

  /** A copy of the weights, for reports and tests. */
  public double[] weights() {
    return weights.toArray();
  }

  static double sigmoid(double z) {
    if (z >= 0) {
      return 1.0 / (1.0 + FastMath.exp(-z));
    }
    double e = FastMath.exp(z);
    return e / (1.0 + e);
  }
}
