package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlproxy.workload.AccessStream;
import io.mlproxy.workload.SyntheticWorkload;
import io.mlproxy.workload.Zipf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.tudelft.simulation.jstats.streams.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The variants of a replication read one stream: each gets every touch, none waits for good. */
class CommonStreamTest {

  private static AccessStream zipf() {
    // a million touches: about 31 chunks
    return SyntheticWorkload.of(4096, 1_000_000, new Zipf(0.9, true)).open(new MersenneTwister(3), 1_000_000);
  }

  /** zipf() counting the touches read from it into {@code read}, counting {@code closed} down on close. */
  private static AccessStream counting(AtomicInteger read, java.util.concurrent.CountDownLatch closed) {
    return new AccessStream() {
      private final AccessStream s = zipf();

      @Override
      public int pages() {
        return s.pages();
      }

      @Override
      public int read(int[] pages, long[] timesUs, int max) {
        int n = s.read(pages, timesUs, max);
        read.addAndGet(n);
        return n;
      }

      @Override
      public void close() {
        s.close();
        closed.countDown();
      }
    };
  }

  /** A stream that gives three full batches and then fails like a damaged trace. */
  private static AccessStream failingAfterThreeReads() {
    return new AccessStream() {
      private int reads;

      @Override
      public int pages() {
        return 10;
      }

      @Override
      public int read(int[] pages, long[] timesUs, int max) {
        if (++reads > 3) {
          throw new IllegalStateException("trace damaged at touch " + 3 * max);
        }
        java.util.Arrays.fill(pages, 0, max, 1);
        return max;
      }

      @Override
      public void close() {}
    };
  }

  /** Every touch of a stream as page << 32 | low bits of the time, read in batches of {@code batch}. */
  private static long[] drain(AccessStream s, int batch, int pauseEvery) throws InterruptedException {
    List<Long> all = new ArrayList<>();
    int[] pages = new int[batch];
    long[] times = new long[batch];
    int n;
    int reads = 0;
    while ((n = s.read(pages, times, batch)) > 0) {
      for (int i = 0; i < n; i++) {
        all.add((long) pages[i] << 32 | (times[i] & 0xFFFFFFFFL));
      }
      if (pauseEvery > 0 && ++reads % pauseEvery == 0) {
        Thread.sleep(1);
      }
    }
    s.close();
    return all.stream().mapToLong(Long::longValue).toArray();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void everyReaderGetsEveryTouchInOrderWithFewerPermitsThanReaders() throws Exception {
    long[] expected = drain(zipf(), 8192, 0);
    for (int permits : new int[] {1, 2}) {
      Semaphore cpu = new Semaphore(permits, true);
      CommonStream common = new CommonStream(zipf(), 5, cpu);
      ExecutorService pool = Executors.newFixedThreadPool(5);
      try {
        List<Future<long[]>> got = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
          AccessStream reader = common.reader(r);
          int batch = 1000 + 3000 * r; // uneven batches: the readers drift apart
          int pause = r == 4 ? 3 : 0; // one slow reader holds the others back by the window
          got.add(pool.submit(() -> {
            cpu.acquire();
            try {
              return drain(reader, batch, pause);
            } finally {
              cpu.release();
            }
          }));
        }
        for (Future<long[]> f : got) {
          assertThat(f.get()).as("with %d permits", permits).isEqualTo(expected);
        }
        assertThat(cpu.availablePermits()).isEqualTo(permits);
        assertThat(common.produceNanos()).isPositive();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aReaderAheadWaitsForTheSlowestSoTheWindowStaysBounded() throws Exception {
    AtomicInteger read = new AtomicInteger();
    AccessStream counting = counting(read, new java.util.concurrent.CountDownLatch(1));
    CommonStream common = new CommonStream(counting, 2, null);
    AccessStream fast = common.reader(0);
    AccessStream slow = common.reader(1);
    Thread t = new Thread(() -> {
      try {
        drain(fast, 8192, 0);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    t.start();
    // the slow reader has not read anything: the fast one may run at most WINDOW chunks ahead
    t.join(2000);
    assertThat(t.isAlive()).isTrue();
    assertThat(read.get()).isLessThanOrEqualTo(CommonStream.WINDOW * CommonStream.CHUNK);
    drain(slow, 8192, 0);
    t.join(10_000);
    assertThat(t.isAlive()).isFalse();
    // and the source was read once for both
    assertThat(read.get()).isEqualTo(drain(zipf(), 8192, 0).length);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aFailingSourceFailsEveryReaderAndAnAbortWakesThoseWaiting() throws Exception {
    AccessStream failing = failingAfterThreeReads();
    CommonStream common = new CommonStream(failing, 2, null);
    for (int r = 0; r < 2; r++) {
      AccessStream reader = common.reader(r);
      assertThatThrownBy(() -> drain(reader, 4096, 0)).hasMessageContaining("trace damaged");
    }

    CommonStream other = new CommonStream(zipf(), 2, null);
    AccessStream ahead = other.reader(0);
    Future<?> waiting = Executors.newSingleThreadExecutor().submit(() -> drain(ahead, 8192, 0));
    Thread.sleep(200); // the reader ahead now waits for reader 1, which never reads
    other.abort(new IllegalStateException("variant proxy of replication 1 failed"));
    assertThatThrownBy(waiting::get).hasRootCauseMessage("variant proxy of replication 1 failed");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aProducerAheadChangesNothingReadStopsWhenTheReaderClosesAndPassesFailuresOn() throws Exception {
    long[] expected = drain(zipf(), 8192, 0);
    CommonStream common = new CommonStream(zipf(), 1, new Semaphore(1));
    AccessStream first = common.reader(0);
    common.produceAhead("test-ahead");
    // before the reader reads anything, the thread produces on its own
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (common.produceNanos() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(common.produceNanos()).isPositive();
    assertThat(common.produceNanos(0)).isZero();
    assertThat(drain(first, 5000, 7)).isEqualTo(expected);
    assertThat(common.produceNanos(0)).isLessThan(common.produceNanos());

    // a reader that stops early: the producer stops too, within the window, and closes the source
    AtomicInteger read = new AtomicInteger();
    java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    AccessStream counting = counting(read, closed);
    CommonStream stopped = new CommonStream(counting, 1, null);
    stopped.produceAhead("test-ahead-2");
    AccessStream reader = stopped.reader(0);
    reader.read(new int[100], new long[100], 100);
    reader.close();
    assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(read.get()).isLessThanOrEqualTo((CommonStream.WINDOW + 2) * CommonStream.CHUNK);

    AccessStream failing = failingAfterThreeReads();
    CommonStream broken = new CommonStream(failing, 1, null);
    broken.produceAhead("test-ahead-3");
    AccessStream victim = broken.reader(0);
    assertThatThrownBy(() -> drain(victim, 4096, 0)).hasMessageContaining("trace damaged");
  }

  /** Every touch a tick reader hands out, tick by tick, as tick << 48 | page. */
  private static long[] ticks(TickReader reader, long tickUs, long untilUs) {
    List<Long> all = new ArrayList<>();
    for (long end = tickUs; end <= untilUs; end += tickUs) {
      long tick = end / tickUs;
      reader.until(end, (pages, from, to) -> {
        for (int i = from; i < to; i++) {
          all.add(tick << 48 | pages[i]);
        }
      });
    }
    reader.close();
    return all.stream().mapToLong(Long::longValue).toArray();
  }

  /** {@code s} behind a stream that only copies (no lending), as any other source does. */
  private static AccessStream copying(AccessStream s) {
    return new AccessStream() {
      @Override
      public int pages() {
        return s.pages();
      }

      @Override
      public int read(int[] pages, long[] timesUs, int max) {
        return s.read(pages, timesUs, max);
      }

      @Override
      public void close() {
        s.close();
      }
    };
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void lentRunsCutIntoTheSameTicksAsCopiedBatchesWhileOtherReadersMoveTheWindow() throws Exception {
    long tickUs = 700; // not a divisor of anything: ticks straddle batches and chunks
    long[] expected = ticks(TickReader.of(zipf(), 8192), tickUs, 1_000_000 + tickUs);
    CommonStream common = new CommonStream(zipf(), 3, new Semaphore(3));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<long[]>> got = new ArrayList<>();
      AccessStream lending = common.reader(0);
      assertThat(lending).isInstanceOf(TickReader.Lending.class);
      got.add(pool.submit(() -> ticks(TickReader.of(lending, 8192), tickUs, 1_000_000 + tickUs)));
      AccessStream copied = copying(common.reader(1));
      got.add(pool.submit(() -> ticks(TickReader.of(copied, 1000), tickUs, 1_000_000 + tickUs)));
      // a reader far ahead: chunks behind the slowest are recycled, so a lent chunk must stay put
      AccessStream ahead = common.reader(2);
      got.add(pool.submit(() -> drain(ahead, 4096, 0)));
      assertThat(got.get(0).get()).isEqualTo(expected);
      assertThat(got.get(1).get()).isEqualTo(expected);
      assertThat(got.get(2).get()).hasSize(1_000_000);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theEndOfALendingStreamCutsTheRunAtItsFirstTouchAtOrPastTheEnd() {
    // the end at a touch's very time: that touch is past the end
    long[] firstTimes = new long[200_000];
    AccessStream probe = zipf();
    for (int n = 0; n < firstTimes.length; ) {
      long[] times = new long[firstTimes.length - n];
      int k = probe.read(new int[times.length], times, times.length);
      System.arraycopy(times, 0, firstTimes, n, k);
      n += k;
    }
    probe.close();
    long endUs = firstTimes[123_457];
    assertThat(endUs).isGreaterThan(firstTimes[123_456]);
    long[] expected = ticks(TickReader.of(new ReplicationGroup.EndAt(zipf(), endUs), 8192), 1000, 400_000);
    CommonStream common = new CommonStream(zipf(), 1, null);
    ReplicationGroup.EndAt lent = new ReplicationGroup.EndAt(common.reader(0), endUs);
    assertThat(lent.lends()).isTrue();
    long[] got = ticks(TickReader.of(lent, 8192), 1000, 400_000);
    assertThat(got).isEqualTo(expected);
    assertThat(got).isNotEmpty();
    assertThat(got).hasSize(123_457);
    assertThat(got[got.length - 1] >>> 48).isEqualTo((firstTimes[123_456] + 1000) / 1000); // the last tick before the end
    // a source that copies is read by copying: the expected ticks above came that way
    assertThat(new ReplicationGroup.EndAt(copying(zipf()), endUs).lends()).isFalse();
  }
}
