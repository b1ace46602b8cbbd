package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One writer swaps between two very different hint tables while readers decide: every decision and
 * every parameter read must come from one whole table, never a mix.
 * Table A: one hint [0, 4096) PAGEOUT, knobs min_age_ms = quota_ms = 1.
 * Table B: 4096 one-page hints HOT, knobs min_age_ms = quota_ms = 2.
 */
class HintTableSwapConcurrencyTest {

    @Test
    void readersSeeTheOldOrTheNewTableNeverAMix() throws Exception {
        Fixture f = Fixture.started();
        long g = f.proxy.prepareDataset();
        f.proxy.forceMode(SystemMode.RECOMMENDATION);
        Recommendation.Builder ba = Recommendation.builder(g).region(0, Fixture.PAGES, HintAction.PAGEOUT, 1000);
        byte[] a = RecommendationCodec.encode(ba.param("min_age_ms", 1).param("quota_ms", 1).build());
        Recommendation.Builder bb = Recommendation.builder(g);
        for (long p = 0; p < Fixture.PAGES; p++) {
            bb.region(p, p + 1, HintAction.HOT, 1000);
        }
        byte[] b = RecommendationCodec.encode(bb.param("min_age_ms", 2).param("quota_ms", 2).build());
        f.proxy.submitRecommendation(a, 0, a.length);

        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong decisions = new AtomicLong();
        AtomicLong sawA = new AtomicLong();
        AtomicLong sawB = new AtomicLong();
        int readers = 2;
        CountDownLatch started = new CountDownLatch(readers);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < readers; t++) {
            long seed = t + 1;
            Thread th = new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(seed);
                started.countDown();
                long p = 0;
                while (!stop.get()) {
                    try {
                        p = rnd.nextInt(4) == 0 ? rnd.nextLong(Fixture.PAGES) : (p + 1) % Fixture.PAGES;
                        long d = f.proxy.executeOperation(p, p + 1, HintAction.CODE_KEEP);
                        int act = Decision.action(d);
                        if (!Decision.isMl(d) || (act != HintAction.CODE_PAGEOUT && act != HintAction.CODE_HOT)) {
                            errors.add("single page " + p + ": decision " + Long.toHexString(d));
                        }
                        (act == HintAction.CODE_PAGEOUT ? sawA : sawB).incrementAndGet();
                        // two pages: table A covers them, table B has no single hint covering both
                        long q = Math.min(p, Fixture.PAGES - 2);
                        long d2 = f.proxy.executeOperation(q, q + 2, HintAction.CODE_KEEP);
                        boolean fromA = Decision.isMl(d2) && Decision.action(d2) == HintAction.CODE_PAGEOUT;
                        boolean fromB = Decision.mlAbstained(d2) && Decision.action(d2) == HintAction.CODE_KEEP;
                        if (!fromA && !fromB) {
                            errors.add("two pages " + q + ": decision " + Long.toHexString(d2));
                        }
                        HintTable table = f.proxy.hintTable().orElseThrow();
                        long age = table.param("min_age_ms").orElseThrow();
                        long quota = table.param("quota_ms").orElseThrow();
                        if (age != quota || table.size() != (age == 1 ? 1 : Fixture.PAGES)) {
                            errors.add("mixed table: min_age_ms " + age + " quota_ms " + quota + " size " + table.size());
                        }
                        decisions.addAndGet(2);
                    } catch (RuntimeException e) {
                        errors.add(e.toString());
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        started.await();
        for (int i = 0; i < 600; i++) {
            byte[] m = i % 2 == 0 ? b : a;
            f.proxy.submitRecommendation(m, 0, m.length);
        }
        // keep swapping until both readers have seen both tables (bounded: the loop above usually suffices)
        for (int i = 0; i < 20_000 && (sawA.get() == 0 || sawB.get() == 0); i++) {
            byte[] m = i % 2 == 0 ? b : a;
            f.proxy.submitRecommendation(m, 0, m.length);
        }
        stop.set(true);
        for (Thread th : threads) {
            th.join();
        }
        assertThat(errors).isEmpty();
        assertThat(decisions.get()).isPositive();
        assertThat(sawA.get()).isPositive();
        assertThat(sawB.get()).isPositive();
        long accepted = f.counter("hints_accepted");
        assertThat(accepted).isEqualTo(f.counter("hints_applied") + f.counter("hints_superseded")
                + f.counter("hints_expired") + f.counter("hints_in_force"));
        assertThat(f.counter("messages_rejected")).isZero();
    }
}
