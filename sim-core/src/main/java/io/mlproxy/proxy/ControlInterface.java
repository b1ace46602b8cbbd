package io.mlproxy.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sysfs-like text interface of a proxy, the only control path the user-space agent uses.
 *
 * <p>Writable attribute {@code control} takes one command per write (a trailing newline is allowed):
 * {@code START}, {@code STOP}, {@code PREPARE_DATASET}, {@code DISCARD_DATASET}, or
 * {@code RE_INIT [name=value ...]} where names are the {@link ModeThresholds#OPTION_NAMES} and
 * values are non-negative decimal integers (per mille, ms, counts). Only RE_INIT takes options. A
 * malformed or unknown command fails with EINVAL before anything changes.
 *
 * <p>Read-only attributes (each value ends with a newline): {@code state}, {@code mode},
 * {@code forced_mode} ("none" or a mode), {@code dataset_generation}, {@code dataset_state}
 * ("none" or a state), {@code dataset_size} (bytes), {@code hint_generation},
 * {@code address_space_pages}, {@code knobs} ("name min max" per line), {@code thresholds} and
 * {@code counters} ("key value" per line), {@code last_reject}. Unknown attributes fail with ENOENT,
 * reading {@code control} or writing anything else with EPERM.
 */
public final class ControlInterface {
    /** The only writable attribute. */
    public static final String CONTROL = "control";
    /** Readable attributes. */
    public static final List<String> READABLE = List.of("state", "mode", "forced_mode", "dataset_generation",
            "dataset_state", "dataset_size", "hint_generation", "address_space_pages", "knobs", "thresholds",
            "counters", "last_reject");

    private final MlModelProxy proxy;

    /** The interface of one proxy. */
    public ControlInterface(MlModelProxy proxy) {
        this.proxy = proxy;
    }

    /** Writes {@code value} to an attribute; returns the number of characters consumed, like sysfs store. */
    public int write(String attribute, String value) {
        if (!CONTROL.equals(attribute)) {
            throw new MlLibException(READABLE.contains(attribute) ? Errno.EPERM : Errno.ENOENT,
                    "attribute '" + attribute + "' is not writable");
        }
        if (value == null) {
            throw new MlLibException(Errno.EINVAL, "control: empty command");
        }
        String line = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        String[] words = line.trim().split(" +");
        if (line.isBlank() || line.indexOf('\n') >= 0 || line.indexOf('\t') >= 0) {
            throw new MlLibException(Errno.EINVAL, "control: expected one command on one line, got '" + value + "'");
        }
        String command = words[0];
        if (!"RE_INIT".equals(command) && words.length > 1) {
            throw new MlLibException(Errno.EINVAL, "control: " + command + " takes no options");
        }
        switch (command) {
            case "START":
                proxy.start();
                break;
            case "STOP":
                proxy.stop();
                break;
            case "PREPARE_DATASET":
                proxy.prepareDataset();
                break;
            case "DISCARD_DATASET":
                proxy.discardDataset();
                break;
            case "RE_INIT":
                reInit(words);
                break;
            default:
                throw new MlLibException(Errno.EINVAL, "control: unknown command '" + command + "'");
        }
        return value.length();
    }

    /** Reads an attribute's text. */
    public String read(String attribute) {
        if (attribute == null) {
            throw new MlLibException(Errno.ENOENT, "no attribute");
        }
        switch (attribute) {
            case "state":
                return proxy.state() + "\n";
            case "mode":
                return proxy.mode() + "\n";
            case "forced_mode":
                return proxy.forcedMode().map(Enum::name).orElse("none") + "\n";
            case "dataset_generation":
                return proxy.datasetGeneration() + "\n";
            case "dataset_state":
                return proxy.datasetState().map(Enum::name).orElse("none") + "\n";
            case "dataset_size":
                return proxy.datasetSizeBytes() + "\n";
            case "hint_generation":
                return proxy.hintTable().map(HintTable::generation).orElse(0L) + "\n";
            case "address_space_pages":
                return (proxy.config() == null ? 0 : proxy.config().addressSpacePages()) + "\n";
            case "knobs": {
                StringBuilder sb = new StringBuilder();
                for (KnobSpec k : proxy.knobs()) {
                    sb.append(k.name()).append(' ').append(k.min()).append(' ').append(k.max()).append('\n');
                }
                return sb.toString();
            }
            case "thresholds": {
                ModeThresholds t = proxy.thresholds();
                StringBuilder sb = new StringBuilder();
                if (t != null) {
                    for (String n : ModeThresholds.OPTION_NAMES) {
                        sb.append(n).append(' ').append(t.get(n)).append('\n');
                    }
                }
                return sb.toString();
            }
            case "counters": {
                StringBuilder sb = new StringBuilder();
                for (Map.Entry<String, Long> e : proxy.counters().entrySet()) {
                    sb.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
                }
                return sb.toString();
            }
            case "last_reject":
                return proxy.lastReject() + "\n";
            case CONTROL:
                throw new MlLibException(Errno.EPERM, "attribute 'control' is write-only");
            default:
                throw new MlLibException(Errno.ENOENT, "no attribute '" + attribute + "'");
        }
    }

    /** Parses "key value" lines (as in {@code counters}) into a map; for agents and tests. */
    public static Map<String, Long> parseKeyValues(String text) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] kv = line.split(" ");
            if (kv.length != 2) {
                throw new MlLibException(Errno.EINVAL, "malformed line '" + line + "'");
            }
            try {
                m.put(kv[0], Long.parseLong(kv[1]));
            } catch (NumberFormatException e) {
                throw new MlLibException(Errno.EINVAL, "malformed number in line '" + line + "'");
            }
        }
        return m;
    }

    private void reInit(String[] words) {
        ModeThresholds current = proxy.thresholds();
        if (current == null) {
            throw new MlLibException(Errno.EINVAL, "RE_INIT: model not initialized");
        }
        List<String> seen = new ArrayList<>();
        ModeThresholds next = current;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            int eq = w.indexOf('=');
            if (eq <= 0 || eq == w.length() - 1) {
                throw new MlLibException(Errno.EINVAL, "RE_INIT: option '" + w + "' is not name=value");
            }
            String key = w.substring(0, eq);
            String val = w.substring(eq + 1);
            if (!ModeThresholds.OPTION_NAMES.contains(key)) {
                throw new MlLibException(Errno.EINVAL, "RE_INIT: unknown option '" + key + "'");
            }
            if (seen.contains(key)) {
                throw new MlLibException(Errno.EINVAL, "RE_INIT: option '" + key + "' given twice");
            }
            seen.add(key);
            if (!val.chars().allMatch(c -> c >= '0' && c <= '9') || val.length() > 18) {
                throw new MlLibException(Errno.EINVAL, "RE_INIT: value of '" + key + "' is not a non-negative"
                        + " integer: '" + val + "'");
            }
            try {
                next = next.with(key, Long.parseLong(val));
            } catch (IllegalArgumentException e) {
                throw new MlLibException(Errno.EINVAL, "RE_INIT: " + e.getMessage());
            }
        }
        proxy.reInit(next);
    }
}
