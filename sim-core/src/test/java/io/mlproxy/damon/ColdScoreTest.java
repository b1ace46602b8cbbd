package io.mlproxy.damon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColdScoreTest {

    @Test
    void anUnaccessedRegionOf120SecondsScoresAsDamonComputesIt() {
        // age 1200 x 100 ms = 120 s; log2 steps 120,60,30,15,7,3,1 -> 7; freq 0 -> -7 + 32 = 25
        // age subscore 25*100/32/2 = 39; weights (0, 1) -> hotness 39 -> 39*99/100 = 38 -> cold 61
        assertThat(ColdScore.cold(0, 1200, 20, 100_000, 0, 1)).isEqualTo(61);
    }

    @Test
    void olderUnaccessedIsColderAndAccessedOlderIsHotter() {
        assertThat(ColdScore.cold(0, 2400, 20, 100_000, 0, 1)).isGreaterThan(ColdScore.cold(0, 1200, 20, 100_000, 0, 1));
        // freq 10/20 -> 50; age 10 s -> log 4 -> 36 -> 36*100/32/2 = 56; weights (1,1): (50+56)/2 = 53 -> 52 -> 47
        assertThat(ColdScore.cold(10, 100, 20, 100_000, 1, 1)).isEqualTo(47);
        assertThat(ColdScore.cold(0, 0, 20, 100_000, 0, 0)).isEqualTo(99);
    }
}
