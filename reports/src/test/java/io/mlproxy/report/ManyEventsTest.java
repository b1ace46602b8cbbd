package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report step is near-linear in its input: 20,000 faults in a 2 s scenario rendered in 6
 * minutes because the fault spans scanned events.csv once per injection.
 */
class ManyEventsTest {

  @TempDir Path dir;

  /** The span pairing as it was (one scan per injection), as the reference of what it computes. */
  private static List<CumulativeScoreChart.FaultSpan> quadratic(List<Event> events, double end) {
    TreeMap<String, CumulativeScoreChart.FaultSpan> spans = new TreeMap<>();
    List<Event> rep1 = events.stream().filter(e -> e.rep() == 1).toList();
    for (Event e : rep1) {
      if (!e.kind().equals(Event.FAULT_INJECTED)) {
        continue;
      }
      double to = end;
      for (Event c : rep1) {
        if (c.kind().equals(Event.FAULT_CLEARED) && c.variant().equals(e.variant())
            && c.reason().equals(e.reason()) && c.timeS() >= e.timeS()) {
          to = c.timeS();
          break;
        }
      }
      String key = String.format(java.util.Locale.ROOT, "%020.6f|%s", e.timeS(), e.reason());
      spans.putIfAbsent(key, new CumulativeScoreChart.FaultSpan(e.timeS(), to, e.reason()));
    }
    return new ArrayList<>(spans.values());
  }

  @Provide
  Arbitrary<List<Event>> faultEvents() {
    Arbitrary<Event> event = net.jqwik.api.Combinators.combine(
        Arbitraries.integers().between(0, 40).map(t -> t / 4.0),
        Arbitraries.of("proxy", "handcrafted"),
        Arbitraries.integers().between(1, 2),
        Arbitraries.of(Event.FAULT_INJECTED, Event.FAULT_CLEARED, Event.MODE_TRANSITION),
        Arbitraries.of("agent_crash", "agent_slow"))
        .as((t, v, rep, kind, reason) -> new Event(t, v, rep, kind, "", "", reason));
    return event.list().ofMaxSize(40);
  }

  @Property(tries = 300)
  void theLinearPairingIsThePairingItReplaced(@ForAll("faultEvents") List<Event> events) {
    assertThat(CumulativeScoreChart.faultSpans(events, 12)).isEqualTo(quadratic(events, 12));
  }

  @Test
  void aReportOf20000FaultsIsWritten() throws IOException {
    ResultsFixture f = new ResultsFixture();
    f.reps = 1;
    f.steps = 20;
    Path scenario = f.write(dir);
    StringBuilder ev = new StringBuilder();
    for (String v : f.variants) {
      for (int i = 0; i < 4_000; i++) {
        double t = i * 0.0005;
        ev.append(ResultsFixture.num(t)).append(',').append(v).append(",1,fault_injected,,,,,,,agent_crash\n");
        ev.append(ResultsFixture.num(t + 0.00005)).append(',').append(v).append(",1,fault_cleared,,,,,,,agent_crash\n");
      }
    }
    Files.writeString(scenario.resolve("events.csv"), ev.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    ScenarioResults r = ScenarioResults.load(scenario);
    assertThat(r.events().stream().filter(e -> e.kind().equals(Event.FAULT_INJECTED)).count())
        .isGreaterThanOrEqualTo(20_000);
    // a guard against a hang, not a speed target (the quadratic pairing took minutes here)
    Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120), () -> ScenarioReport.write(scenario));
    String html = Files.readString(scenario.resolve("report.html"));
    assertThat(html).as(html.replaceAll("(?s).*(Shaded: injected faults[^<]*).*", "$1"))
        .containsPattern("Shaded: injected faults \\(400\\d faults drawn as \\d+ bands");
    List<CumulativeScoreChart.FaultSpan> spans = CumulativeScoreChart.faultSpans(r.events(), 2);
    assertThat(spans).hasSizeGreaterThanOrEqualTo(4_000);
    List<CumulativeScoreChart.Band> bands = CumulativeScoreChart.bands(spans, 2);
    assertThat(bands).hasSizeLessThanOrEqualTo(CumulativeScoreChart.MAX_BANDS);
    assertThat(bands.stream().mapToInt(CumulativeScoreChart.Band::count).sum()).isEqualTo(spans.size());
    assertThat(bands.get(0).from()).isZero();
  }
}
