package io.mlproxy.agent.external;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened to an external agent during one run. Invariants once the run is closed:
 * processes_started = processes_exited + processes_timed_out + processes_broke_protocol
 * + processes_killed_by_fault + processes_ended_at_close (+ processes_failed_to_start counted apart:
 * they never ran), and wakeups = wakeups_completed + wakeups_failed + wakeups_abandoned.
 */
public final class ExternalAgentStats {
  long processesStarted;
  long processesFailedToStart;
  long processesExited;
  long processesTimedOut;
  long processesBrokeProtocol;
  long processesKilledByFault;
  long processesEndedAtClose;
  long processesKilledAtClose;
  long restartsRefused;
  long wakeups;
  long wakeupsCompleted;
  long wakeupsFailed;
  long wakeupsAbandoned;
  long framesReceived;
  long framesSent;
  long framesRejected;
  long messagesWritten;
  long datasetBytesRead;

  /** The counters by name, in a stable order. */
  public Map<String, Long> asMap() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("processes_started", processesStarted);
    m.put("processes_failed_to_start", processesFailedToStart);
    m.put("processes_exited", processesExited);
    m.put("processes_timed_out", processesTimedOut);
    m.put("processes_broke_protocol", processesBrokeProtocol);
    m.put("processes_killed_by_fault", processesKilledByFault);
    m.put("processes_ended_at_close", processesEndedAtClose);
    m.put("processes_killed_at_close", processesKilledAtClose);
    m.put("restarts_refused", restartsRefused);
    m.put("wakeups", wakeups);
    m.put("wakeups_completed", wakeupsCompleted);
    m.put("wakeups_failed", wakeupsFailed);
    m.put("wakeups_abandoned", wakeupsAbandoned);
    m.put("frames_received", framesReceived);
    m.put("frames_sent", framesSent);
    m.put("frames_rejected", framesRejected);
    m.put("messages_written", messagesWritten);
    m.put("dataset_bytes_read", datasetBytesRead);
    return m;
  }
}
