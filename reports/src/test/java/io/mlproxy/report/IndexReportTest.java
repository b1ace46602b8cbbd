package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexReportTest {

  @TempDir Path root;

  private void scenarios() {
    for (String name : List.of("beta-scan", "alpha-phases")) {
      ResultsFixture f = new ResultsFixture();
      f.scenario = name;
      f.steps = 40;
      f.heatmap = false;
      f.seed = name.length();
      f.write(root);
    }
  }

  @Test
  void listsEveryScenarioWithFiguresFromItsCsvs() throws Exception {
    scenarios();
    ScenarioReport.write(root.resolve("alpha-phases"));
    Path index = IndexReport.write(root);
    assertThat(index).isEqualTo(root.resolve("index.html").toAbsolutePath());
    Document doc = Jsoup.parse(Files.readString(index));
    List<Element> rows = doc.select("table.index tr[data-scenario]");
    assertThat(rows).extracting(r -> r.attr("data-scenario"))
        .containsExactly("alpha-phases", "beta-scan");
    for (Element row : rows) {
      String name = row.attr("data-scenario");
      assertThat(row.selectFirst("a").attr("href")).isEqualTo(name + "/report.html");
      List<String> summary = Files.readAllLines(root.resolve(name).resolve("summary.csv"));
      String[] proxy = summary.stream().filter(l -> l.contains(",proxy,")).findFirst()
          .orElseThrow().split(",", -1);
      List<String> header = List.of(summary.get(0).split(","));
      assertThat(Double.parseDouble(row.selectFirst("[data-col=gap_closed]").attr("data-value")))
          .isEqualTo(Double.parseDouble(proxy[header.indexOf("gap_closed")]));
      assertThat(row.selectFirst("[data-col=gap_closed]").text())
          .isEqualTo(Fmt.percent(Double.parseDouble(proxy[header.indexOf("gap_closed")])));
      assertThat(Double.parseDouble(row.selectFirst("[data-col=time_recommendation_pct]").attr("data-value")))
          .isEqualTo(Double.parseDouble(proxy[header.indexOf("time_recommendation_pct")]));
      // every variant's score with its interval, to 3 significant digits, exact in data-value
      for (String line : summary.subList(1, summary.size())) {
        String[] f = line.split(",", -1);
        Element cell = row.selectFirst("td[data-variant=" + f[1] + "]");
        double mean = Double.parseDouble(f[header.indexOf("score_mean")]);
        assertThat(Double.parseDouble(cell.selectFirst("[data-col=score_mean]").attr("data-value"))).isEqualTo(mean);
        assertThat(cell.selectFirst("[data-col=score_mean]").text()).isEqualTo(Fmt.num(mean));
        assertThat(cell.selectFirst("[data-col=score_ci95]").text())
            .isEqualTo(Fmt.num(Double.parseDouble(f[header.indexOf("score_ci95")])));
      }
      // the verdict sentences under the row
      Element verdict = doc.selectFirst("tr[data-verdict-of=" + name + "]");
      assertThat(verdict.select("p")).hasSize(2);
      assertThat(verdict.text()).startsWith("The adaptive proxy").contains("ML-only", "handcrafted→oracle gap");
      // formatted numbers: at most 3 significant digits anywhere in the row
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9][0-9,]*(\\.[0-9]+)?").matcher(row.text());
      while (m.find()) {
        String digits = m.group().replace(",", "").replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
        assertThat(digits.length()).as(m.group() + " in " + row.text()).isLessThanOrEqualTo(3);
      }
      // paired difference, computed here from replications.csv by hand
      double[] d = new double[3];
      for (String line : Files.readAllLines(root.resolve(name).resolve("replications.csv"))) {
        String[] f = line.split(",", -1);
        if (f[1].equals("proxy")) {
          d[Integer.parseInt(f[2]) - 1] += Double.parseDouble(f[6]);
        } else if (f[1].equals("handcrafted")) {
          d[Integer.parseInt(f[2]) - 1] -= Double.parseDouble(f[6]);
        }
      }
      double mean = (d[0] + d[1] + d[2]) / 3;
      double var = ((d[0] - mean) * (d[0] - mean) + (d[1] - mean) * (d[1] - mean)
          + (d[2] - mean) * (d[2] - mean)) / 2;
      double half = new TDistribution(2).inverseCumulativeProbability(0.975) * Math.sqrt(var / 3);
      assertThat(Double.parseDouble(row.selectFirst("[data-col=diff]").attr("data-value")))
          .isCloseTo(mean, within(1e-12));
      assertThat(Double.parseDouble(row.selectFirst("[data-col=diff_ci95]").attr("data-value")))
          .isCloseTo(half, within(1e-12));
      // best variant (oracle excluded): the highest score_mean in summary.csv
      String best = summary.stream().skip(1).map(l -> l.split(",", -1))
          .filter(f -> !f[1].equals("oracle"))
          .max((a, b) -> Double.compare(Double.parseDouble(a[header.indexOf("score_mean")]),
              Double.parseDouble(b[header.indexOf("score_mean")])))
          .orElseThrow()[1];
      assertThat(row.select("td.best").eachAttr("data-variant")).containsExactly(best);
    }
    assertThat(rows.get(0).text()).doesNotContain("not generated");
    assertThat(rows.get(1).text()).contains("report not generated yet");
    assertThat(doc.select("#benchmarks")).isEmpty();
    assertThat(doc.select("script")).isEmpty();
  }

  @Test
  void linksAreRelativeToAnIndexWrittenElsewhere() throws Exception {
    scenarios();
    Path out = root.resolve("site").resolve("all.html");
    IndexReport.write(root, out);
    Document doc = Jsoup.parse(Files.readString(out));
    assertThat(doc.select("table.index a").eachAttr("href"))
        .containsExactly("../alpha-phases/report.html", "../beta-scan/report.html");
  }

  @Test
  void benchmarksSection() throws Exception {
    Files.createDirectories(root.resolve("bench"));
    Files.writeString(root.resolve("bench").resolve("hotpath.json"), JmhJsonTest.SAMPLE);
    Document doc = Jsoup.parse(Files.readString(IndexReport.write(root)));
    assertThat(doc.select("#scenarios")).isEmpty();
    Element section = doc.selectFirst("#benchmarks");
    assertThat(section).isNotNull();
    assertThat(section.select("table.bench tr")).hasSize(4);
    assertThat(section.select("table.bench tr").get(1).text())
        .contains("io.mlproxy.bench.ProxyHotPath.executeOperation", "regions=1000", "41.3 ± 1.5", "ns/op");
    assertThat(section.select("table.bench tr").get(2).text()).contains("2,500");
    // one chart per benchmark (a throughput inverted to a time per operation), full row labels,
    // one log time axis with units for all
    assertThat(section.select("figure.bench").eachAttr("data-benchmark"))
        .containsExactly("ProxyHotPath.executeOperation", "RecommendationCodec.decode", "ProxyHotPath.publish");
    assertThat(section.select("figure.bench").get(2).text()).contains("(throughput, inverted)");
    Element first = section.selectFirst("figure.bench svg");
    assertThat(first.text()).contains("ProxyHotPath.executeOperation", "regions=1000",
        "time per operation (log scale)", "10 ns", "100 ns", "1 µs");
    assertThat(first.text()).doesNotContain("E0", "E8");
    assertThat(section.select("figure.bench").get(1).selectFirst("svg").text()).contains("(no parameters)");
  }

  @Test
  void aBadBenchmarkFileOrAnEmptyFolderIsAnError() throws Exception {
    assertThatThrownBy(() -> IndexReport.write(root)).isInstanceOf(ReportException.class)
        .hasMessageContaining("no scenario results");
    Files.createDirectories(root.resolve("bench"));
    Files.writeString(root.resolve("bench").resolve("bad.json"), "[{\n\"benchmark\": 1}]");
    assertThatThrownBy(() -> IndexReport.write(root))
        .hasMessage(root.resolve("bench").resolve("bad.json") + ":1: 'benchmark' must be a string");
    assertThat(root.resolve("index.html")).doesNotExist();
  }
}
