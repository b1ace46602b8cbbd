package io.mlproxy.sweep;

import io.mlproxy.engine.Csv;
import io.mlproxy.engine.ExperimentRunner;
import io.mlproxy.engine.ReplicationExecutor;
import io.mlproxy.engine.ReplicationResult;
import io.mlproxy.engine.ReplicationTask;
import io.mlproxy.engine.ResultsFolder;
import io.mlproxy.engine.ResultsWriter;
import io.mlproxy.engine.RunPlan;
import io.mlproxy.engine.ScenarioCompiler;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioCheck;
import io.mlproxy.scenario.ScenarioEdit;
import io.mlproxy.scenario.ScenarioError;
import io.mlproxy.scenario.ScenarioException;
import io.mlproxy.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A sweep: every point of a grid of field values is the scenario with those values, a full run
 * with the scenario's seeds (common random numbers: point k and point j see the same replication
 * seeds). All points' tasks go to the executor together; the submitting process then writes
 * {@code <out>/<name>/} in one swap: {@code sweep.csv}, {@code sweep.properties}, the report, and
 * {@code points/<point>/}, each a complete results folder.
 */
public final class Sweep {

  /** Most points of one sweep. */
  public static final int MAX_POINTS = 1000;

  /** Files of a sweep's folder. */
  public static final String CSV = "sweep.csv";

  public static final String PROPERTIES = "sweep.properties";
  public static final String POINTS = "points";

  private Sweep() {}

  /** Everything a sweep runs: its points, the text and scenario of each (options applied). */
  public record Plan(Path file, String name, List<SweepParam> params, List<SweepPoint> points,
      List<String> texts, List<Scenario> scenarios) {}

  /** The problems of a sweep's parameters and points, all of them. */
  public static final class Problems extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    Problems(List<String> problems) {
      super(String.join("\n", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /**
   * Checks the parameters against {@code text} (fields, types, bounds), then loads every point as
   * a scenario with {@code checks} (the run checks, options applied), reporting every problem.
   *
   * @param original the scenario as loaded from {@code text} (already checked)
   * @param overrides the command's options (variants, replications, seed) applied to a point
   * @throws Problems all problems found, each naming the parameter or point, the field and the value
   */
  public static Plan prepare(Path file, String text, Scenario original, List<String> paramTexts,
      ScenarioCheck checks, java.util.function.UnaryOperator<Scenario> overrides) {
    List<String> problems = new ArrayList<>();
    List<SweepParam> params = new ArrayList<>();
    Set<String> fields = new LinkedHashSet<>();
    for (String t : paramTexts) {
      SweepParam p = SweepParam.parse(t, problems);
      if (p == null) {
        continue;
      }
      if (!fields.add(p.field())) {
        problems.add("--param " + p.field() + ": the field is given twice (expected one --param per field,"
            + " its values separated by commas)");
        continue;
      }
      boolean ok = true;
      for (String v : p.values()) {
        var problem = ScenarioEdit.check(text, p.field(), v);
        if (problem.isPresent()) {
          problems.add(file + ": --param " + p.field() + "=" + v + ": " + p.field() + ": " + problem.get());
          ok = false;
        }
      }
      if (ok) {
        params.add(p);
      }
    }
    if (paramTexts.isEmpty()) {
      problems.add("no --param given (expected at least one FIELD=V1,V2,...)");
    }
    long points = 1;
    for (SweepParam p : params) {
      points *= p.values().size();
    }
    if (points > MAX_POINTS) {
      problems.add("the grid has " + points + " points (expected at most " + MAX_POINTS + ")");
    }
    if (!problems.isEmpty()) {
      throw new Problems(problems);
    }
    List<SweepPoint> grid = SweepPoint.grid(original.name(), params);
    List<String> texts = new ArrayList<>();
    List<Scenario> scenarios = new ArrayList<>();
    for (SweepPoint pt : grid) {
      Map<String, String> edits = new LinkedHashMap<>(pt.values());
      edits.put("name", pt.name());
      String where = file + ": point " + pt.name() + " (" + pt.describe() + "): ";
      String pointText;
      try {
        pointText = "# " + pt.name() + " of the sweep of " + file + ": " + pt.describe() + "\n"
            + ScenarioEdit.apply(text, edits);
      } catch (IllegalArgumentException e) {
        problems.add(where + e.getMessage());
        continue;
      }
      try {
        Scenario s = ScenarioLoader.parse(pointText, file, checks);
        texts.add(pointText);
        scenarios.add(overrides.apply(s));
      } catch (ScenarioException e) {
        for (ScenarioError err : e.errors()) {
          // the point's text is generated: its lines are not the file's, the field says where
          problems.add(where + err.field() + ": " + err.message());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new Problems(problems);
    }
    return new Plan(file, original.name(), List.copyOf(params), grid, List.copyOf(texts), List.copyOf(scenarios));
  }

  /** What writes the HTML of a sweep and of its points. */
  public interface Reporting {
    /** What finishes a point's folder (its report.html and the points' index). */
    ResultsWriter.Finishing point(Path pointsDir, String pointName);

    /** Writes the sweep's report into its staged folder. */
    void sweep(Path staging);
  }

  /**
   * Runs every point on {@code executor} and writes the sweep's folder into {@code folder} (whose
   * lock the caller holds).
   *
   * @return the sweep's folder
   */
  public static Path run(Plan plan, ResultsFolder folder, ExperimentRunner.Options options,
      ReplicationExecutor executor, Reporting reporting, Consumer<String> status) {
    folder.checkReplaceable(plan.name());
    List<RunPlan> runPlans = new ArrayList<>();
    List<ReplicationTask> tasks = new ArrayList<>();
    List<Integer> taskCounts = new ArrayList<>();
    for (Scenario s : plan.scenarios()) {
      RunPlan rp = ScenarioCompiler.compile(s);
      runPlans.add(rp);
      List<ReplicationTask> t = ExperimentRunner.tasks(rp);
      tasks.addAll(t);
      taskCounts.add(t.size());
    }
    List<List<ReplicationResult>> results = executor.run(tasks, options.progress());
    status.accept("writing " + plan.points().size() + " points");
    Path staging = folder.stage(plan.name());
    try {
      Path pointsDir = Files.createDirectories(staging.resolve(POINTS));
      StringBuilder csv = new StringBuilder();
      try (ResultsFolder points = ResultsFolder.open(pointsDir, "workbench sweep " + plan.name(), false, m -> { })) {
        int next = 0;
        for (int k = 0; k < runPlans.size(); k++) {
          List<ReplicationResult> pointResults = new ArrayList<>();
          for (int i = 0; i < taskCounts.get(k); i++) {
            pointResults.addAll(results.get(next++));
          }
          SweepPoint pt = plan.points().get(k);
          ExperimentRunner.Outcome o = ExperimentRunner.write(runPlans.get(k), plan.texts().get(k), pointResults,
              points, options, reporting.point(pointsDir, pt.name()));
          appendRows(csv, plan, pt, o.folder().resolve("summary.csv"), k == 0);
        }
      }
      Files.writeString(staging.resolve(CSV), csv.toString(), StandardCharsets.UTF_8);
      Files.writeString(staging.resolve(PROPERTIES), properties(plan, options), StandardCharsets.UTF_8);
      reporting.sweep(staging);
      return folder.install(staging, plan.name());
    } catch (IOException e) {
      folder.discard(staging);
      throw new UncheckedIOException("cannot write the sweep into " + staging + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      folder.discardAfter(staging, e);
      throw e;
    }
  }

  /** The point's rows of summary.csv, each after the point's name and values. */
  private static void appendRows(StringBuilder out, Plan plan, SweepPoint pt, Path summary, boolean header)
      throws IOException {
    List<String> lines = Files.readAllLines(summary, StandardCharsets.UTF_8);
    if (header) {
      List<String> names = new ArrayList<>(List.of("point"));
      for (SweepParam p : plan.params()) {
        names.add(p.field());
      }
      out.append(Csv.fields(names)).append(',').append(lines.get(0)).append('\n');
    }
    List<String> values = new ArrayList<>(List.of(pt.name()));
    values.addAll(pt.values().values());
    String p = Csv.fields(values);
    for (String line : lines.subList(1, lines.size())) {
      out.append(p).append(',').append(line).append('\n');
    }
  }

  private static String properties(Plan plan, ExperimentRunner.Options o) {
    Scenario first = plan.scenarios().get(0);
    StringBuilder sb = new StringBuilder();
    sb.append("tool_version=").append(o.toolVersion()).append('\n');
    sb.append("date=").append(Instant.now()).append('\n');
    sb.append("scenario=").append(plan.name()).append('\n');
    sb.append("file=").append(plan.file().toString().replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    sb.append("seed=").append(first.seed()).append('\n');
    sb.append("replications=").append(first.replications()).append('\n');
    sb.append("variants=").append(String.join(",", first.variants().stream().map(v -> v.yamlName()).toList()))
        .append('\n');
    sb.append("points=").append(plan.points().size()).append('\n');
    for (SweepParam p : plan.params()) {
      sb.append("param.").append(p.field()).append('=').append(String.join(",", p.values())).append('\n');
    }
    return sb.toString();
  }

}
