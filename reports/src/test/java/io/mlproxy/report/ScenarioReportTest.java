package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

class ScenarioReportTest {

  @TempDir static Path root;
  static Path scenarioDir;
  static Path report;
  static Document doc;
  static String html;

  @BeforeAll
  static void writeReport() throws Exception {
    scenarioDir = new ResultsFixture().write(root);
    report = ScenarioReport.write(scenarioDir);
    html = Files.readString(report, StandardCharsets.UTF_8);
    doc = Jsoup.parse(html);
  }

  @Test
  void writesReportHtmlInTheScenarioFolderAndLeavesNoTemporaryFile() throws Exception {
    assertThat(report).isEqualTo(scenarioDir.resolve("report.html").toAbsolutePath());
    try (var files = Files.list(scenarioDir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
          .isEmpty();
    }
  }

  @Test
  void isSelfContained() {
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("link")).isEmpty();
    for (Element e : doc.select("[src]")) {
      assertThat(e.attr("src")).startsWith("data:image/png;base64,");
    }
    // XML namespace names are identifiers, never fetched; anything else with a scheme would be.
    String withoutNamespaces = html.replaceAll("xmlns(:\\w+)?='[^']*'", "");
    assertThat(withoutNamespaces).doesNotContain("http://", "https://", "@import", "url(http");
  }

  @Test
  void headerShowsRunPropertiesAndParametersGroupedBySection() {
    assertThat(doc.select("h1").text()).isEqualTo("Scenario phase-shift");
    assertThat(doc.select("p.description").text())
        .isEqualTo("Hot set moves every 20 s, with an agent crash at 40%");
    String run = doc.select("#run table.kv").first().text();
    assertThat(run).contains("duration (s) 60", "seed 42", "replications 3",
        "tool version 0.1.0-SNAPSHOT", "date 2026-03-01T12:00:00Z", "0.5");
    assertThat(doc.select("table.params").eachAttr("data-section"))
        .containsExactly("agent", "memory", "monitor", "policy", "thresholds");
    assertThat(doc.select("table.params[data-section=thresholds]").text())
        .contains("promote_margin 50", "demote_margin 100");
    assertThat(doc.select("#scenario-file details pre").text()).contains("promote_margin: 50");
  }

  @Test
  void everyNumberInTheResultsTableIsSummaryCsvsToThreeSignificantDigits() throws Exception {
    List<String> lines = Files.readAllLines(scenarioDir.resolve("summary.csv"));
    List<String> header = List.of(lines.get(0).split(",", -1));
    assertThat(doc.select("table.headline tbody tr")).hasSize(lines.size() - 1);
    int checked = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      Element row = doc.selectFirst("table.headline tr[data-variant=" + f[1] + "]");
      assertThat(row).as("row of " + f[1]).isNotNull();
      Set<String> shown = new HashSet<>();
      for (Element span : row.select("span[data-col]")) {
        String col = span.attr("data-col");
        shown.add(col);
        String csv = f[header.indexOf(col)];
        if (csv.isEmpty()) {
          assertThat(span.text()).as(f[1] + " " + col).isEqualTo("—");
          assertThat(span.attr("data-value")).isEqualTo("—");
        } else {
          double v = Double.parseDouble(csv);
          // the exact number for machine readers, 3 significant digits for people
          assertThat(Double.parseDouble(span.attr("data-value"))).as(f[1] + " " + col).isEqualTo(v);
          double shownValue = Double.parseDouble(span.text().replace(",", ""));
          double unit = v == 0 ? 0 : Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 2);
          assertThat(shownValue).as(f[1] + " " + col + " shown as " + span.text()).isCloseTo(v, within(unit / 2 + 1e-12));
          assertThat(span.text().replace(",", "").replace("-", "").replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "").length())
              .as(f[1] + " " + col + " digits of " + span.text()).isLessThanOrEqualTo(3);
        }
        checked++;
      }
      // faults and refaults share a cell when equal (they are here): the cell says so
      for (Element same : row.select("[data-col-same]")) {
        String col = same.attr("data-col-same");
        shown.add(col);
        String faults = f[header.indexOf("faults_mean")];
        assertThat(f[header.indexOf(col)]).isEqualTo(faults);
      }
      assertThat(shown).as(f[1]).containsExactlyInAnyOrderElementsOf(header.subList(2, header.size()));
    }
    assertThat(checked).isGreaterThanOrEqualTo(5 * 17);
  }

  @Test
  void verdictAndAOneScreenSummaryComeFirstAndParametersAreCollapsed() {
    List<String> order = doc.select("h2").eachText();
    assertThat(order.get(0)).isEqualTo("Verdict");
    assertThat(order).containsSubsequence("Verdict", "Charts (replication 1)", "Results table", "Events",
        "Run and parameters");
    Element compact = doc.selectFirst("#verdict table.compact");
    assertThat(compact.select("tr[data-variant]")).hasSize(5);
    assertThat(compact.selectFirst("tr[data-variant=proxy] [data-col=score_mean]").text()).matches("-?[0-9.,]+");
    // the mode ladder at a glance, in the tints the mode chart uses
    Element ladder = doc.selectFirst("#verdict .ladder[data-variant=proxy]");
    assertThat(ladder.select(".seg")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(ladder.text()).contains("RECOMMENDATION", "transitions per run");
    String tint = String.format("#%06x", ChartStyle.mode("proxy", Mode.RECOMMENDATION).getRGB() & 0xffffff);
    assertThat(ladder.select(".seg").eachAttr("style")).anyMatch(st -> st.contains(tint));
    assertThat(doc.selectFirst("#run details")).isNotNull();
    assertThat(doc.selectFirst("#run details").text()).contains("promote_margin");
  }

  @Test
  void forcedStartOfMlOnlyIsNotCountedAsATransition() throws Exception {
    ResultsFixture f = new ResultsFixture();
    f.steps = 40;
    f.heatmap = false;
    f.reps = 2;
    f.scenario = "forced";
    Path dir = f.write(root);
    List<String> events = ResultsFixture.lines(dir.resolve("events.csv"));
    events.add("0,ml-only,1,mode_transition,EMERGENCY,RECOMMENDATION,,,,,forced: forced RECOMMENDATION");
    events.add("0,ml-only,2,mode_transition,EMERGENCY,RECOMMENDATION,,,,,forced: forced RECOMMENDATION");
    ResultsFixture.writeLines(dir.resolve("events.csv"), events);
    Document d = Jsoup.parse(ScenarioReport.render(ScenarioResults.load(dir)));
    Element table = d.selectFirst("#events table");
    List<String> head = table.select("tr").get(0).select("th").eachText();
    int forced = head.indexOf(ScenarioReport.FORCED_KIND);
    int transitions = head.indexOf("mode_transition");
    Element ml = table.selectFirst("tr:has(th:containsOwn(ml-only))");
    assertThat(ml.child(forced).text()).isEqualTo("2");
    assertThat(ml.child(transitions).text()).isEqualTo("0");
  }

  @Test
  void hasSevenFiguresEachWithTitleAxisUnitsAndLegend() throws Exception {
    List<Element> figures = doc.select("figure.drawn");
    assertThat(figures).hasSize(7);
    for (String id : List.of("resident", "faults", "modes", "efficiency", "staleness", "score")) {
      Element svg = doc.selectFirst("#fig-" + id + " svg");
      assertThat(svg).as(id).isNotNull();
      String text = svg.text();
      assertThat(text).as(id + " x axis").contains("simulated time (s)");
      assertThat(text).as(id + " y unit").containsPattern("\\((pages|1/s|page·ms|s|fraction)\\)|score =|proxy mode");
    }
    assertThat(doc.selectFirst("#fig-resident svg").text())
        .contains("Resident memory", "handcrafted", "proxy", "ml-only", "oracle", "none");
    assertThat(doc.selectFirst("#fig-modes svg").text())
        .contains("EMERGENCY", "LEARNING", "COLLABORATION", "RECOMMENDATION");
    assertThat(doc.selectFirst("#fig-modes details").text())
        .contains("ml_beats_default_by_margin", "agent_silent");
    assertThat(doc.selectFirst("#fig-efficiency svg").text())
        .contains("promote above", "demote below", "known lower bound", "recent upper bound", "min_samples 64");
    assertThat(doc.selectFirst("#fig-score svg").text()).contains("fault: agent_crash");
    assertThat(doc.selectFirst("#fig-heatmap img").attr("alt")).contains("DAMON access heatmap");
    // the modelling choice behind the addresses is stated where DAMON's regions are shown
    assertThat(doc.selectFirst("#fig-heatmap").text()).contains("workload's own page numbers", "physical frames");
  }

  @Test
  void everyEmbeddedSvgIsWellFormedAndDrawsData() throws Exception {
    var svgs = doc.select("svg");
    assertThat(svgs).hasSize(6);
    Pattern colour = Pattern.compile("(stroke|fill): ?rgb\\(\\d+,\\d+,\\d+\\)");
    Set<String> ids = new HashSet<>();
    for (Element svg : svgs) {
      String xml = svg.outerHtml();
      var builder = DocumentBuilderFactory.newInstance();
      builder.setNamespaceAware(true);
      org.w3c.dom.Document parsed = builder.newDocumentBuilder()
          .parse(new InputSource(new StringReader(rawSvg(svg.id()))));
      assertThat(parsed.getDocumentElement().getLocalName()).isEqualTo("svg");
      // not blank: a data line of many segments (or, for the mode band, coloured bars)
      int maxSegments = 0;
      for (Element p : svg.select("path")) {
        maxSegments = Math.max(maxSegments, p.attr("d").split("L").length - 1);
      }
      if (svg.id().equals("modes")) {
        Set<String> tints = new HashSet<>();
        for (Mode m : Mode.values()) {
          java.awt.Color c = ChartStyle.mode("proxy", m);
          tints.add("fill:rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")");
        }
        long bars = svg.select("rect").stream()
            .filter(r -> tints.stream().anyMatch(t -> r.attr("style").replace(" ", "").contains(t)))
            .count();
        assertThat(bars).as("mode bars").isGreaterThanOrEqualTo(6);
      } else {
        assertThat(maxSegments).as(svg.id() + " longest line").isGreaterThan(100);
      }
      Set<String> colours = new HashSet<>();
      Matcher m = colour.matcher(xml);
      while (m.find()) {
        colours.add(m.group());
      }
      assertThat(colours.size()).as(svg.id() + " colours").isGreaterThanOrEqualTo(4);
      for (Element withId : svg.select("[id]")) {
        assertThat(ids.add(withId.id())).as("duplicate id " + withId.id()).isTrue();
      }
    }
  }

  /** The SVG element's source text, exactly as written in the file. */
  private static String rawSvg(String id) {
    int start = html.indexOf("<svg class=\"chart\" role=\"img\" aria-label=");
    while (start >= 0) {
      int end = html.indexOf("</svg>", start) + "</svg>".length();
      String s = html.substring(start, end);
      if (s.contains("id='" + id + "'")) {
        return s;
      }
      start = html.indexOf("<svg class=\"chart\"", end);
    }
    throw new AssertionError("svg " + id + " not found");
  }

  @Test
  void everyEmbeddedPngDecodesAndIsNotBlank() throws Exception {
    var imgs = doc.select("img");
    assertThat(imgs).isNotEmpty();
    for (Element img : imgs) {
      BufferedImage image = ImageStats.pngOf(img.attr("src"));
      assertThat(image).isNotNull();
      assertThat(image.getWidth()).isEqualTo(Integer.parseInt(img.attr("width")));
      assertThat(ImageStats.distinctColours(image)).isGreaterThan(50);
      assertThat(ImageStats.nonWhiteFraction(image)).isGreaterThan(0.3);
    }
  }

  @Test
  void verdictHasOneSentencePerComparison() {
    List<String> sentences = doc.select("#verdict .verdict p").eachText();
    assertThat(sentences).hasSize(2);
    assertThat(sentences.get(0)).startsWith("The adaptive proxy").contains("handcrafted", "gap");
    assertThat(sentences.get(1)).startsWith("ML-only");
  }

  @Test
  void renderingTwiceGivesTheSameBytes() throws Exception {
    Path again = ScenarioReport.write(scenarioDir, root.resolve("again.html"));
    assertThat(Files.readString(again)).isEqualTo(html);
  }
}
