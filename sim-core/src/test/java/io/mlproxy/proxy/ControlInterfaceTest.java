package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sysfs-like text interface: commands, options, attributes, and malformed input changing nothing. */
class ControlInterfaceTest {

    private static Errno errnoOf(Runnable r) {
        try {
            r.run();
        } catch (MlLibException e) {
            return e.errno();
        }
        throw new AssertionError("no MlLibException");
    }

    @Test
    void theAgentDrivesTheLifecycleThroughText() {
        Fixture f = Fixture.initialized();
        ControlInterface ci = new ControlInterface(f.proxy);
        assertThat(ci.read("state")).isEqualTo("INITIALIZED\n");
        assertThat(ci.read("mode")).isEqualTo("EMERGENCY\n");
        assertThat(ci.read("dataset_state")).isEqualTo("none\n");
        assertThat(ci.write("control", "START\n")).isEqualTo(6);
        assertThat(ci.read("state")).isEqualTo("STARTED\n");
        ci.write("control", "PREPARE_DATASET");
        assertThat(ci.read("dataset_generation")).isEqualTo("1\n");
        assertThat(ci.read("dataset_state")).isEqualTo("CLEAN\n");
        assertThat(ci.read("dataset_size")).isEqualTo((48 + 64 * 40) + "\n");
        assertThat(ci.read("address_space_pages")).isEqualTo("4096\n");
        assertThat(ci.read("knobs")).isEqualTo("min_age_ms 0 3600000\nquota_bytes 0 1099511627776\nquota_ms 1 10000\n");
        ci.write("control", "DISCARD_DATASET");
        assertThat(ci.read("dataset_state")).isEqualTo("OBSOLETE\n");
        ci.write("control", "STOP");
        assertThat(ci.read("state")).isEqualTo("STOPPED\n");
        ci.write("control", "RE_INIT learning_share=200 window=5000");
        Map<String, Long> th = ControlInterface.parseKeyValues(ci.read("thresholds"));
        assertThat(th).containsEntry("learning_share", 200L).containsEntry("window", 5000L)
                .containsEntry("min_dwell", 2000L).hasSize(12);
        assertThat(ci.read("state")).isEqualTo("INITIALIZED\n");
        assertThat(ci.read("forced_mode")).isEqualTo("none\n");
        f.proxy.forceMode(SystemMode.RECOMMENDATION);
        assertThat(ci.read("forced_mode")).isEqualTo("RECOMMENDATION\n");
        assertThat(ci.read("last_reject")).isEqualTo("none\n");
        assertThat(ci.read("hint_generation")).isEqualTo("0\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "start", "START now", "START\nSTOP", "FLY", "RE_INIT window", "RE_INIT =5",
            "RE_INIT window=", "RE_INIT window=abc", "RE_INIT window=-5", "RE_INIT window=0", "RE_INIT foo=1",
            "RE_INIT window=1 window=2", "RE_INIT learning_share=1001", "RE_INIT window=99999999999999999999",
            "PREPARE_DATASET x=1", "RE_INIT\twindow=5"})
    void malformedCommandsAreEinvalAndChangeNothing(String command) {
        Fixture f = Fixture.stopped();
        ControlInterface ci = new ControlInterface(f.proxy);
        SystemState before = f.proxy.getSystemState();
        assertThat(errnoOf(() -> ci.write("control", command))).isEqualTo(Errno.EINVAL);
        assertThat(f.proxy.getSystemState()).isEqualTo(before);
    }

    @Test
    void illegalCommandsForTheStateKeepTheirErrno() {
        Fixture f = Fixture.running();
        ControlInterface ci = new ControlInterface(f.proxy);
        assertThat(errnoOf(() -> ci.write("control", "START"))).isEqualTo(Errno.EBUSY);
        assertThat(errnoOf(() -> ci.write("control", "RE_INIT window=5000"))).isEqualTo(Errno.EBUSY);
        assertThat(f.proxy.thresholds().windowMs()).isEqualTo(10_000);
    }

    @Test
    void attributesAreReadOnlyExceptControl() {
        ControlInterface ci = new ControlInterface(Fixture.started().proxy);
        assertThat(errnoOf(() -> ci.write("state", "RUNNING"))).isEqualTo(Errno.EPERM);
        assertThat(errnoOf(() -> ci.write("nope", "x"))).isEqualTo(Errno.ENOENT);
        assertThat(errnoOf(() -> ci.read("control"))).isEqualTo(Errno.EPERM);
        assertThat(errnoOf(() -> ci.read("nope"))).isEqualTo(Errno.ENOENT);
        for (String a : ControlInterface.READABLE) {
            assertThat(ci.read(a)).endsWith("\n");
        }
    }

    @Test
    void countersAreKeyValueLinesWithConsistentTotals() {
        Fixture f = Fixture.running();
        ControlInterface ci = new ControlInterface(f.proxy);
        byte[] junk = new byte[40];
        f.proxy.executeOperation(0, 10, 0);
        new DataChannel(f.proxy).writeRecommendation(junk, 0, junk.length);
        Map<String, Long> c = ControlInterface.parseKeyValues(ci.read("counters"));
        assertThat(c.get("messages_written")).isEqualTo(2);
        assertThat(c.get("messages_accepted")).isEqualTo(1);
        assertThat(c.get("messages_rejected")).isEqualTo(1);
        assertThat(c.get("rejected_bad_magic")).isEqualTo(1);
        assertThat(c.get("decisions_default")).isEqualTo(1);
        assertThat(c).containsKeys("hints_in_force", "hints_applied", "feedback_dropped", "mode_transitions");
        assertThat(ci.read("last_reject")).startsWith("BAD_MAGIC EBADMSG");
    }
}
