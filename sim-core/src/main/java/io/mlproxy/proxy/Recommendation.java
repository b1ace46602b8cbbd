package io.mlproxy.proxy;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * One recommendation message of the agent: the dataset generation it answers, region hints
 * (start page, exclusive end page, action code, confidence ‰) and parameter hints (named integer
 * knobs). Immutable. Only instances produced by {@link RecommendationCodec#decode} are "validated"
 * and may be applied; the {@link Builder} is for agents and tests that encode messages.
 */
public final class Recommendation {
    final long generation;
    final long[] starts;
    final long[] ends;
    final int[] actions;
    final int[] confidences;
    final String[] knobNames;
    final long[] knobValues;
    final boolean validated;
    /** The proxy whose preprocess_recommendation produced this message (guarded by that proxy's lock). */
    Object ingestedBy;
    /** Set once apply_recommendation consumed it (guarded by that proxy's lock). */
    boolean consumed;

    Recommendation(long generation, long[] starts, long[] ends, int[] actions, int[] confidences,
                   String[] knobNames, long[] knobValues, boolean validated) {
        this.generation = generation;
        this.starts = starts;
        this.ends = ends;
        this.actions = actions;
        this.confidences = confidences;
        this.knobNames = knobNames;
        this.knobValues = knobValues;
        this.validated = validated;
    }

    /** Starts a message answering {@code generation}. */
    public static Builder builder(long generation) {
        return new Builder(generation);
    }

    /** The dataset generation this message answers. */
    public long generation() {
        return generation;
    }

    /** Number of region hints. */
    public int regionCount() {
        return starts.length;
    }

    /** First page of region hint i. */
    public long startPage(int i) {
        return starts[i];
    }

    /** Exclusive end page of region hint i. */
    public long endPage(int i) {
        return ends[i];
    }

    /** Action code of region hint i. */
    public int action(int i) {
        return actions[i];
    }

    /** Confidence of region hint i, per mille. */
    public int confidence(int i) {
        return confidences[i];
    }

    /** Number of parameter hints. */
    public int paramCount() {
        return knobNames.length;
    }

    /** Knob name of parameter hint i. */
    public String paramName(int i) {
        return knobNames[i];
    }

    /** Value of parameter hint i. */
    public long paramValue(int i) {
        return knobValues[i];
    }

    /** The recommended value of a knob, if this message names it. */
    public OptionalLong param(String name) {
        for (int i = 0; i < knobNames.length; i++) {
            if (knobNames[i].equals(name)) {
                return OptionalLong.of(knobValues[i]);
            }
        }
        return OptionalLong.empty();
    }

    /** True when this instance passed {@link RecommendationCodec#decode}'s checks. */
    public boolean validated() {
        return validated;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Recommendation)) {
            return false;
        }
        Recommendation r = (Recommendation) o;
        return generation == r.generation && Arrays.equals(starts, r.starts) && Arrays.equals(ends, r.ends)
                && Arrays.equals(actions, r.actions) && Arrays.equals(confidences, r.confidences)
                && Arrays.equals(knobNames, r.knobNames) && Arrays.equals(knobValues, r.knobValues);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(generation) * 31 + Arrays.hashCode(starts) * 7 + Arrays.hashCode(knobValues);
    }

    @Override
    public String toString() {
        return "Recommendation[generation=" + generation + ", regions=" + starts.length + ", params="
                + knobNames.length + "]";
    }

    /** Collects hints for encoding; performs no validation (the proxy does that on ingest). */
    public static final class Builder {
        private final long generation;
        private long[] starts = new long[8];
        private long[] ends = new long[8];
        private int[] actions = new int[8];
        private int[] confidences = new int[8];
        private int regions;
        private final java.util.List<String> names = new java.util.ArrayList<>();
        private final java.util.List<Long> values = new java.util.ArrayList<>();

        private Builder(long generation) {
            this.generation = generation;
        }

        /** Adds a region hint [startPage, endPage) with an action code and a confidence per mille. */
        public Builder region(long startPage, long endPage, int action, int confidencePermille) {
            if (regions == starts.length) {
                int n = regions * 2;
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
                actions = Arrays.copyOf(actions, n);
                confidences = Arrays.copyOf(confidences, n);
            }
            starts[regions] = startPage;
            ends[regions] = endPage;
            actions[regions] = action;
            confidences[regions] = confidencePermille;
            regions++;
            return this;
        }

        /** Adds a region hint with a {@link HintAction}. */
        public Builder region(long startPage, long endPage, HintAction action, int confidencePermille) {
            return region(startPage, endPage, action.code(), confidencePermille);
        }

        /** Adds a parameter hint. */
        public Builder param(String knob, long value) {
            names.add(knob);
            values.add(value);
            return this;
        }

        /** The (unvalidated) message. */
        public Recommendation build() {
            long[] v = new long[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i);
            }
            return new Recommendation(generation, Arrays.copyOf(starts, regions), Arrays.copyOf(ends, regions),
                    Arrays.copyOf(actions, regions), Arrays.copyOf(confidences, regions),
                    names.toArray(new String[0]), v, false);
        }
    }
}
