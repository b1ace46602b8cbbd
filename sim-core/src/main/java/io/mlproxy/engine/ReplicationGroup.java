package io.mlproxy.engine;

import io.mlproxy.scenario.Variant;
import io.mlproxy.workload.AccessStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import nl.tudelft.simulation.jstats.streams.MersenneTwister;

/**
 * Every variant of one replication, run side by side on one workload stream that is produced once
 * ({@link CommonStream}). Each variant runs on its own thread while it holds one of the run's CPU
 * permits, so no more variants compute at once than the run has jobs. Results come back in the
 * order of {@code variants}.
 */
final class ReplicationGroup implements Callable<List<ReplicationResult>> {

  private final RunPlan plan;
  private final List<Variant> variants;
  private final int rep;
  private final long repSeed;
  private final Semaphore cpu;
  private final Runnable variantDone;
  private final RunProfile profile;
  private java.util.concurrent.atomic.LongAdder simulatedUs;
  private boolean readAhead;

  /**
   * @param cpu the run's CPU permits (one per job)
   * @param variantDone told each time a variant has finished
   * @param profile where the time goes (may be {@link RunProfile#NONE})
   */
  ReplicationGroup(RunPlan plan, List<Variant> variants, int rep, long repSeed, Semaphore cpu, Runnable variantDone,
      RunProfile profile) {
    this.plan = plan;
    this.variants = List.copyOf(variants);
    this.rep = rep;
    this.repSeed = repSeed;
    this.cpu = cpu;
    this.variantDone = variantDone;
    this.profile = profile;
  }

  /** Adds the simulated time of every variant, as it passes, to {@code adder} (null: nobody watches). */
  ReplicationGroup reportingTo(java.util.concurrent.atomic.LongAdder adder) {
    this.simulatedUs = adder;
    return this;
  }

  /**
   * Produces the workload stream on a thread of its own, ahead of the variants: for runs whose
   * variants in flight leave a job idle (a one-variant trace replay on 2 cores decodes the trace on
   * one and simulates on the other).
   */
  ReplicationGroup readingAhead(boolean value) {
    this.readAhead = value;
    return this;
  }

  @Override
  public List<ReplicationResult> call() throws Exception {
    if (plan.rate() != null) {
      return rateBased();
    }
    MersenneTwister rng = new MersenneTwister(SeedPlan.streamSeed(repSeed, "workload"));
    // the oracle looks past the run's end where the workload goes on: otherwise every page looks
    // idle in the last horizon and the oracle pages out its whole working set at the end. Only a
    // horizon within the run is extended, so the look-ahead never holds more than RunChecks'
    // bound of rate x min(horizon, duration) touches; the other variants read the same stream cut
    // at the end, which is exactly the stream open() gives (the generator draws in time order).
    long endUs = plan.scenario().durationUs();
    boolean beyond = variants.contains(Variant.ORACLE) && plan.oracleHorizonUs() <= endUs;
    AccessStream source = beyond ? plan.workload().openBeyondEnd(rng, plan.oracleHorizonUs())
        : plan.workload().open(rng);
    if (variants.size() == 1 && !readAhead) {
      // nothing to share: the variant reads the source itself
      if (!profile.enabled()) {
        return List.of(runVariant(variants.get(0), source, () -> 0));
      }
      TimedStream timed = new TimedStream(source);
      try {
        return List.of(runVariant(variants.get(0), timed, timed::nanos));
      } finally {
        profile.addProduction(plan.workload() instanceof TraceSource, timed.nanos());
      }
    }
    CommonStream common = new CommonStream(source, variants.size(), cpu);
    if (readAhead) {
      common.produceAhead("stream-" + plan.scenario().name() + "-" + rep);
    }
    ExecutorService pool = variantThreads();
    try {
      List<Future<ReplicationResult>> futures = new ArrayList<>();
      for (int i = 0; i < variants.size(); i++) {
        Variant v = variants.get(i);
        int index = i;
        AccessStream reader = beyond && v != Variant.ORACLE ? new EndAt(common.reader(i), endUs) : common.reader(i);
        futures.add(pool.submit(() -> {
          try {
            return runVariant(v, reader, () -> common.produceNanos(index));
          } catch (RuntimeException | Error e) {
            // the other variants may be waiting for this one's place in the stream
            common.abort(new IllegalStateException("variant " + v.yamlName() + " of replication " + rep
                + " failed", e));
            throw e;
          } finally {
            reader.close();
          }
        }));
      }
      List<ReplicationResult> results = new ArrayList<>();
      for (Future<ReplicationResult> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          common.abort(new IllegalStateException("replication " + rep + " was stopped"));
          throw failure(e);
        } catch (InterruptedException e) {
          common.abort(new IllegalStateException("replication " + rep + " was interrupted"));
          futures.forEach(x -> x.cancel(true));
          Thread.currentThread().interrupt();
          throw e;
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
      profile.addProduction(plan.workload() instanceof TraceSource, common.produceNanos());
    }
  }

  /**
   * Rate-based runs share no stream: each variant draws its accesses from the rates with the
   * workload's seed (the same accesses in every variant), side by side under the CPU permits.
   */
  private List<ReplicationResult> rateBased() throws Exception {
    if (variants.size() == 1) {
      return List.of(runVariant(variants.get(0), null, () -> 0));
    }
    ExecutorService pool = variantThreads();
    try {
      List<Future<ReplicationResult>> futures = new ArrayList<>();
      for (Variant v : variants) {
        futures.add(pool.submit(() -> runVariant(v, null, () -> 0)));
      }
      List<ReplicationResult> results = new ArrayList<>();
      for (Future<ReplicationResult> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          futures.forEach(x -> x.cancel(true));
          throw failure(e);
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs variant {@code v} holding a CPU permit; {@code production} tells how long its thread spent
   * producing the stream, which the profile counts apart from its simulation.
   */
  private ReplicationResult runVariant(Variant v, AccessStream stream, LongSupplier production)
      throws InterruptedException {
    cpu.acquire();
    try {
      ReplicationModel model = new ReplicationModel(plan, v, rep, repSeed, rep == 1, stream, profile.enabled());
      if (simulatedUs != null) {
        model.reportingTo(simulatedUs);
      }
      ReplicationResult result = model.run();
      profile.addSimulation(v, Math.max(0, model.cpuNanos() - production.getAsLong()));
      return result;
    } finally {
      cpu.release();
      variantDone.run();
    }
  }

  /** The touches of {@code source} before {@code endUs}: a variant's view of a stream the oracle reads past the end. */
  static final class EndAt implements AccessStream, TickReader.Lending {
    private final AccessStream source;
    private final long endUs;
    private boolean ended;

    EndAt(AccessStream source, long endUs) {
      this.source = source;
      this.endUs = endUs;
    }

    @Override
    public int pages() {
      return source.pages();
    }

    @Override
    public int read(int[] pages, long[] timesUs, int max) {
      if (ended) {
        return 0;
      }
      int n = source.read(pages, timesUs, max);
      if (n == 0) {
        ended = true;
        return 0;
      }
      return cut(timesUs, 0, n);
    }

    /** Lends when its source does (a common stream's reader); a source that copies is read by copying. */
    @Override
    public boolean lends() {
      return source instanceof TickReader.Lending lending && lending.lends();
    }

    @Override
    public boolean lend(TickReader.Run into) {
      if (ended) {
        return false;
      }
      if (!((TickReader.Lending) source).lend(into)) {
        ended = true;
        return false;
      }
      into.to = cut(into.times, into.from, into.to);
      return into.to > into.from;
    }

    /**
     * The end of the touches {@code [from, to)} before {@code endUs}: {@code to}, or the first
     * touch at or past the end, where the stream ends. Times never decrease, so the last touch tells
     * whether any is past the end.
     */
    private int cut(long[] times, int from, int to) {
      if (times[to - 1] < endUs) {
        return to;
      }
      ended = true;
      int i = from;
      while (i < to && times[i] < endUs) {
        i++;
      }
      return i;
    }

    @Override
    public void close() {
      source.close();
    }
  }

  /** A stream that counts the CPU time spent reading its source (trace decoding or generation). */
  private static final class TimedStream implements AccessStream {
    private static final java.lang.management.ThreadMXBean CPU =
        java.lang.management.ManagementFactory.getThreadMXBean();

    private final AccessStream source;
    private long nanos;

    TimedStream(AccessStream source) {
      this.source = source;
    }

    long nanos() {
      return nanos;
    }

    @Override
    public int pages() {
      return source.pages();
    }

    @Override
    public int read(int[] pages, long[] timesUs, int max) {
      long start = CPU.getCurrentThreadCpuTime();
      int n = source.read(pages, timesUs, max);
      nanos += CPU.getCurrentThreadCpuTime() - start;
      return n;
    }

    @Override
    public void close() {
      source.close();
    }
  }

  /** The failure of a variant's task, as thrown on its own thread (errors as they are). */
  private static RuntimeException failure(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException re) {
      return re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(String.valueOf(cause.getMessage()), cause);
  }

  /** One daemon thread per variant of this replication. */
  private ExecutorService variantThreads() {
    return Executors.newFixedThreadPool(variants.size(), r -> {
      Thread t = new Thread(r, "replication-" + rep);
      t.setDaemon(true);
      return t;
    });
  }
}
