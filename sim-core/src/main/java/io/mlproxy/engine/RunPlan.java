package io.mlproxy.engine;

import io.mlproxy.damon.DamonReclaim;
import io.mlproxy.damon.MonitorConfig;
import io.mlproxy.memory.MemoryConfig;
import io.mlproxy.proxy.ModeThresholds;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.workload.Phase;
import io.mlproxy.workload.RateModel;
import java.util.List;

/**
 * A scenario compiled into the runtime configuration of every component, plus the derived
 * figures (break-even time, feedback window, oracle horizon) that all variants share.
 *
 * @param addressPages pages of the monitored address space
 * @param touchesPerSecond the workload's (mean) rate, for the break-even time
 * @param breakEvenMs B, see {@link io.mlproxy.policy.BreakEven}
 * @param feedbackWindowMs W, the window over which decisions are judged
 * @param oracleHorizonUs how far the oracle looks ahead
 * @param phases the synthetic workload's phases, workload shifts included (empty for a trace)
 * @param rate the workload's rates when it is rate-based ({@code workload.model: rate}), else null:
 *     the run then draws accesses from them instead of replaying {@code workload}'s touches
 */
public record RunPlan(
    Scenario scenario,
    MemoryConfig memory,
    MonitorConfig monitor,
    DamonReclaim reclaim,
    ModeThresholds thresholds,
    int addressPages,
    double touchesPerSecond,
    long breakEvenMs,
    long feedbackWindowMs,
    long oracleHorizonUs,
    List<Phase> phases,
    WorkloadSource workload,
    RateModel rate) {}
