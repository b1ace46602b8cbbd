package io.mlproxy.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SubRangePatternTest {

    @Test
    void scanSweepsOnlyItsRange() {
        // 100 pages, start 0.25, length 0.1: pages 25..34, stride 2 -> 25,27,...,33 then 26,...,34
        PageSampler s = new Scan(2, true, 0.25, 0.1).sampler(100, new SplittableRandom(1));
        int[] expected = {25, 27, 29, 31, 33, 26, 28, 30, 32, 34, 25};
        for (int e : expected) {
            assertThat(s.next(null, 0)).isEqualTo(e);
        }
    }

    @Test
    void uniformStaysInItsRangeAndCoversIt() {
        PageSampler s = new Uniform(0.5, 0.2).sampler(50, new SplittableRandom(2));
        boolean[] seen = new boolean[50];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            int p = s.next(r, 0);
            assertThat(p).isBetween(25, 34);
            seen[p] = true;
        }
        for (int p = 25; p < 35; p++) {
            assertThat(seen[p]).as("page %d", p).isTrue();
        }
    }

    @Test
    void aRangeAtTheEndIsClippedAndNeverEmpty() {
        PageSampler s = new Uniform(0.99, 1.0).sampler(10, new SplittableRandom(2));
        assertThat(s.next(new SplittableRandom(1), 0)).isEqualTo(9);
    }

    @Test
    void badFractionsAreRejectedByName() {
        assertThatThrownBy(() -> new Uniform(1.0, 0.5)).hasMessageContaining("startFraction");
        assertThatThrownBy(() -> new Scan(1, true, 0, 0)).hasMessageContaining("lengthFraction");
    }
}
