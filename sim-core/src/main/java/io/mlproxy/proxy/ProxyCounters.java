package io.mlproxy.proxy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Control-path counters of a proxy (guarded by its lock). Invariants, at every point where no
 * message is between preprocessRecommendation and applyRecommendation:
 * messages_written = messages_accepted + messages_rejected (+ messages_pending in between), and
 * hints_accepted = hints_applied + hints_superseded + hints_expired + hints_in_force.
 */
final class ProxyCounters {
    long messagesWritten;
    long messagesAccepted;
    long messagesRejected;
    long messagesPending;
    final long[] rejectedByReason = new long[RejectReason.values().length];
    long hintsAccepted;
    long hintsApplied;
    long hintsSuperseded;
    long hintsExpired;
    long paramHintsAccepted;
    long datasetsPrepared;
    long datasetsDiscarded;
    long extractionFailures;
    long datasetsCorrupted;
    long datasetBytesRead;
    long judgedDecisions;
    long judgedPages;
    long outcomesUnmatched;
    long reInits;

    void reject(RejectReason reason) {
        messagesRejected++;
        rejectedByReason[reason.ordinal()]++;
    }

    Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("messages_written", messagesWritten);
        m.put("messages_accepted", messagesAccepted);
        m.put("messages_rejected", messagesRejected);
        m.put("messages_pending", messagesPending);
        for (RejectReason r : RejectReason.values()) {
            m.put(r.counterName(), rejectedByReason[r.ordinal()]);
        }
        m.put("hints_accepted", hintsAccepted);
        m.put("hints_applied", hintsApplied);
        m.put("hints_superseded", hintsSuperseded);
        m.put("hints_expired", hintsExpired);
        m.put("param_hints_accepted", paramHintsAccepted);
        m.put("datasets_prepared", datasetsPrepared);
        m.put("datasets_discarded", datasetsDiscarded);
        m.put("extraction_failures", extractionFailures);
        m.put("datasets_corrupted", datasetsCorrupted);
        m.put("dataset_bytes_read", datasetBytesRead);
        m.put("judged_decisions", judgedDecisions);
        m.put("judged_pages", judgedPages);
        m.put("outcomes_unmatched", outcomesUnmatched);
        m.put("re_inits", reInits);
        return m;
    }
}
