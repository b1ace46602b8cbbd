package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.workload.AccessStream;
import io.mlproxy.workload.TraceFootprint;
import io.mlproxy.workload.TraceSpec;
import io.mlproxy.workload.Traces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A looped trace keeps its rate and is not re-opened more often than it replays (issue 15: a
 * one-line trace looped at 100000/s replayed 10x the rate and re-opened the file every simulated µs).
 */
class TraceLoopTest {

  @TempDir Path dir;

  /** Every touch of one run: page and time. */
  private static List<long[]> replay(AccessStream s) {
    List<long[]> all = new ArrayList<>();
    int[] pages = new int[1000];
    long[] times = new long[1000];
    int n;
    while ((n = s.read(pages, times, 777)) > 0) {
      for (int i = 0; i < n; i++) {
        all.add(new long[] {pages[i], times[i]});
      }
    }
    s.close();
    return all;
  }

  private TraceSource source(TraceSpec spec, long durationUs, long cached) {
    TraceFootprint f = Traces.scan(spec, Long.MAX_VALUE, Long.MAX_VALUE);
    return new TraceSource(spec, f, true, durationUs, cached);
  }

  /** A source that has not read the trace ahead (time: rate): it learns a pass's length by replaying it. */
  private static TraceSource streamed(TraceSpec spec, long durationUs, long cached) {
    return new TraceSource(spec, null, true, durationUs, cached);
  }

  @Test
  void aOneLineTraceLoopedAtItsRateReplaysExactlyThatRateFromMemory() throws IOException {
    Path one = dir.resolve("one.txt");
    Files.writeString(one, "5\n");
    TraceSource src = source(TraceSpec.plain(one, false, 64, 100_000), 1_000_000, TraceSource.CACHED_TOUCHES);
    List<long[]> first = replay(src.open(null));
    assertThat(first).hasSize(100_000);
    for (int i = 0; i < first.size(); i++) {
      assertThat(first.get(i)[1]).isEqualTo(10L * i);
    }
    // looped from memory: the file is not needed again, by this run or the next
    Files.delete(one);
    assertThat(replay(src.open(null))).hasSize(100_000);
  }

  @Test
  void aLongTraceIsReopenedOncePerPassAndKeepsTheRateGrid() throws IOException {
    Path three = dir.resolve("three.txt");
    Files.writeString(three, "1\n2\n3\n");
    TraceSpec spec = TraceSpec.plain(three, false, 64, 1000);
    // 1000/s for 1 s: 1000 touches on the 1 ms grid, passes of 3 touches re-read from the file,
    // whether the trace was read ahead or not
    for (TraceSource src : List.of(source(spec, 1_000_000, 0), streamed(spec, 1_000_000, 0),
        streamed(spec, 1_000_000, TraceSource.CACHED_TOUCHES))) {
      List<long[]> all = replay(src.open(null));
      assertThat(all).hasSize(1000);
      for (int i = 0; i < all.size(); i++) {
        assertThat(all.get(i)).containsExactly(i % 3, 1000L * i);
      }
      assertThat(src.touchesPerPass()).isEqualTo(3);
    }
  }

  @Test
  void aTraceNotReadAheadIsCheckedAsItIsReplayed() throws IOException {
    Path many = dir.resolve("many.txt");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      b.append(i).append('\n');
    }
    Files.writeString(many, b.toString());
    // 100 distinct pages into an address space of 64: found by the replay, naming memory.pages
    TraceSpec tooSmall = TraceSpec.plain(many, false, 64, 1000);
    for (boolean loop : new boolean[] {false, true}) {
      TraceSource src = new TraceSource(tooSmall, null, loop, 10_000_000, loop ? TraceSource.CACHED_TOUCHES : 0);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> replay(src.open(null)))
          .isInstanceOf(RunCheckException.class)
          .hasMessageContaining("touches more than 64 distinct pages")
          .satisfies(e -> assertThat(((RunCheckException) e).field()).isEqualTo("memory.pages"));
    }
    TraceSource fits = new TraceSource(tooSmall.withPages(100), null, false, 10_000_000);
    assertThat(replay(fits.open(null))).hasSize(100);
    assertThat(fits.touchesPerPass()).isEqualTo(100);
  }

  @Test
  void aTraceWithItsOwnTimesLoopsEverySpanPlusOneMeanGap() throws IOException {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "time,address\n100,7\n110,8\n130,9\n");
    TraceSpec spec = TraceSpec.csv(csv, false, TimeUnit.MICROSECONDS, 64);
    for (long cached : new long[] {0, TraceSource.CACHED_TOUCHES}) {
      // span 30 us over 3 touches: one mean gap is 15 us, a pass every 45 us
      List<long[]> all = replay(source(spec, 200, cached).open(null));
      assertThat(all.stream().map(t -> t[1]).toList())
          .containsExactly(0L, 10L, 30L, 45L, 55L, 75L, 90L, 100L, 120L, 135L, 145L, 165L, 180L, 190L);
      assertThat(all.stream().map(t -> t[0]).distinct().toList()).containsExactly(0L, 1L, 2L);
    }
  }

  @Test
  void withoutLoopTheTraceIsCutAtTheEnd() throws IOException {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "100,7\n110,8\n130,9\n");
    TraceSpec spec = TraceSpec.csv(csv, false, TimeUnit.MICROSECONDS, 64);
    TraceFootprint f = Traces.scan(spec, Long.MAX_VALUE, 20);
    assertThat(f.complete()).isFalse();
    assertThat(f.touches()).isEqualTo(2);
    List<long[]> all = replay(new TraceSource(spec, f, true, 20).open(null));
    assertThat(all.stream().map(t -> t[1]).toList()).containsExactly(0L, 10L);
  }
}
