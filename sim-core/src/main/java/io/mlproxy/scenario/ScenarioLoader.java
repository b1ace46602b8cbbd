package io.mlproxy.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Loads and validates scenario files. Everything is checked before anything is returned; all
 * problems found are reported together in one {@link ScenarioException}, whatever the input.
 */
public final class ScenarioLoader {

  /** Largest scenario file accepted, in bytes: scenario files are hand-written and small. */
  public static final int MAX_FILE_BYTES = 1 << 20;

  /** The name standard input is given in messages. */
  public static final Path STDIN = Path.of("<stdin>");

  private ScenarioLoader() {}

  /** Reads and validates a scenario file; relative trace and agent program paths are resolved against its folder. */
  public static Scenario load(Path file) {
    return load(file, ScenarioCheck.NONE);
  }

  /** {@link #load(Path)}, then {@code check} on the result, its findings reported like the loader's own. */
  public static Scenario load(Path file, ScenarioCheck check) {
    return parse(readText(file), file, check);
  }

  /** Reads a whole scenario file (a regular file, at most {@link #MAX_FILE_BYTES}) as UTF-8 text. */
  public static String readText(Path file) {
    Problems p = new Problems(file);
    String reason = InputFiles.notRegular(file);
    if (reason != null) {
      p.add((Node) null, ScenarioError.DOCUMENT, "cannot read the file: " + reason);
      p.throwIfAny();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return decode(InputFiles.readBounded(in, MAX_FILE_BYTES), p);
    } catch (IOException | InvalidPathException | SecurityException e) {
      p.add((Node) null, ScenarioError.DOCUMENT, "cannot read the file: " + InputFiles.reason(e));
      p.throwIfAny();
      return null;
    }
  }

  /**
   * Reads scenario text from a stream (standard input: {@code workbench validate -}), at most
   * {@link #MAX_FILE_BYTES}; {@link #STDIN} names it in messages.
   */
  public static String readText(InputStream in) {
    Problems p = new Problems(STDIN);
    try {
      return decode(InputFiles.readBounded(in, MAX_FILE_BYTES), p);
    } catch (IOException e) {
      p.add((Node) null, ScenarioError.DOCUMENT, "cannot read standard input: " + InputFiles.reason(e));
      p.throwIfAny();
      return null;
    }
  }

  /**
   * Validates scenario text; {@code nameForMessages} names the file in errors, and its folder (or
   * the working directory) resolves relative trace paths.
   */
  public static Scenario parse(String text, Path nameForMessages) {
    return parse(text, nameForMessages, ScenarioCheck.NONE);
  }

  /** {@link #parse(String, Path)}, then {@code check} on the result; see {@link ScenarioCheck}. */
  public static Scenario parse(String text, Path nameForMessages, ScenarioCheck check) {
    Problems p = new Problems(nameForMessages);
    Scenario s = parse(text, p);
    check.check(s, p::addAt);
    p.throwIfAny();
    return s;
  }

  /**
   * Every scalar field's bounds as README's tables show them, by path ({@code memory.pages},
   * {@code pattern.zipf.skew}, {@code faults.factor}, ...): "—" for names and flags.
   */
  public static Map<String, String> fieldBounds() {
    Map<String, String> bounds = new java.util.LinkedHashMap<>();
    Fields.all().forEach((path, field) -> bounds.put(path, field.bounds()));
    return java.util.Collections.unmodifiableMap(bounds);
  }

  /** The fields {@code text} gives and the types they were read with, for the README's bounds test. */
  static List<Map.Entry<String, ValueType<?>>> typesRead(String text) {
    Problems p = new Problems(Path.of("types.yaml"));
    try {
      parse(text, p);
    } catch (ScenarioException ignored) {
      // the types read before the error are still listed
    }
    return p.used();
  }

  private static Scenario parse(String text, Problems p) {
    Path nameForMessages = p.file();
    Node root = compose(text, p);
    p.throwIfAny();
    Section top = Section.of(root, "", p);
    p.throwIfAny();

    MonitorSpec monitor = SystemReaders.monitor(top.section("monitor"));
    String name = top.require("name", "", Fields.NAME);
    String description = top.get("description", "", Fields.DESCRIPTION);
    long duration = top.require("duration", -1L, Fields.DURATION);
    if (duration > 0 && p.ok("monitor.aggregation") && duration < monitor.aggregationUs()) {
      top.error("duration", Units.formatDurationUs(duration) + " is shorter than one aggregation interval "
          + "(expected ≥ monitor.aggregation " + Units.formatDurationUs(monitor.aggregationUs()) + ")");
    } else if (duration > 0 && p.ok("monitor.aggregation") && duration / monitor.aggregationUs() > Integer.MAX_VALUE) {
      top.error("duration", Units.formatDurationUs(duration) + " is " + duration / monitor.aggregationUs()
          + " aggregation intervals (expected at most " + Integer.MAX_VALUE + ": a longer duration or a "
          + "longer monitor.aggregation)");
    }
    long knownDuration = p.ok("duration") ? duration : -1;
    long seed = top.get("seed", Scenario.DEFAULT_SEED, Fields.SEED);
    int replications = top.get("replications", Scenario.DEFAULT_REPLICATIONS, Fields.REPLICATIONS);
    List<Variant> variants = variants(top);
    long outputStep = top.get("output_step", monitor.aggregationUs(), Fields.OUTPUT_STEP);
    if (top.has("output_step") && p.ok("output_step", "monitor.aggregation")) {
      if (outputStep % monitor.aggregationUs() != 0) {
        top.error("output_step", "must be a multiple of monitor.aggregation ("
            + Units.formatDurationUs(monitor.aggregationUs()) + "), got " + Units.formatDurationUs(outputStep));
      } else if (knownDuration > 0 && outputStep > knownDuration) {
        top.error("output_step", Units.formatDurationUs(outputStep) + " is longer than the scenario "
            + "(expected ≤ duration " + Units.formatDurationUs(knownDuration) + ")");
      }
    }
    Section objectiveSection = top.section("objective");
    Objective objective = new Objective(
        objectiveSection.get("lambda", Objective.defaults().lambda(), Fields.LAMBDA));
    objectiveSection.finish();

    MemorySpec memory = SystemReaders.memory(top.section("memory"), monitor);
    PolicySpec policy = SystemReaders.policy(top.section("policy"), monitor);
    if (knownDuration > 0 && p.ok("policy.apply_interval") && policy.applyIntervalUs() > knownDuration) {
      p.addAt("policy.apply_interval", Units.formatDurationUs(policy.applyIntervalUs())
          + " is longer than the scenario (expected ≤ duration " + Units.formatDurationUs(knownDuration)
          + ": the scheme would never be applied)");
    }
    ProxySpec proxy = SystemReaders.proxy(top.section("proxy"));
    AgentSpec agent = SystemReaders.agent(top.section("agent"), baseDir(nameForMessages));
    WorkloadSpec workload =
        WorkloadReader.read(top.section("workload"), monitor, knownDuration, baseDir(nameForMessages), memory);
    boolean workloadOk = p.ok("workload");
    List<FaultSpec> faults = FaultReader.read(top, knownDuration, memory, workload, workloadOk);
    OracleSpec oracle = SystemReaders.oracle(top.section("oracle"));
    top.finish();
    p.throwIfAny();
    return new Scenario(name, description, duration, seed, replications, variants, outputStep, objective,
        memory, monitor, policy, proxy, agent, workload, faults, oracle);
  }

  /** Reads a thresholds fragment: a file holding only a {@code thresholds:} mapping, or the mapping itself. */
  public static ThresholdsSpec loadThresholdsFragment(Path file) {
    return parseThresholdsFragment(readText(file), file);
  }

  /** Validates thresholds fragment text; see {@link #loadThresholdsFragment(Path)}. */
  public static ThresholdsSpec parseThresholdsFragment(String text, Path nameForMessages) {
    Problems p = new Problems(nameForMessages);
    Node root = compose(text, p);
    p.throwIfAny();
    Section top = Section.of(root, "", p);
    p.throwIfAny();
    ThresholdsSpec thresholds;
    if (root instanceof MappingNode m && m.getValue().size() == 1
        && m.getValue().get(0).getKeyNode() instanceof ScalarNode k && "thresholds".equals(k.getValue())) {
      thresholds = SystemReaders.thresholds(top.section("thresholds"));
      top.finish();
    } else {
      thresholds = SystemReaders.thresholds(top);
    }
    p.throwIfAny();
    return thresholds;
  }

  private static List<Variant> variants(Section top) {
    List<Node> items = top.list("variants", "a list of variants from none, handcrafted, proxy, ml-only, oracle");
    if (items == null) {
      return Arrays.asList(Variant.values());
    }
    if (items.isEmpty()) {
      top.error("variants", "the list is empty (expected at least one of none, handcrafted, proxy, ml-only, oracle)");
    }
    ValueType<Variant> type = Fields.VARIANT;
    Set<Variant> seen = EnumSet.noneOf(Variant.class);
    List<Variant> variants = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String field = "variants[" + i + "]";
      Variant v = Section.parse(items.get(i), field, type, top.problems());
      if (v != null && !seen.add(v)) {
        top.problems().add(items.get(i), field, "duplicate variant " + v.yamlName() + " (expected each variant once)");
      } else if (v != null) {
        variants.add(v);
      }
    }
    return variants;
  }

  private static Path baseDir(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent != null ? parent : Path.of("").toAbsolutePath();
  }

  private static String decode(byte[] bytes, Problems p) {
    if (bytes == null) {
      p.add((Node) null, ScenarioError.DOCUMENT, "the file has more than " + MAX_FILE_BYTES
          + " bytes (expected at most " + MAX_FILE_BYTES + ": a hand-written scenario)");
      p.throwIfAny();
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      p.add((Node) null, ScenarioError.DOCUMENT, "not UTF-8 text (expected a YAML file in UTF-8)");
      p.throwIfAny();
      return null;
    }
  }

  /** Parses the YAML into nodes (not objects), so that every value keeps its line and column. */
  private static Node compose(String text, Problems p) {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(p.file().toString())
        .setAllowDuplicateKeys(true) // reported by Section, with both lines
        .setUseMarks(true)
        .setMaxAliasesForCollections(50)
        .setCodePointLimit(MAX_FILE_BYTES)
        // the whole text in one buffer: snakeyaml-engine's reader fails on a surrogate pair that
        // straddles the end of its buffer (a valid emoji at character 1,024 with the default size)
        .setBufferSize(text.length() + 2)
        .build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().orElse(e.getContextMark().orElse(null));
      p.add(mark, ScenarioError.DOCUMENT, "invalid YAML: " + yamlMessage(e, text, mark) + " (expected a YAML mapping)");
      return null;
    } catch (StackOverflowError e) {
      p.add((Node) null, ScenarioError.DOCUMENT, "invalid YAML: nested too deeply (expected a YAML mapping)");
      return null;
    } catch (YamlEngineException | IllegalArgumentException | IllegalStateException
        | IndexOutOfBoundsException e) {
      // snakeyaml's reader reports some problems (e.g. non-printable characters) without a mark.
      p.add((Node) null, ScenarioError.DOCUMENT, "invalid YAML: " + firstLine(String.valueOf(e.getMessage()))
          + " (expected a YAML mapping)");
      return null;
    }
    if (root.isEmpty()) {
      p.add((Node) null, ScenarioError.DOCUMENT, "the file is empty (expected a mapping with at least "
          + "name, duration, memory and workload)");
      return null;
    }
    return root.get();
  }

  private static String yamlMessage(MarkedYamlEngineException e, String text, Mark mark) {
    String problem = String.valueOf(e.getProblem());
    if (problem.contains("\\t(TAB)") && mark != null) {
      // snakeyaml-engine blames indentation for every tab it cannot read; say which tab it is
      int lineStart = mark.getIndex() - mark.getColumn();
      String before = text.substring(Math.max(0, lineStart), Math.min(text.length(), mark.getIndex()));
      if (!before.isBlank()) {
        return "a tab after '" + before.strip().charAt(before.strip().length() - 1)
            + "' where a space is expected (tabs may not separate a key, ':' or '-' from what follows; use spaces)";
      }
      return "a tab in the indentation (YAML indents with spaces only)";
    }
    String context = e.getContext() == null ? "" : e.getContext() + ": ";
    return firstLine(context + problem);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
