package io.mlproxy.bench;

import io.mlproxy.proxy.DatasetOperations;
import io.mlproxy.proxy.HintAction;
import io.mlproxy.proxy.MlModelProxy;
import io.mlproxy.proxy.ModeThresholds;
import io.mlproxy.proxy.ModelOperations;
import io.mlproxy.proxy.ProxyConfig;
import io.mlproxy.proxy.Recommendation;
import io.mlproxy.proxy.RecommendationCodec;

/**
 * Builds started proxies for the benchmarks. The clock stands still: a hint table answers a dataset
 * whose age is measured on the proxy's clock, so a moving clock would make it stale mid-run.
 */
final class Proxies {
    /** The time every benchmark proxy lives at, in milliseconds. */
    static final long FIXED_NOW_MS = 1_000_000L;

    private Proxies() {
    }

    /** A proxy over {@code pages} pages, INITIALIZED with default thresholds and STARTED. */
    static MlModelProxy started(String name, long pages, DatasetOperations datasetOps) {
        MlModelProxy proxy = MlModelProxy.create(name, ModelOperations.GENERIC, datasetOps, () -> FIXED_NOW_MS);
        proxy.init(ProxyConfig.forAddressSpace(pages), ModeThresholds.defaults());
        proxy.start();
        return proxy;
    }

    /** Dataset operations writing one region that spans the address space (content is irrelevant here). */
    static DatasetOperations oneRegion(long pages) {
        return sink -> sink.region(0, pages, 0, 0, 0, 1000, 0);
    }

    /**
     * An encoded recommendation answering {@code generation}: {@code hints} region hints, hint i
     * covering [i * stride, i * stride + width), every fourth one KEEP and the rest PAGEOUT, at
     * confidence 800 ‰ (above the default min_confidence of 500 ‰).
     */
    static byte[] stripedRecommendation(long generation, int hints, long stride, long width) {
        return RecommendationCodec.encode(stripedHints(generation, hints, stride, width));
    }

    /** The hints of {@link #stripedRecommendation}, not encoded. */
    static Recommendation stripedHints(long generation, int hints, long stride, long width) {
        Recommendation.Builder b = Recommendation.builder(generation);
        for (int i = 0; i < hints; i++) {
            long start = i * stride;
            int action = (i & 3) == 0 ? HintAction.CODE_KEEP : HintAction.CODE_PAGEOUT;
            b.region(start, start + width, action, 800);
        }
        return b.build();
    }
}
