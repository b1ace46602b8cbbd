package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report in a real browser (headless Chromium, kept off the network): the page
 * shows the verdict summary first, and each chart, laid out alone in a box of known position, shows
 * its own data in the colours it promises (pixels of the chart itself, not of the page's CSS).
 * Without Chromium the test says why it is skipped; under CI (where .ci/run installs it) it fails.
 */
class ChromiumRenderTest {

  @TempDir static Path tmp;
  static String browser;
  static Document report;
  static Path reportFile;
  static String skipReason;

  /** Chart box size on the contact sheet, CSS pixels. */
  static final int BOX_W = 960;
  static final int BOX_H = 640;

  static Optional<String> chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p.toString());
        }
      }
    }
    return Optional.empty();
  }

  @BeforeAll
  static void render() throws Exception {
    Optional<String> found = chromium();
    if (found.isEmpty()) {
      String why = "ChromiumRenderTest skipped: no chromium, chromium-browser or google-chrome on PATH ("
          + System.getenv("PATH") + "); install Debian's chromium (as .ci/run does) to check the "
          + "report in a browser";
      if (System.getenv("CI") != null) {
        throw new AssertionError("chromium is not installed but CI is set: .ci/run should install it");
      }
      // surefire shows only a count of skipped tests: say why where a reader sees it
      System.out.println(why);
      skipReason = why;
      return;
    }
    browser = found.get();
    ResultsFixture f = new ResultsFixture();
    f.steps = 300;
    f.reps = 2;
    reportFile = ScenarioReport.write(f.write(tmp.resolve("results")));
    report = Jsoup.parse(Files.readString(reportFile, StandardCharsets.UTF_8));
  }

  @BeforeEach
  void needsChromium() {
    Assumptions.assumeTrue(skipReason == null, () -> skipReason);
  }

  private static BufferedImage screenshot(Path html, int width, int height, String name) throws Exception {
    Path png = tmp.resolve(name + ".png");
    List<String> cmd = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-extensions", "--no-default-browser-check", "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--user-data-dir=" + tmp.resolve("profile-" + name), "--window-size=" + width + "," + height,
        "--screenshot=" + png, html.toUri().toString()));
    Path log = tmp.resolve(name + ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      boolean done = p.waitFor(90, TimeUnit.SECONDS);
      assertThat(done).as("chromium finished within 90 s").isTrue();
    } finally {
      if (p.isAlive()) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
    assertThat(png).as("screenshot; log: " + Files.readString(log)).exists();
    // Kept for a look when the test fails (surefire runs in the module folder).
    Files.createDirectories(Path.of("target"));
    Files.copy(png, Path.of("target", "chromium-" + name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(width);
    assertThat(img.getHeight()).isEqualTo(height);
    return img;
  }

  private static String hex(java.awt.Color c) {
    return String.format("#%06x", c.getRGB() & 0xffffff);
  }

  @Test
  void theFirstScreenShowsTheVerdictSummaryWithEveryVariantsColour() throws Exception {
    BufferedImage page = screenshot(reportFile, 1280, 900, "page");
    assertThat(ImageStats.nonWhiteFraction(page)).isGreaterThan(0.02);
    // the compact table and the mode ladder sit on the first screen: each variant's swatch
    for (String v : Variants.ALL) {
      assertThat(ImageStats.pixelsNear(page, ChartStyle.variant(v).getRGB() & 0xffffff, 12))
          .as("swatch of %s on the first screen", v).isGreaterThan(40);
    }
  }

  @Test
  void eachChartShowsItsOwnDataInItsColours() throws Exception {
    // Every figure alone in a box at a known place: nothing else on the page has a colour.
    StringBuilder sheet = new StringBuilder("<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
        + "body{margin:0;background:#fff}div.box{position:absolute;left:0;width:" + BOX_W + "px;height:"
        + BOX_H + "px;overflow:hidden}svg,img{width:" + BOX_W + "px;height:auto;display:block}</style></head><body>");
    List<String> ids = new ArrayList<>();
    for (Element fig : report.select("figure.drawn")) {
      Element chart = fig.selectFirst("svg.chart, img.chart");
      assertThat(chart).as(fig.id()).isNotNull();
      sheet.append("<div class='box' style='top:").append(ids.size() * BOX_H).append("px'>")
          .append(chart.outerHtml()).append("</div>");
      ids.add(fig.id().substring("fig-".length()));
    }
    sheet.append("</body></html>");
    assertThat(ids).containsExactly("resident", "faults", "modes", "efficiency", "staleness", "heatmap", "score");
    Path html = tmp.resolve("sheet.html");
    Files.writeString(html, sheet.toString(), StandardCharsets.UTF_8);
    BufferedImage all = screenshot(html, BOX_W, BOX_H * ids.size(), "charts");
    for (int k = 0; k < ids.size(); k++) {
      BufferedImage box = all.getSubimage(0, k * BOX_H, BOX_W, BOX_H);
      String id = ids.get(k);
      assertThat(ImageStats.nonWhiteFraction(box)).as(id + " drawn").isGreaterThan(0.02);
      switch (id) {
        case "resident", "score" -> {
          for (String v : Variants.ALL) {
            assertThat(ImageStats.pixelsNear(box, ChartStyle.variant(v).getRGB() & 0xffffff, 30))
                .as("%s: line of %s (%s)", id, v, hex(ChartStyle.variant(v))).isGreaterThan(150);
          }
        }
        case "faults" -> {
          for (String v : List.of(Variants.HANDCRAFTED, Variants.PROXY, Variants.ML_ONLY, Variants.ORACLE)) {
            assertThat(ImageStats.pixelsNear(box, ChartStyle.variant(v).getRGB() & 0xffffff, 20))
                .as("faults: panel of %s", v).isGreaterThan(300);
          }
        }
        case "modes" -> {
          for (Mode m : Mode.values()) {
            assertThat(ImageStats.pixelsNear(box, ChartStyle.mode(Variants.PROXY, m).getRGB() & 0xffffff, 12))
                .as("modes: lane %s in the proxy's tint", m).isGreaterThan(200);
          }
        }
        case "efficiency" -> {
          assertThat(ImageStats.pixelsNear(box, 0x000000, 40)).as("known reading (black)").isGreaterThan(400);
          assertThat(ImageStats.pixelsNear(box, ChartStyle.ORANGE.getRGB() & 0xffffff, 40))
              .as("recent reading (orange)").isGreaterThan(300);
        }
        case "staleness" -> {
          for (String v : List.of(Variants.PROXY, Variants.ML_ONLY)) {
            assertThat(ImageStats.pixelsNear(box, ChartStyle.variant(v).getRGB() & 0xffffff, 30))
                .as("staleness of %s", v).isGreaterThan(150);
          }
        }
        case "heatmap" -> {
          assertThat(ImageStats.distinctColours(box)).as("heat colours").isGreaterThan(60);
          assertThat(ImageStats.pixelsNear(box, HeatmapChart.HATCH.getRGB() & 0xffffff, 40))
              .as("paged-out hatching").isGreaterThan(500);
        }
        default -> throw new AssertionError("unexpected figure " + id);
      }
    }
  }
}
