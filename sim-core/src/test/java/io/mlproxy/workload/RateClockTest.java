package io.mlproxy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RateClockTest {

    @Property(tries = 200)
    void matchesFloorOfIndexTimesMicrosOverRate(@ForAll @LongRange(min = 1, max = 3_000_000) long rate,
            @ForAll @IntRange(min = 1, max = 5000) int touches) {
        RateClock clock = new RateClock(rate);
        for (long i = 0; i < touches; i++) {
            long expected = BigInteger.valueOf(i).multiply(BigInteger.valueOf(1_000_000))
                    .divide(BigInteger.valueOf(rate)).longValueExact();
            assertThat(clock.nowUs()).as("touch %d at rate %d", i, rate).isEqualTo(expected);
            assertThat(Traces.rateTime(i, rate)).isEqualTo(expected);
            clock.tick();
        }
    }
}
