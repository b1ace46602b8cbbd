package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.agent.external.ChildProcesses;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.Variant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real failures of the agent process: each run completes, the proxy falls back to EMERGENCY while
 * the agent is gone and comes back once a new process delivers, the counters balance, and no
 * process is left behind.
 */
class ExternalAgentFailureTest {

  private static final String AGENT = "../agents/python/tests/misbehaving_agent.py";

  static ReplicationResult run(String mode, String extraAgent) {
    return run(mode, "1s", extraAgent);
  }

  static ReplicationResult run(String mode, String replyTimeout, String extraAgent) {
    String agent = "  model: external\n  command: [python3, " + AGENT + ", " + mode + ", \"10\"]\n"
        + "  horizon: 8s\n  reply_timeout: " + replyTimeout + "\n  restart_delay: 5s\n" + extraAgent;
    Scenario s = TinyScenario.withAgent(25, agent, "");
    ExperimentRunner.Options o =
        new ExperimentRunner.Options(List.of(Variant.PROXY), 1, null, 1, "test", (d, t) -> {});
    RunPlan plan = ScenarioCompiler.compile(ExperimentRunner.withOverrides(s, o));
    return ExperimentRunner.simulate(plan, 1, (d, t) -> {}).stream()
        .filter(r -> r.outcome().variant() == Variant.PROXY).findFirst().orElseThrow();
  }

  static void assertBalanced(ReplicationResult r) {
    Map<String, Long> a = r.agentCounters();
    assertThat(a.get("processes_started"))
        .as("every process started ended: %s", a)
        .isEqualTo(a.get("processes_exited") + a.get("processes_timed_out") + a.get("processes_broke_protocol")
            + a.get("processes_killed_by_fault") + a.get("processes_ended_at_close"));
    assertThat(a.get("wakeups")).as("wake-ups: %s", a)
        .isEqualTo(a.get("wakeups_completed") + a.get("wakeups_failed") + a.get("wakeups_abandoned"));
    Map<String, Long> c = r.proxyCounters();
    assertThat(c.get("messages_written"))
        .isEqualTo(c.get("messages_accepted") + c.get("messages_rejected") + c.get("messages_pending"));
    assertThat(c.get("hints_accepted")).isEqualTo(c.get("hints_applied") + c.get("hints_superseded")
        + c.get("hints_expired") + c.get("hints_in_force"));
  }

  static void assertNoAgentLeft() {
    assertThat(ChildProcesses.live()).isZero();
    assertThat(ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("misbehaving_agent"))
        .toList()).isEmpty();
  }

  @AfterEach
  void noneLeft() {
    assertNoAgentLeft();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "die,      processes_exited,         exited",
    "hang,     processes_timed_out,      hung",
    "garbage,  processes_broke_protocol, frame length",
    "huge,     processes_broke_protocol, frame length 104857601",
    "close,    processes_broke_protocol, closed inside",
  })
  void aFailedProcessSendsTheProxyToEmergencyAndANewOneBringsItBack(String mode, String counter, String text) {
    ReplicationResult r = run(mode, "");
    assertThat(r.rows()).hasSize(250); // the run completed: 25 s of 100 ms rows
    assertThat(r.agentCounters().get(counter)).as("%s", r.agentCounters()).isEqualTo(1);
    assertThat(r.agentCounters().get("processes_started")).isEqualTo(2);
    assertThat(r.events()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(EventLog.AGENT_ERROR);
      assertThat(e.timeUs()).isBetween(10_000_000L, 11_000_000L);
      assertThat(e.reason()).contains(text).contains("restarting in 5.0 s");
    });
    List<EventLog.Entry> modes =
        r.events().stream().filter(e -> e.kind().equals(EventLog.MODE_TRANSITION)).toList();
    EventLog.Entry down = modes.stream()
        .filter(e -> e.timeUs() > 10_000_000L && e.to().equals("EMERGENCY")).findFirst().orElseThrow();
    // the last hints were at most 1 s old at the failure and go stale 3 s later
    assertThat(down.timeUs()).isLessThanOrEqualTo(14_100_000L);
    EventLog.Entry back = modes.stream()
        .filter(e -> e.timeUs() > down.timeUs() && e.to().equals("LEARNING")).findFirst().orElseThrow();
    assertThat(back.timeUs()).isBetween(15_000_000L, 20_000_000L);
    assertThat(new String(r.agentLog(), StandardCharsets.UTF_8))
        .contains("started incarnation 0").contains("started incarnation 1").contains("end of run");
    assertBalanced(r);
  }

  @org.junit.jupiter.api.Test
  void anAgentThatNeverEndsItsWakeUpIsStoppedAfterTenReplyTimeouts() {
    ReplicationResult r = run("busy", "200ms", "");
    assertThat(r.agentCounters().get("processes_timed_out")).isEqualTo(1);
    assertThat(r.events()).anySatisfy(e -> assertThat(e.reason()).contains("did not end (DONE) within 2000 ms"));
    assertThat(r.agentCounters().get("processes_started")).isEqualTo(2);
    assertBalanced(r);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"exit"})
  void anAgentThatExitsAtOnceIsRestartedAndTheProxyLeavesEmergencyAfterwards(String mode) {
    ReplicationResult r = run(mode, "");
    assertThat(r.agentCounters().get("processes_exited")).isEqualTo(1);
    assertThat(r.agentCounters().get("processes_started")).isEqualTo(2);
    List<EventLog.Entry> modes =
        r.events().stream().filter(e -> e.kind().equals(EventLog.MODE_TRANSITION)).toList();
    assertThat(modes).first().satisfies(e -> {
      assertThat(e.to()).isEqualTo("LEARNING");
      assertThat(e.timeUs()).isBetween(5_000_000L, 9_000_000L);
    });
    assertThat(r.events()).filteredOn(e -> e.kind().equals(EventLog.AGENT_ERROR)).first()
        .satisfies(e -> assertThat(e.reason()).contains("exit status 3"));
    assertBalanced(r);
  }

  @org.junit.jupiter.api.Test
  void injectedCorruptionStalenessAndSlownessActOnTheExternalAgentExactlyAsOnTheBuiltInOne() {
    String faults = "faults:\n  - {type: corrupt_recommendations, at: 6s, count: 2}\n"
        + "  - {type: stale_recommendations, at: 10s, duration: 4s}\n"
        + "  - {type: agent_slow, at: 16s, duration: 5s, factor: 4}\n";
    ExperimentRunner.Options o =
        new ExperimentRunner.Options(List.of(Variant.PROXY), 1, null, 1, "test", (d, t) -> {});
    ReplicationResult builtIn = ExperimentRunner.simulate(ScenarioCompiler.compile(ExperimentRunner.withOverrides(
        TinyScenario.withAgent(25, "  horizon: 8s\n", faults), o)), 1, (d, t) -> {}).get(1);
    ReplicationResult external = ExperimentRunner.simulate(ScenarioCompiler.compile(ExperimentRunner.withOverrides(
        TinyScenario.withAgent(25, ExternalAgentRunTest.REFERENCE, faults), o)), 1, (d, t) -> {}).get(1);
    assertThat(external.outcome().variant()).isEqualTo(Variant.PROXY);
    assertThat(external.proxyCounters().get("rejected_bad_crc") + external.proxyCounters().get("rejected_bad_magic")
        + external.proxyCounters().get("rejected_bad_length")).isEqualTo(2);
    assertThat(external.proxyCounters().get("rejected_stale_generation")).isPositive();
    assertThat(external.proxyCounters()).isEqualTo(builtIn.proxyCounters());
    assertThat(external.events()).isEqualTo(builtIn.events());
    assertThat(external.rows()).isEqualTo(builtIn.rows());
    assertBalanced(external);
  }

  @org.junit.jupiter.api.Test
  void anInjectedCrashKillsTheProcessAndTheRestartStartsANewOne() {
    Scenario s = TinyScenario.withAgent(25, ExternalAgentRunTest.REFERENCE, "faults:\n  - {type: agent_crash, at: 8s, duration: 6s}\n");
    ExperimentRunner.Options o =
        new ExperimentRunner.Options(List.of(Variant.PROXY), 1, null, 1, "test", (d, t) -> {});
    ReplicationResult r = ExperimentRunner.simulate(ScenarioCompiler.compile(ExperimentRunner.withOverrides(s, o)), 1, (d, t) -> {})
        .get(1);
    assertThat(r.agentCounters().get("processes_killed_by_fault")).isEqualTo(1);
    assertThat(r.agentCounters().get("processes_started")).isEqualTo(2);
    List<EventLog.Entry> modes =
        r.events().stream().filter(e -> e.kind().equals(EventLog.MODE_TRANSITION)).toList();
    EventLog.Entry down = modes.stream()
        .filter(e -> e.timeUs() > 8_000_000L && e.to().equals("EMERGENCY")).findFirst().orElseThrow();
    assertThat(down.timeUs()).isLessThanOrEqualTo(12_100_000L);
    assertThat(modes).anySatisfy(e -> {
      assertThat(e.timeUs()).isGreaterThan(14_000_000L);
      assertThat(e.to()).isEqualTo("LEARNING");
    });
    assertThat(new String(r.agentLog(), StandardCharsets.UTF_8)).contains("injected crash: killing incarnation 0");
    assertBalanced(r);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"badframe", "badrec", "flood"})
  void misbehaviourThatKeepsTheFramingIsRejectedAndTheSameProcessGoesOn(String mode) {
    ReplicationResult r = run(mode, "  log_limit: 64KiB\n");
    assertThat(r.agentCounters().get("processes_started")).isEqualTo(1);
    assertThat(r.rows()).hasSize(250);
    String log = new String(r.agentLog(), StandardCharsets.UTF_8);
    switch (mode) {
      case "badframe" -> {
        assertThat(r.agentCounters().get("frames_rejected")).isEqualTo(1);
        assertThat(log).contains("rejected frame 0x99");
      }
      case "badrec" -> {
        assertThat(r.proxyCounters().get("messages_rejected")).isEqualTo(1);
        assertThat(r.events()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(EventLog.RECOMMENDATION_REJECTED));
      }
      default -> {
        assertThat(r.agentLog().length).isLessThan(64 * 1024 + 200);
        assertThat(log).contains("bytes dropped").contains("end of run");
      }
    }
    assertBalanced(r);
  }
}
