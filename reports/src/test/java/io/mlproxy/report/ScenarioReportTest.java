package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
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
  void everyNumberInTheHeadlineTableEqualsSummaryCsv() throws Exception {
    List<String> lines = Files.readAllLines(scenarioDir.resolve("summary.csv"));
    List<String> header = List.of(lines.get(0).split(",", -1));
    assertThat(doc.select("table.headline tbody tr")).hasSize(lines.size() - 1);
    int checked = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      Element row = doc.selectFirst("table.headline tr[data-variant=" + f[1] + "]");
      assertThat(row).as("row of " + f[1]).isNotNull();
      // every number shown in the row sits in a span naming its column
      assertThat(row.select("span[data-col]")).hasSize(header.size() - 2);
      String rowText = row.select("td").text().replace("±", " ").replace("—", " ");
      for (String token : rowText.trim().split("\\s+")) {
        assertThat(token).matches("-?[0-9.]+");
      }
      assertThat(row.select("td span[data-col]").size())
          .isEqualTo(rowText.trim().split("\\s+").length + countEmpty(f));
      for (Element span : row.select("span[data-col]")) {
        String col = span.attr("data-col");
        String csv = f[header.indexOf(col)];
        if (csv.isEmpty()) {
          assertThat(span.text()).as(f[1] + " " + col).isEqualTo("—");
        } else {
          assertThat(Double.parseDouble(span.text())).as(f[1] + " " + col)
              .isEqualTo(Double.parseDouble(csv));
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(5 * 18);
  }

  private static int countEmpty(String[] fields) {
    int n = 0;
    for (String s : fields) {
      n += s.isEmpty() ? 1 : 0;
    }
    return n;
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
        long bars = svg.select("rect").stream()
            .filter(r -> r.attr("style").matches(".*fill:rgb\\((214,39,40|255,159,28|31,119,180|44,160,44)\\).*"))
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
      String data = img.attr("src").substring("data:image/png;base64,".length());
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data)));
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
