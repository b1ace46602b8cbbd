package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The kernel-side integer statistic against the same formula in floating point (allowed in tests). */
class PairedEvidenceTest {

    record Decision(int pages, long diffPerPage) {}

    @Provide
    Arbitrary<Decision[]> decisions() {
        Arbitrary<Decision> d = Combinators.combine(Arbitraries.integers().between(1, 5_000),
                Arbitraries.longs().between(-60_000, 60_000)).as(Decision::new);
        return d.array(Decision[].class).ofMinSize(2).ofMaxSize(300);
    }

    @Property(tries = 300)
    void meanAndStandardErrorMatchTheClusterFormula(@ForAll("decisions") Decision[] ds,
                                                    @ForAll @IntRange(min = 500, max = 999) int confidence) {
        long pages = 0;
        long diff = 0;
        long q = 0;
        long m2 = 0;
        long abs = 0;
        for (Decision d : ds) {
            long dj = d.diffPerPage() * d.pages();
            pages += d.pages();
            diff += dj;
            q += Arith.squareOverPages(dj, d.pages());
            m2 += (long) d.pages() * d.pages();
            abs += Math.abs(dj);
        }
        int z = NormalQuantile.zMilli(confidence);
        PairedEvidence e = PairedEvidence.of(ds.length, pages, diff, q, m2, abs, z);

        double p = pages;
        double r = diff / p;
        double weighted = 0;
        for (Decision d : ds) {
            weighted += d.pages() * Math.pow(d.diffPerPage() - r, 2);
        }
        double se = Math.sqrt(weighted / p * m2 / (p * p) * ds.length / (ds.length - 1));
        assertThat(e.meanMs()).isEqualTo((long) Math.floor(r));
        // integer arithmetic: the variance loses a few ms² to rounding (mean to 1/65536 ms, sums to 1 ms²)
        assertThat((double) e.standardErrorMs()).isCloseTo(se, org.assertj.core.data.Offset.offset(3 + se * 1e-3));
        assertThat(e.lowerMs()).isLessThanOrEqualTo(e.meanMs());
        assertThat(e.upperMs()).isGreaterThanOrEqualTo(e.meanMs());
        assertThat(e.meanAbsMs()).isEqualTo(abs / pages);
    }

    @Property(tries = 200)
    void sumsNearTheLongRangeSaturateInsteadOfWrapping(@ForAll @IntRange(min = 1, max = 1_000_000) int m) {
        long huge = Long.MAX_VALUE / 3;
        PairedEvidence e = PairedEvidence.of(3, 3L * m, huge, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
                NormalQuantile.zMilli(990));
        assertThat(e.lowerMs()).isLessThanOrEqualTo(e.upperMs());
        assertThat(e.standardErrorMs()).isNotNegative();
    }

    @Property(tries = 100)
    void integerSquareRootIsTheFloor(@ForAll long x) {
        long v = Math.abs(x == Long.MIN_VALUE ? 0 : x);
        long r = Arith.isqrt(v);
        assertThat(r * r).isLessThanOrEqualTo(v);
        java.math.BigInteger next = java.math.BigInteger.valueOf(r + 1).pow(2);
        assertThat(next).isGreaterThan(java.math.BigInteger.valueOf(v));
    }

    @Property(tries = 500)
    void mulDivIsExactOver128Bits(@ForAll long a, @ForAll long b, @ForAll long c) {
        long x = a == Long.MIN_VALUE ? 0 : Math.abs(a);
        long y = b == Long.MIN_VALUE ? 0 : Math.abs(b);
        long z = c == Long.MIN_VALUE || c == 0 ? 1 : Math.abs(c);
        java.math.BigInteger exact = java.math.BigInteger.valueOf(x).multiply(java.math.BigInteger.valueOf(y))
                .divide(java.math.BigInteger.valueOf(z));
        long expected = exact.bitLength() < 64 ? exact.longValue() : Long.MAX_VALUE;
        assertThat(Arith.mulDiv(x, y, z)).isEqualTo(expected);
    }
}
