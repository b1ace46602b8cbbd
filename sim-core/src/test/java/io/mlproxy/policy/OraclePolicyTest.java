package io.mlproxy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import io.mlproxy.workload.AccessStream;
import io.mlproxy.workload.Lookahead;
import org.junit.jupiter.api.Test;

class OraclePolicyTest {

  /** Pages 0..4 every 100 ms for 10 s; pages 5..9 once at time 0. */
  private static final class TwoGroups implements AccessStream {
    private long t;
    private boolean coldDone;

    @Override
    public int pages() {
      return 10;
    }

    @Override
    public int read(int[] pages, long[] times, int max) {
      int n = 0;
      if (!coldDone) {
        for (int p = 5; p < 10; p++) {
          pages[n] = p;
          times[n++] = 0;
        }
        coldDone = true;
      }
      while (n + 5 <= max && t <= 10_000_000) {
        for (int p = 0; p < 5; p++) {
          pages[n] = p;
          times[n++] = t;
        }
        t += 100_000;
      }
      return n;
    }

    @Override
    public void close() {}
  }

  @Test
  void pagesOutExactlyThePagesWithoutAFutureTouch() {
    Memory memory = new Memory(MemoryConfig.withDefaults(10, 10));
    Lookahead future = new Lookahead(new TwoGroups(), 1_000_000);
    int[] pages = new int[64];
    long[] times = new long[64];
    int n = future.readUntil(pages, times, 64, 500_000);
    for (int i = 0; i < n; i++) {
      memory.touch(pages[i], times[i]);
    }
    future.advanceTo(500_000);
    OraclePolicy oracle = new OraclePolicy(memory, future, 128L << 20, 10, 1000);
    oracle.apply(500_000);
    for (int p = 0; p < 5; p++) {
      assertThat(memory.isResident(p)).as("hot page %d", p).isTrue();
    }
    for (int p = 5; p < 10; p++) {
      assertThat(memory.isPagedOut(p)).as("cold page %d", p).isTrue();
    }
  }

  @Test
  void theBudgetIsDamonsEffectiveSizeQuota() {
    Memory memory = new Memory(MemoryConfig.withDefaults(10, 10));
    Lookahead future = new Lookahead(new TwoGroups(), 1_000_000);
    // 8 KiB per window = 2 pages of 4 KiB; 10 ms at 5 us per page would allow 2000
    OraclePolicy oracle = new OraclePolicy(memory, future, 8192, 10, 1000);
    assertThat(oracle.pagesPerWindow()).isEqualTo(2);
    // no size and no time quota: unlimited
    assertThat(new OraclePolicy(memory, future, 0, 0, 1000).pagesPerWindow()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void onALargeSpaceOneApplicationExaminesAtMostTheLimitAndGoesOnFromThere() {
    int pages = 3 * OraclePolicy.MAX_EXAMINED;
    Memory memory = new Memory(MemoryConfig.withDefaults(pages, pages));
    for (int p = 0; p < pages; p++) {
      memory.touch(p, 0);
    }
    // only the last page is never touched again; everything else is touched within the horizon
    int[] asked = new int[1];
    io.mlproxy.workload.AccessFuture future = new io.mlproxy.workload.AccessFuture() {
      @Override
      public int pages() {
        return pages;
      }

      @Override
      public boolean touchedWithin(int page) {
        asked[0]++;
        return page != pages - 1;
      }
    };
    OraclePolicy oracle = new OraclePolicy(memory, future, 0, 0, 1000);
    oracle.apply(100_000);
    assertThat(asked[0]).isEqualTo(OraclePolicy.MAX_EXAMINED);
    assertThat(memory.isPagedOut(pages - 1)).isFalse();
    oracle.apply(200_000);
    oracle.apply(300_000);
    assertThat(asked[0]).isEqualTo(pages);
    assertThat(memory.isPagedOut(pages - 1)).isTrue();
    assertThat(memory.residentPages()).isEqualTo(pages - 1);
  }
}
