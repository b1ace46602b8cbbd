package io.mlproxy.workload;

import java.util.SplittableRandom;

/**
 * Zipf ranks in O(1) time and memory per draw by rejection-inversion (W. Hörmann and G. Derflinger,
 * "Rejection-inversion to generate variates from monotone discrete distributions", 1996): invert the
 * integral H of the hat function h(x) = x^-s, round to the nearest rank and accept if the point falls
 * under the true mass; the acceptance rate is high for every s, so millions of pages cost nothing.
 */
final class ZipfSampler {
    private final double s;
    private final int n;
    private final double hIntegralX1;
    private final double hIntegralN;
    private final double squeeze;

    ZipfSampler(double skew, int n) {
        this.s = skew;
        this.n = n;
        this.hIntegralX1 = hIntegral(1.5) - 1.0;
        this.hIntegralN = hIntegral(n + 0.5);
        this.squeeze = 2.0 - hIntegralInverse(hIntegral(2.5) - h(2.0));
    }

    /** A rank in [1, n]. */
    int nextRank(SplittableRandom rnd) {
        while (true) {
            double u = hIntegralN + rnd.nextDouble() * (hIntegralX1 - hIntegralN);
            double x = hIntegralInverse(u);
            long k = (long) (x + 0.5);
            if (k < 1) {
                k = 1;
            } else if (k > n) {
                k = n;
            }
            if (k - x <= squeeze || u >= hIntegral(k + 0.5) - h(k)) {
                return (int) k;
            }
        }
    }

    private double h(double x) {
        return Math.exp(-s * Math.log(x));
    }

    /** H(x) = (x^(1-s) - 1) / (1 - s), continuous at s = 1 where it is log x. */
    private double hIntegral(double x) {
        double logX = Math.log(x);
        return expm1OverX((1.0 - s) * logX) * logX;
    }

    private double hIntegralInverse(double u) {
        double t = u * (1.0 - s);
        if (t < -1.0) {
            t = -1.0; // rounding can push u just past the domain of log1p
        }
        return Math.exp(log1pOverX(t) * u);
    }

    private static double expm1OverX(double x) {
        return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1.0 + x / 2.0 * (1.0 + x / 3.0);
    }

    private static double log1pOverX(double x) {
        return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1.0 - x * (0.5 - x / 3.0);
    }
}
