package io.mlproxy.proxy;

import java.util.List;

/** Builds proxies in every lifecycle state for tests; regions of 64 pages over 4096 pages. */
final class Fixture {
    static final long PAGES = 4096;
    static final List<KnobSpec> KNOBS = List.of(new KnobSpec("min_age_ms", 0, 3_600_000),
            new KnobSpec("quota_bytes", 0, 1L << 40), new KnobSpec("quota_ms", 1, 10_000));

    final ManualClock clock = new ManualClock(1_000);
    final MlModelProxy proxy;
    final ModelOperations ops = new ModelOperations() {
        @Override
        public List<KnobSpec> knobs() {
            return KNOBS;
        }
    };

    Fixture() {
        proxy = MlModelProxy.create("damon-reclaim", ops, Fixture::extract, clock);
    }

    static void extract(DatasetWriter w) {
        for (long s = 0; s < PAGES; s += 64) {
            w.region(s, s + 64, (int) (s / 64 % 20), 3, (int) (s % 7), 1000, 0);
        }
    }

    static Fixture initialized() {
        Fixture f = new Fixture();
        f.proxy.init(ProxyConfig.forAddressSpace(PAGES), ModeThresholds.defaults());
        return f;
    }

    static Fixture started() {
        Fixture f = initialized();
        f.proxy.start();
        return f;
    }

    static Fixture running() {
        Fixture f = started();
        long gen = f.proxy.prepareDataset();
        f.submit(Recommendation.builder(gen).region(0, 64, HintAction.PAGEOUT, 900).build());
        return f;
    }

    static Fixture stopped() {
        Fixture f = running();
        f.proxy.stop();
        return f;
    }

    static Fixture shuttingDown() {
        Fixture f = stopped();
        f.proxy.destroy();
        return f;
    }

    static Fixture inState(ModelState s) {
        switch (s) {
            case CREATED: return new Fixture();
            case INITIALIZED: return initialized();
            case STARTED: return started();
            case RUNNING: return running();
            case STOPPED: return stopped();
            default: return shuttingDown();
        }
    }

    void submit(Recommendation r) {
        byte[] b = RecommendationCodec.encode(r);
        proxy.submitRecommendation(b, 0, b.length);
    }

    private long decisionIds;

    /** A fresh, increasing decision id for estimate_efficiency. */
    long nextDecisionId() {
        return ++decisionIds;
    }

    long counter(String name) {
        return proxy.counters().get(name);
    }
}
