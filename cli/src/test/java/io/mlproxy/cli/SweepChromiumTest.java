package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.ScenarioEdit;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capacity sweep of static-hot-cold (shortened to 40 simulated seconds, 2 replications) opened
 * in headless Chromium, kept off the network: the page shows its charts with every variant's
 * colour. Without Chromium: skipped locally, a failure under CI (where .ci/run installs it).
 */
class SweepChromiumTest extends CliTestSupport {

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
  void aCapacitySweepOfStaticHotColdRendersItsCharts() throws Exception {
    Optional<String> browser = chromium();
    if (browser.isEmpty()) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("chromium is not installed but CI is set: .ci/run should install it");
      }
      Assumptions.abort("chromium is not installed");
    }
    Path shipped = Path.of("..", "scenarios", "static-hot-cold.yaml");
    Path file = tmp.resolve("static-hot-cold.yaml");
    Files.writeString(file, ScenarioEdit.apply(Files.readString(shipped), Map.of("duration", "40s")));
    int code = run("sweep", file.toString(), "--out", tmp.resolve("sweeps").toString(), "--replications", "2",
        "--param", "memory.capacity=50%,100%,125%", "--quiet");
    assertThat(code).as(err.toString()).isZero();
    Path html = tmp.resolve("sweeps/static-hot-cold/sweep.html");
    assertThat(Files.readString(html)).contains("Score, saving and slowdown against memory.capacity",
        "Saving against slowdown", "memory.capacity (%)");
    Path png = tmp.resolve("shot.png");
    List<String> cmd = new ArrayList<>(List.of(browser.get(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-extensions", "--no-default-browser-check", "--hide-scrollbars",
        "--user-data-dir=" + tmp.resolve("profile"), "--window-size=1280,2400",
        "--screenshot=" + png, html.toUri().toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("chromium.log").toFile()).start();
    try {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished within 60 s").isTrue();
    } finally {
      if (p.isAlive()) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
    assertThat(png).as("screenshot; log: " + Files.readString(tmp.resolve("chromium.log"))).exists();
    Files.createDirectories(Path.of("target"));
    Files.copy(png, Path.of("target", "chromium-sweep.png"), StandardCopyOption.REPLACE_EXISTING);
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(1280);
    // every reported variant's line or band shows in its colour (ChartStyle's palette)
    for (java.awt.Color c : io.mlproxy.report.ChartStyle.VARIANT_COLOURS.values()) {
      int colour = c.getRGB() & 0xffffff;
      assertThat(pixelsNear(img, colour, 40)).as("pixels near #%06x", colour).isGreaterThan(150);
    }
    assertThat(nonWhiteFraction(img)).isGreaterThan(0.03);
  }

  static int pixelsNear(BufferedImage img, int rgb, int tolerance) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int c = img.getRGB(x, y);
        if (Math.abs(((c >> 16) & 255) - ((rgb >> 16) & 255)) <= tolerance
            && Math.abs(((c >> 8) & 255) - ((rgb >> 8) & 255)) <= tolerance
            && Math.abs((c & 255) - (rgb & 255)) <= tolerance) {
          n++;
        }
      }
    }
    return n;
  }

  static double nonWhiteFraction(BufferedImage img) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
          n++;
        }
      }
    }
    return (double) n / ((long) img.getWidth() * img.getHeight());
  }
}
