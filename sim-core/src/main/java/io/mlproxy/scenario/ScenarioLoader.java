package io.mlproxy.scenario;

import static io.mlproxy.scenario.ValueType.durationUs;
import static io.mlproxy.scenario.ValueType.intRange;
import static io.mlproxy.scenario.ValueType.longRange;
import static io.mlproxy.scenario.ValueType.number;

import java.io.IOException;
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
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
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

  private static final String NAME_FORM = "a name of lower-case letters, digits, '_' and '-'";

  private ScenarioLoader() {}

  /** Reads and validates a scenario file; relative trace and agent program paths are resolved against its folder. */
  public static Scenario load(Path file) {
    Problems p = new Problems(file);
    String text = read(file, p);
    p.throwIfAny();
    return parse(text, file);
  }

  /**
   * Validates scenario text; {@code nameForMessages} names the file in errors, and its folder (or
   * the working directory) resolves relative trace paths.
   */
  public static Scenario parse(String text, Path nameForMessages) {
    Problems p = new Problems(nameForMessages);
    Node root = compose(text, p);
    p.throwIfAny();
    Section top = Section.of(root, "", p);
    p.throwIfAny();

    MonitorSpec monitor = SystemReaders.monitor(top.section("monitor"));
    String name = top.require("name", "", ValueType.matching("[a-z0-9_-]+", NAME_FORM));
    String description = top.get("description", "", ValueType.string());
    long duration = top.require("duration", -1L, durationUs(1));
    if (duration > 0 && p.ok("monitor.aggregation") && duration < monitor.aggregationUs()) {
      top.error("duration", Units.formatDurationUs(duration) + " is shorter than one aggregation interval "
          + "(expected ≥ monitor.aggregation " + Units.formatDurationUs(monitor.aggregationUs()) + ")");
    }
    long knownDuration = p.ok("duration") ? duration : -1;
    long seed = top.get("seed", Scenario.DEFAULT_SEED, longRange(1, Long.MAX_VALUE));
    int replications = top.get("replications", Scenario.DEFAULT_REPLICATIONS, intRange(1, 1000));
    List<Variant> variants = variants(top);
    long outputStep = top.get("output_step", monitor.aggregationUs(), durationUs(1));
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
        objectiveSection.get("lambda", Objective.defaults().lambda(), number(0, false, Double.MAX_VALUE)));
    objectiveSection.finish();

    MemorySpec memory = SystemReaders.memory(top.section("memory"), monitor);
    PolicySpec policy = SystemReaders.policy(top.section("policy"), monitor);
    ProxySpec proxy = SystemReaders.proxy(top.section("proxy"));
    AgentSpec agent = SystemReaders.agent(top.section("agent"), baseDir(nameForMessages));
    WorkloadSpec workload =
        WorkloadReader.read(top.section("workload"), monitor, knownDuration, baseDir(nameForMessages));
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
    Problems p = new Problems(file);
    String text = read(file, p);
    p.throwIfAny();
    return parseThresholdsFragment(text, file);
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
    ValueType<Variant> type = ValueType.oneOf(Variant.class, Variant::yamlName);
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

  private static String read(Path file, Problems p) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        p.add((Node) null, ScenarioError.DOCUMENT, "the file has " + size + " bytes (expected at most "
            + MAX_FILE_BYTES + ": a hand-written scenario)");
        return null;
      }
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      p.add((Node) null, ScenarioError.DOCUMENT, "not UTF-8 text (expected a YAML file in UTF-8)");
    } catch (IOException | InvalidPathException | SecurityException e) {
      p.add((Node) null, ScenarioError.DOCUMENT, "cannot read the file: " + describe(e));
    }
    return null;
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** Parses the YAML into nodes (not objects), so that every value keeps its line and column. */
  private static Node compose(String text, Problems p) {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(p.file().toString())
        .setAllowDuplicateKeys(true) // reported by Section, with both lines
        .setUseMarks(true)
        .setMaxAliasesForCollections(50)
        .setCodePointLimit(MAX_FILE_BYTES)
        .build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      p.add(e.getProblemMark().orElse(e.getContextMark().orElse(null)), ScenarioError.DOCUMENT,
          "invalid YAML: " + yamlMessage(e) + " (expected a YAML mapping)");
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

  private static String yamlMessage(MarkedYamlEngineException e) {
    String context = e.getContext() == null ? "" : e.getContext() + ": ";
    return firstLine(context + e.getProblem());
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
