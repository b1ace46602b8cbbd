package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's DAMON section reads damon.csv: region figures over the run, the scheme's at the end. */
class DamonSectionTest {

  @TempDir Path dir;

  private Path write(String name, String... lines) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, String.join(",", DamonSection.COLUMNS) + "\n" + String.join("\n", lines) + "\n");
    return f;
  }

  @Test
  void regionsAreAveragedOverTheRunAndTheSchemeCountsTakenFromTheLastRow() throws Exception {
    Path f = write("damon.csv",
        "0.1,10,1677721,1677721.6,1677722,0,0,0,0,0,0,0,0,",
        "140,952,1,17623.1,1319414,1,1349,40,5,6,713031680,0,0,134217728",
        "150,747,1,22459.5,1670455,1,1449,110,14,15,1920991232,2,9535488,134217728");
    DamonSection.Row r = DamonSection.read("handcrafted", f);
    assertThat(r.regionsMean()).isEqualTo((10 + 952 + 747) / 3.0);
    assertThat(r.regionsMin()).isEqualTo(10);
    assertThat(r.regionsMax()).isEqualTo(952);
    assertThat(r.pagesMean()).isEqualTo((1677721.6 + 17623.1 + 22459.5) / 3);
    assertThat(r.pagesMax()).isEqualTo(1677722);
    assertThat(r.activeShare()).isEqualTo(2 / 3.0);
    assertThat(r.applications()).isEqualTo(1449);
    assertThat(r.quotaLimited()).isEqualTo(110);
    assertThat(r.qtExceeds()).isEqualTo(14);
    assertThat(r.appliedBytes()).isEqualTo(9535488.0);
  }

  @Test
  void aVariantWithoutTheSchemeHasNoSchemeFigures() throws Exception {
    DamonSection.Row r = DamonSection.read("oracle", write("oracle.csv", "0.1,10,5,5.5,6,1,,,,,,,,"));
    assertThat(r.applications()).isEqualTo(-1);
    assertThat(r.quotaLimited()).isEqualTo(-1);
    assertThat(r.appliedBytes()).isNaN();
  }

  @Test
  void badContentNamesTheFileAndLine() throws Exception {
    Path negative = write("neg.csv", "0.1,10,5,5.5,6,1,,,,,,,,", "0.2,-3,5,5.5,6,1,,,,,,,,");
    assertThatThrownBy(() -> DamonSection.read("none", negative)).isInstanceOf(ReportException.class)
        .hasMessageContaining("neg.csv").hasMessageContaining("3");
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, String.join(",", DamonSection.COLUMNS) + "\n");
    assertThatThrownBy(() -> DamonSection.read("none", empty)).isInstanceOf(ReportException.class)
        .hasMessageContaining("no rows");
    Path header = dir.resolve("header.csv");
    Files.writeString(header, "time_s,nr_regions\n0.1,10\n");
    assertThatThrownBy(() -> DamonSection.read("none", header)).isInstanceOf(ReportException.class)
        .hasMessageContaining("header.csv");
  }
}
