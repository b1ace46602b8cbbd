package io.mlproxy.workload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The normalising sums H(N, s) = Σ k^-s (k = 1..N) of Zipf rankings, computed once per address
 * space and skew (16 Mi terms take about half a second) and shared by every replication and variant.
 */
final class ZipfNorms {

    private static final int KEEP = 16;
    private static final Map<Key, Double> CACHE = new LinkedHashMap<>(KEEP, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Double> eldest) {
            return size() > KEEP;
        }
    };

    private ZipfNorms() {
    }

    private record Key(int pages, double skew) {
    }

    /** H(pages, skew), summed from the smallest term up so the small terms are not lost. */
    static double of(int pages, double skew) {
        Key key = new Key(pages, skew);
        synchronized (CACHE) {
            Double cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        double sum = 0;
        for (int k = pages; k >= 1; k--) {
            sum += PageShare.RankedZipf.weight(k, skew);
        }
        synchronized (CACHE) {
            CACHE.put(key, sum);
        }
        return sum;
    }
}
