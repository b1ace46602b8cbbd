package io.mlproxy.report;

import io.mlproxy.engine.ConfidenceInterval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a results folder as docs/results-format.md describes it, with plausible dynamics, so
 * tests do not depend on the engine. replications.csv is derived from the time series, and
 * summary.csv from replications.csv, as the engine defines them.
 */
final class ResultsFixture {

  String scenario = "phase-shift";
  String description = "Hot set moves every 20 s, with an agent crash at 40%";
  List<String> variants = Variants.ALL;
  int reps = 3;
  int steps = 600;
  double stepS = 0.1;
  long seed = 42;
  double lambda = 0.5;
  boolean heatmap = true;
  boolean events = true;
  boolean runProperties = true;
  int footprint = 65_536;
  /** When set, replications.csv gets these scores instead of the derived ones (variant → per rep). */
  Map<String, double[]> scoreOverride = new LinkedHashMap<>();

  private static final int BUCKETS = 64;

  /** Writes {@code root/<scenario>/...} and returns the scenario folder. */
  Path write(Path root) {
    Path dir = root.resolve(scenario);
    try {
      Files.createDirectories(dir);
      Map<String, double[][]> perRep = new LinkedHashMap<>(); // variant -> rep -> metrics
      StringBuilder ev = new StringBuilder(String.join(",", EventsCsv.COLUMNS) + "\n");
      double[][] noneAccess = new double[reps][];
      for (String v : variants) {
        double[][] repMetrics = new double[reps][];
        for (int rep = 1; rep <= reps; rep++) {
          Series s = series(v, rep);
          if (v.equals(Variants.NONE)) {
            noneAccess[rep - 1] = s.accessTime;
          }
          Path rd = dir.resolve(v).resolve("rep-" + rep);
          Files.createDirectories(rd);
          Files.writeString(rd.resolve("timeseries.csv"), s.csv, StandardCharsets.UTF_8);
          if (heatmap && rep == 1) {
            Files.writeString(rd.resolve("heatmap.csv"), heatmapCsv(v), StandardCharsets.UTF_8);
          }
          ev.append(s.events);
          repMetrics[rep - 1] = s.metrics;
        }
        perRep.put(v, repMetrics);
      }
      // slowdown and score need the none variant of the same replication
      StringBuilder reps = new StringBuilder(String.join(",", ReplicationsCsv.COLUMNS) + "\n");
      Map<String, double[]> scores = new LinkedHashMap<>();
      Map<String, double[][]> cols = new LinkedHashMap<>();
      for (String v : variants) {
        double[] sc = new double[this.reps];
        double[][] c = new double[13][this.reps];
        for (int rep = 1; rep <= this.reps; rep++) {
          double[] m = perRep.get(v)[rep - 1];
          double saving = m[0];
          double slowdown = Double.NaN;
          if (noneAccess[rep - 1] != null) {
            double mine = m[7];
            double none = sum(noneAccess[rep - 1]);
            slowdown = (mine - none) / none;
          }
          double score = saving - lambda * (Double.isNaN(slowdown) ? 0 : slowdown);
          if (scoreOverride.containsKey(v)) {
            score = scoreOverride.get(v)[rep - 1];
          }
          sc[rep - 1] = score;
          boolean modes = hasProxy(v);
          double[] row = {saving, slowdown, score, m[1], m[2], m[3], m[4], m[5], m[6],
              modes ? m[8] : Double.NaN, modes ? m[9] : Double.NaN, modes ? m[10] : Double.NaN,
              modes ? m[11] : Double.NaN};
          for (int k = 0; k < row.length; k++) {
            c[k][rep - 1] = row[k];
          }
          reps.append(scenario).append(',').append(v).append(',').append(rep).append(',')
              .append(seed + rep - 1);
          reps.append(',').append(num(saving)).append(',').append(num(slowdown)).append(',')
              .append(num(score));
          reps.append(',').append(num(m[1])).append(',').append(num(m[2])).append(',')
              .append(num(m[3]));
          reps.append(',').append(modes ? num(m[4]) : "").append(',')
              .append(modes ? num(m[5]) : "").append(',').append(modes ? num(m[6]) : "");
          for (int k = 9; k < 13; k++) {
            reps.append(',').append(num(row[k]));
          }
          reps.append('\n');
        }
        scores.put(v, sc);
        cols.put(v, c);
      }
      Files.writeString(dir.resolve("replications.csv"), reps.toString(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("summary.csv"), summaryCsv(cols), StandardCharsets.UTF_8);
      if (events) {
        Files.writeString(dir.resolve("events.csv"), ev.toString(), StandardCharsets.UTF_8);
      }
      if (runProperties) {
        Files.writeString(dir.resolve("run.properties"), runProperties(), StandardCharsets.UTF_8);
      }
      Files.writeString(dir.resolve("scenario.yaml"),
          "# workbench run scenarios/" + scenario + ".yaml\nname: " + scenario
              + "\nduration: " + (int) (steps * stepS) + "s\nlambda: " + lambda
              + "\nproxy:\n  thresholds:\n    promote_margin: 50\n    demote_margin: 100\n",
          StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String summaryCsv(Map<String, double[][]> cols) {
    StringBuilder b = new StringBuilder(String.join(",", SummaryCsv.COLUMNS) + "\n");
    Map<String, Double> meanScore = new LinkedHashMap<>();
    for (String v : variants) {
      meanScore.put(v, ConfidenceInterval.of95(cols.get(v)[2]).mean());
    }
    for (String v : variants) {
      double[][] c = cols.get(v);
      b.append(scenario).append(',').append(v).append(',').append(reps);
      for (int k = 0; k < 3; k++) {
        ConfidenceInterval ci = ConfidenceInterval.of95(c[k]);
        b.append(',').append(num(ci.mean())).append(',').append(num(ci.halfWidth()));
      }
      for (int k = 3; k < 6; k++) {
        b.append(',').append(num(mean(c[k])));
      }
      for (int k = 9; k < 13; k++) {
        b.append(',').append(hasProxy(v) ? num(mean(c[k])) : k == 9 ? "0" : "");
      }
      for (int k = 6; k < 9; k++) {
        b.append(',').append(hasProxy(v) ? num(mean(c[k])) : "");
      }
      double gap = Double.NaN;
      if ((v.equals(Variants.PROXY) || v.equals(Variants.ML_ONLY))
          && meanScore.containsKey(Variants.HANDCRAFTED) && meanScore.containsKey(Variants.ORACLE)) {
        double hc = meanScore.get(Variants.HANDCRAFTED);
        double den = meanScore.get(Variants.ORACLE) - hc;
        gap = den == 0 ? Double.NaN : (meanScore.get(v) - hc) / den;
      }
      b.append(',').append(num(gap)).append('\n');
    }
    return b.toString();
  }

  private String runProperties() {
    return "tool_version=0.1.0-SNAPSHOT\n"
        + "date=2026-03-01T12:00:00Z\n"
        + "scenario=" + scenario + "\n"
        + "description=" + description + "\n"
        + "duration_s=" + num(steps * stepS) + "\n"
        + "seed=" + seed + "\n"
        + "replications=" + reps + "\n"
        + "variants=" + String.join(",", variants) + "\n"
        + "jobs=2\n"
        + "lambda=" + lambda + "\n"
        + "param.memory.capacity=256MiB\n"
        + "param.memory.fault_us=50\n"
        + "param.monitor.sampling=5ms\n"
        + "param.monitor.aggregation=100ms\n"
        + "param.policy.min_age=120s\n"
        + "param.thresholds.promote_margin=50\n"
        + "param.thresholds.demote_margin=100\n"
        + "param.thresholds.min_samples=64\n"
        + "param.agent.model=logistic\n";
  }

  static boolean hasProxy(String v) {
    return v.equals(Variants.HANDCRAFTED) || v.equals(Variants.PROXY) || v.equals(Variants.ML_ONLY);
  }

  /** One replication's time series and its replication-level metrics. */
  private record Series(String csv, String events, double[] accessTime, double[] metrics) {}

  private Series series(String v, int rep) {
    SplittableRandom rnd = new SplittableRandom(seed * 1000 + rep);
    StringBuilder b = new StringBuilder(steps * 120);
    b.append(String.join(",", TimeseriesCsv.COLUMNS)).append('\n');
    StringBuilder ev = new StringBuilder();
    double duration = steps * stepS;
    double target = switch (v) {
      case Variants.NONE -> 0;
      case Variants.HANDCRAFTED -> 0.25;
      case Variants.PROXY -> 0.33;
      case Variants.ML_ONLY -> 0.30;
      default -> 0.40;
    };
    double faultRate = switch (v) {
      case Variants.NONE -> 2;
      case Variants.HANDCRAFTED -> 60;
      case Variants.PROXY -> 45;
      case Variants.ML_ONLY -> 70;
      default -> 20;
    };
    double[] access = new double[steps];
    double sumRes = 0;
    double sumFp = 0;
    double faults = 0;
    double refaults = 0;
    double cpuS = 0;
    double hints = 0;
    double rejected = 0;
    double[] modeTime = new double[4];
    int transitions = 0;
    Mode prev = null;
    double crashAt = duration * 0.4;
    double clearAt = duration * 0.5;
    for (int i = 0; i < steps; i++) {
      double t = (i + 1) * stepS;
      double progress = 1 - Math.exp(-t / (duration / 6));
      double fp = footprint;
      double res = fp * (1 - target * progress + 0.01 * rnd.nextDouble());
      res = Math.min(fp, Math.round(res));
      boolean crashed = t > crashAt && t <= clearAt;
      double rate = faultRate * (crashed && v.equals(Variants.ML_ONLY) ? 3 : 1)
          * (0.6 + 0.8 * rnd.nextDouble()) * (1 + Math.sin(t / 7.0) * 0.3);
      long f = Math.round(rate * stepS);
      long rf = Math.round(f * 0.6);
      long touches = 20_000;
      long hits = touches - f;
      long out = v.equals(Variants.NONE) ? 0 : Math.round(f * 1.2 + rnd.nextInt(5));
      long cpu = out * 2;
      long stall = rnd.nextInt(20) == 0 ? 500 : 0;
      double at = hits * 0.1 + f * 50 + stall + cpu;
      access[i] = at;
      Mode mode = modeAt(v, t, duration, crashed);
      String eff1 = "";
      String eff2 = "";
      String age = "";
      String stale = "";
      String hint = "";
      String share = "";
      String evidence = ",,,,,,,,,";
      long mean = 0;
      if (hasProxy(v)) {
        long def = 400 + Math.round(80 * Math.sin(t / 11.0));
        long ml = Math.round(def * (v.equals(Variants.HANDCRAFTED) ? 0.9 : 1.0 + 0.3 * progress)
            - (crashed ? 600 : 0) + rnd.nextInt(40));
        eff1 = Long.toString(ml);
        eff2 = Long.toString(def);
        mean = ml - def;
        long stake = Math.abs(mean) + 200;
        evidence = "120,9," + mean + "," + (mean - 150) + ",80,7," + (mean - 40) + "," + (mean + 200) + ","
            + stake * 50 / 1000 + "," + (-stake * 50 / 1000);
        long h = mode == Mode.EMERGENCY ? 0 : 50 + rnd.nextInt(30);
        hint = Long.toString(h);
        hints += h / 10.0;
        share = Integer.toString(switch (mode) {
          case EMERGENCY -> 0;
          case LEARNING -> 100;
          case COLLABORATION -> 500;
          case RECOMMENDATION -> 1000;
        });
        if (!v.equals(Variants.HANDCRAFTED) && t >= 2) {
          age = Long.toString(Math.round(((t - 2) % 5) * 1000) + 300);
          if (t >= 3) {
            stale = Long.toString(Math.round(((t - 3) % 5) * 1000) + (crashed ? (long) ((t - crashAt) * 1000) : 0));
          }
        }
        modeTime[mode.ordinal()] += stepS;
        if (prev != null && prev != mode) {
          transitions++;
          String reason = mode.ordinal() > prev.ordinal() ? "ml_beats_default_by_margin"
              : crashed ? "agent_silent" : "ml_below_default_by_margin";
          ev.append(num(t)).append(',').append(v).append(',').append(rep)
              .append(",mode_transition,").append(prev).append(',').append(mode).append(',')
              .append("120,").append(mean).append(',').append(mean - 300).append(',').append(mean + 300).append(',')
              .append(reason).append('\n');
        }
        prev = mode;
        if (!v.equals(Variants.HANDCRAFTED) && i % 97 == 50) {
          rejected++;
          ev.append(num(t)).append(',').append(v).append(',').append(rep)
              .append(",recommendation_rejected,,,,,,,stale_generation\n");
        }
      }
      if (Math.abs(t - crashAt) < stepS / 2) {
        ev.append(num(t)).append(',').append(v).append(',').append(rep)
            .append(",fault_injected,,,,,,,agent_crash\n");
      }
      if (Math.abs(t - clearAt) < stepS / 2) {
        ev.append(num(t)).append(',').append(v).append(',').append(rep)
            .append(",fault_cleared,,,,,,,agent_crash\n");
      }
      sumRes += res;
      sumFp += fp;
      faults += f;
      refaults += rf;
      cpuS += cpu / 1e6;
      b.append(num(t)).append(',').append((long) res).append(',').append((long) fp).append(',')
          .append(touches).append(',').append(hits).append(',').append(f).append(',').append(rf)
          .append(',').append(out).append(',').append(stall > 0 ? 1 : 0).append(',').append(cpu)
          .append(',').append(stall).append(',').append(num(at)).append(',')
          .append(hasProxy(v) ? mode.name() : "").append(',').append(share).append(',')
          .append(hasProxy(v) ? Long.toString(out / 2) : "0").append(',')
          .append(eff1).append(',').append(eff2).append(',').append(evidence).append(',').append(hint).append(',')
          .append(age).append(',').append(stale).append(',')
          .append(Math.round(1000 * (1 - res / (fp * 1.5)))).append('\n');
    }
    double total = steps * stepS;
    double[] metrics = {1 - sumRes / sumFp, faults, refaults, cpuS, transitions, hints, rejected,
        sum(access), 100 * modeTime[0] / total, 100 * modeTime[1] / total,
        100 * modeTime[2] / total, 100 * modeTime[3] / total};
    return new Series(b.toString(), ev.toString(), access, metrics);
  }

  private static Mode modeAt(String v, double t, double duration, boolean crashed) {
    return switch (v) {
      case Variants.HANDCRAFTED -> Mode.EMERGENCY;
      case Variants.ML_ONLY -> Mode.RECOMMENDATION;
      case Variants.PROXY -> {
        if (crashed) {
          yield Mode.LEARNING;
        }
        double f = t / duration;
        yield f < 0.1 ? Mode.EMERGENCY : f < 0.2 ? Mode.LEARNING : f < 0.3 ? Mode.COLLABORATION
            : Mode.RECOMMENDATION;
      }
      default -> Mode.EMERGENCY; // none/oracle: not written (empty mode)
    };
  }

  private String heatmapCsv(String v) {
    int pagesPerBucket = footprint / BUCKETS;
    StringBuilder b = new StringBuilder(steps * BUCKETS * 24);
    b.append(String.join(",", HeatmapCsv.COLUMNS)).append('\n');
    SplittableRandom rnd = new SplittableRandom(seed ^ v.hashCode());
    for (int i = 0; i < steps; i++) {
      double t = (i + 1) * stepS;
      int hot = (int) ((t / 20.0) % 4) * 16; // the hot set moves every 20 s
      for (int k = 0; k < BUCKETS; k++) {
        boolean isHot = k >= hot && k < hot + 12;
        int a = isHot ? 600 + rnd.nextInt(400) : rnd.nextInt(60);
        // reclaim pages out the cold buckets once it has seen them idle (none never does)
        int resident = isHot || v.equals(Variants.NONE) || t < 0.3 * steps * stepS ? 1000 : 100 + rnd.nextInt(200);
        b.append(num(t)).append(',').append(k).append(',').append(k * pagesPerBucket).append(',')
            .append((k + 1) * pagesPerBucket).append(',').append(a).append(',').append(resident).append('\n');
      }
    }
    return b.toString();
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double d : a) {
      s += d;
    }
    return s;
  }

  private static double mean(double[] a) {
    return sum(a) / a.length;
  }

  /** A number as the engine writes it: up to 6 significant decimals, no exponent, "" if NaN. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (v == 0) {
      return "0";
    }
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  /** The lines of {@code file}, for tests that corrupt one. */
  static List<String> lines(Path file) {
    try {
      return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeLines(Path file, List<String> lines) {
    try {
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
