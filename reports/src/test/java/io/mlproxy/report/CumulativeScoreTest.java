package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CumulativeScoreTest {

  private static TimeSeries series(double[] resident, double[] footprint, double[] accessUs) {
    int n = resident.length;
    double[][] cols = new double[SeriesColumn.values().length][n];
    for (int i = 0; i < n; i++) {
      cols[SeriesColumn.TIME_S.ordinal()][i] = i + 1;
    }
    cols[SeriesColumn.RESIDENT_PAGES.ordinal()] = resident;
    cols[SeriesColumn.FOOTPRINT_PAGES.ordinal()] = footprint;
    cols[SeriesColumn.ACCESS_TIME_US.ordinal()] = accessUs;
    return new TimeSeries(cols, new Mode[n]);
  }

  @Test
  void handComputedCumulativeScore() {
    TimeSeries none = series(new double[] {100, 100, 100}, new double[] {100, 100, 100},
        new double[] {10, 10, 20});
    TimeSeries v = series(new double[] {80, 60, 40}, new double[] {100, 100, 100},
        new double[] {11, 12, 30});
    double[] s = CumulativeScoreChart.cumulativeScore(v, none, 0.5);
    // t=1: saving 1-80/100 = 0.2,  slowdown (11-10)/10 = 0.1,  score 0.2-0.05 = 0.15
    // t=2: saving 1-140/200 = 0.3, slowdown (23-20)/20 = 0.15, score 0.3-0.075 = 0.225
    // t=3: saving 1-180/300 = 0.4, slowdown (53-40)/40 = 0.325, score 0.4-0.1625 = 0.2375
    assertThat(s[0]).isCloseTo(0.15, within(1e-12));
    assertThat(s[1]).isCloseTo(0.225, within(1e-12));
    assertThat(s[2]).isCloseTo(0.2375, within(1e-12));
    // without none: the saving alone
    assertThat(CumulativeScoreChart.cumulativeScore(v, null, 0.5)).containsExactly(
        new double[] {0.2, 0.3, 0.4}, within(1e-12));
  }

  @Test
  void faultSpansPairInjectionWithClearingAndDeduplicateAcrossVariants() {
    List<Event> events = List.of(
        new Event(10, "handcrafted", 1, Event.FAULT_INJECTED, "", "", "agent_crash"),
        new Event(15, "handcrafted", 1, Event.FAULT_CLEARED, "", "", "agent_crash"),
        new Event(10, "proxy", 1, Event.FAULT_INJECTED, "", "", "agent_crash"),
        new Event(15, "proxy", 1, Event.FAULT_CLEARED, "", "", "agent_crash"),
        new Event(30, "proxy", 1, Event.FAULT_INJECTED, "", "", "bad_crc_burst"),
        new Event(12, "proxy", 2, Event.FAULT_INJECTED, "", "", "agent_crash"));
    assertThat(CumulativeScoreChart.faultSpans(events, 60)).containsExactly(
        new CumulativeScoreChart.FaultSpan(10, 15, "agent_crash"),
        new CumulativeScoreChart.FaultSpan(30, 60, "bad_crc_burst"));
  }
}
