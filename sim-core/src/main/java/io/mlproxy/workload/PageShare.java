package io.mlproxy.workload;

/**
 * Where one pattern's touches go while its parameters stay fixed: the probability that one of its
 * touches lands on a page (summing to 1 over the address space), exactly the distribution its
 * {@link PageSampler} draws from. A rate epoch multiplies it by the pattern's share of the rate.
 */
sealed interface PageShare {

    /** Probability that a touch of this pattern goes to {@code page}. */
    double of(int page);

    /**
     * This share for one replication: a scrambled Zipf ranking is drawn per replication (as each
     * touch stream draws its own), keyed by {@code key}; every other share is the same for all.
     */
    default PageShare bind(long key) {
        return this;
    }

    /** A hot set of {@code hot} pages from {@code first} (wrapping), {@code hotShare} of the touches; the rest uniform. */
    record HotRange(int pages, int first, int hot, double hotShare) implements PageShare {
        @Override
        public double of(int page) {
            int cold = pages - hot;
            long offset = page - (long) first;
            if (offset < 0) {
                offset += pages;
            }
            if (offset < hot) {
                return cold == 0 ? 1.0 / hot : hotShare / hot;
            }
            return (1.0 - hotShare) / cold;
        }
    }

    /** Every page of [base, base + span) equally likely (uniform, growth's working set). */
    record Range(int base, int span) implements PageShare {
        @Override
        public double of(int page) {
            return page >= base && page - base < span ? 1.0 / span : 0.0;
        }
    }

    /**
     * A periodic region while hot ({@code regionShare} of the touches inside, the rest outside) or
     * cold ({@code regionShare} 0); averaged over the period when its halves are shorter than a tick.
     */
    record Region(int pages, int first, int size, double regionShare) implements PageShare {
        @Override
        public double of(int page) {
            int outside = pages - size;
            boolean inside = page >= first && page - first < size;
            if (outside == 0) {
                return 1.0 / size;
            }
            return inside ? regionShare / size : (1.0 - regionShare) / outside;
        }
    }

    /**
     * Zipf popularity: the page of rank k gets {@code k^-skew / H}, H the generalised harmonic number
     * of the address space. Unscrambled, page p has rank p + 1; scrambled, the ranks are spread by a
     * {@link PagePermutation} drawn per replication ({@link #bind}).
     */
    record ZipfRanks(int pages, double skew, boolean scrambled) implements PageShare {
        @Override
        public double of(int page) {
            return RankedZipf.weight(page + 1, skew) / ZipfNorms.of(pages, skew);
        }

        @Override
        public PageShare bind(long key) {
            return new RankedZipf(skew, ZipfNorms.of(pages, skew), scrambled ? new PagePermutation(pages, key) : null);
        }
    }

    /** A Zipf ranking bound to one replication's permutation (null: unscrambled). */
    record RankedZipf(double skew, double norm, PagePermutation permutation) implements PageShare {
        @Override
        public double of(int page) {
            int rank = (permutation == null ? page : permutation.inverse(page)) + 1;
            return weight(rank, skew) / norm;
        }

        static double weight(int rank, double skew) {
            return Math.exp(-skew * Math.log(rank));
        }
    }
}
