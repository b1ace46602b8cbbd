package io.mlproxy.workload;

import java.util.List;
import java.util.SplittableRandom;

/** The touch stream of a {@link SyntheticWorkload}; time advances on an exact per-second rate grid. */
final class SyntheticStream implements AccessStream {
    private final int pages;
    private final List<Phase> phases;
    private final SplittableRandom rnd;
    private final long durationUs;

    private int phaseIndex = -1;
    private long phaseStartUs;
    private long nextPhaseStartUs;
    /** Active samplers of the current phase and their cumulative weights. */
    private PageSampler[] samplers = new PageSampler[0];
    private double[] cumulative = new double[0];
    private int active;

    private final RateClock clock;
    private boolean ended;

    SyntheticStream(SyntheticWorkload workload, SplittableRandom rnd, long durationUs) {
        this.pages = workload.pages();
        this.clock = new RateClock(workload.rateTouchesPerSec());
        this.phases = workload.phases();
        this.rnd = rnd;
        this.durationUs = durationUs;
        enterNextPhase();
    }

    @Override
    public int pages() {
        return pages;
    }

    @Override
    public int read(int[] pageOut, long[] timeOut, int max) {
        int n = 0;
        while (n < max && !ended) {
            long t = clock.nowUs();
            while (t >= nextPhaseStartUs) {
                enterNextPhase();
            }
            if (t >= durationUs) {
                ended = true;
                break;
            }
            if (active == 0) {
                // every pattern of this phase is exhausted: idle until the next phase, or end
                if (nextPhaseStartUs == Long.MAX_VALUE) {
                    ended = true;
                } else {
                    clock.restartAt(nextPhaseStartUs);
                }
                continue;
            }
            int page = draw(t - phaseStartUs);
            if (page == PageSampler.EXHAUSTED) {
                continue;
            }
            pageOut[n] = page;
            timeOut[n] = t;
            n++;
            clock.tick();
        }
        return n;
    }

    private int draw(long phaseTimeUs) {
        int chosen = 0;
        if (active > 1) {
            double u = rnd.nextDouble() * cumulative[active - 1];
            while (chosen < active - 1 && u >= cumulative[chosen]) {
                chosen++;
            }
        }
        int page = samplers[chosen].next(rnd, phaseTimeUs);
        if (page == PageSampler.EXHAUSTED) {
            remove(chosen);
        }
        return page;
    }

    private void remove(int index) {
        double weight = cumulative[index] - (index == 0 ? 0.0 : cumulative[index - 1]);
        for (int i = index; i < active - 1; i++) {
            samplers[i] = samplers[i + 1];
            cumulative[i] = cumulative[i + 1] - weight;
        }
        active--;
    }

    private void enterNextPhase() {
        phaseIndex++;
        Phase phase = phases.get(phaseIndex);
        phaseStartUs = phase.startUs();
        nextPhaseStartUs = phaseIndex + 1 < phases.size() ? phases.get(phaseIndex + 1).startUs() : Long.MAX_VALUE;
        List<WeightedPattern> mix = phase.mix();
        samplers = new PageSampler[mix.size()];
        cumulative = new double[mix.size()];
        double sum = 0.0;
        for (int i = 0; i < mix.size(); i++) {
            samplers[i] = mix.get(i).pattern().sampler(pages, rnd);
            sum += mix.get(i).weight();
            cumulative[i] = sum;
        }
        active = mix.size();
    }

    @Override
    public void close() {
        ended = true;
    }
}
