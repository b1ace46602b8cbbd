package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report in a real browser (headless Chromium, kept off the network) and
 * checks the screenshot shows a page with charts. Without Chromium: skipped locally, a failure
 * under CI (where .ci/run installs it).
 */
class ChromiumRenderTest {

  @TempDir Path tmp;

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

  @Test
  void reportRendersWithChartsInHeadlessChromium() throws Exception {
    Optional<String> browser = chromium();
    if (browser.isEmpty()) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("chromium is not installed but CI is set: .ci/run should install it");
      }
      Assumptions.abort("chromium is not installed");
    }
    ResultsFixture f = new ResultsFixture();
    f.steps = 300;
    f.reps = 2;
    Path report = ScenarioReport.write(f.write(tmp.resolve("results")));
    Path png = tmp.resolve("shot.png");
    List<String> cmd = new ArrayList<>(List.of(browser.get(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-extensions", "--no-default-browser-check", "--hide-scrollbars",
        "--user-data-dir=" + tmp.resolve("profile"), "--window-size=1280,2000",
        "--screenshot=" + png, report.toUri().toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("chromium.log").toFile()).start();
    try {
      boolean done = p.waitFor(60, TimeUnit.SECONDS);
      assertThat(done).as("chromium finished within 60 s").isTrue();
    } finally {
      if (p.isAlive()) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
    assertThat(png).as("screenshot; log: " + Files.readString(tmp.resolve("chromium.log")))
        .exists();
    // Kept for a look when the test fails (surefire runs in the module folder).
    Files.createDirectories(Path.of("target"));
    Files.copy(png, Path.of("target", "chromium-report.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(1280);
    assertThat(img.getHeight()).isEqualTo(2000);
    // Not blank: text and tables on white, and chart-like colour variety (coloured lines).
    assertThat(ImageStats.nonWhiteFraction(img)).isGreaterThan(0.02);
    assertThat(ImageStats.distinctColours(img)).isGreaterThan(200);
    // The first chart (resident memory) lies within 2000 px: each variant's line must show in
    // its colour (hand-picked values, distinct from the page's link blue).
    int[] lineColours = {0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd};
    for (int c : lineColours) {
      assertThat(ImageStats.pixelsNear(img, c, 40)).as("pixels near #%06x", c).isGreaterThan(150);
    }
    assertThat(ImageStats.saturatedPixels(img)).isGreaterThan(2000);
  }
}
