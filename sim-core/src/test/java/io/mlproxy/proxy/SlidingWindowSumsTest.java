package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ring of time buckets behind the efficiency window: 10 buckets of window/10 ms each. */
class SlidingWindowSumsTest {
    @Test
    void valuesStayForTenBucketsThenLeave() {
        SlidingWindowSums w = new SlidingWindowSums(2, 10_000); // buckets of 1000 ms
        w.add(0, 5, 500);      // bucket 0
        w.add(0, -7, 1_500);   // bucket 1
        w.add(1, 3, 1_999);
        assertThat(w.sum(0, 1_999)).isEqualTo(-2);
        assertThat(w.sum(1, 1_999)).isEqualTo(3);
        assertThat(w.sum(0, 9_999)).isEqualTo(-2);   // bucket 9: buckets 0..9 in the window
        assertThat(w.sum(0, 10_000)).isEqualTo(-7);  // bucket 10: bucket 0 left
        assertThat(w.sum(0, 11_000)).isZero();
        w.add(0, 4, 12_345); // reuses the slot of bucket 2 and clears it first
        assertThat(w.sum(0, 12_345)).isEqualTo(4);
    }

    @Test
    void timeGoingBackwardsCountsAsTheLatestTime() {
        SlidingWindowSums w = new SlidingWindowSums(1, 1_000);
        w.add(0, 1, 5_000);
        w.add(0, 1, 100);
        assertThat(w.sum(0, 5_000)).isEqualTo(2);
    }
}
