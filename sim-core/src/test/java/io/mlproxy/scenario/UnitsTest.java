package io.mlproxy.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void durations() throws BadValue {
    assertThat(Units.durationNs("5ms")).isEqualTo(5_000_000L);
    assertThat(Units.durationNs("1.5s")).isEqualTo(1_500_000_000L);
    assertThat(Units.durationNs("2m")).isEqualTo(120_000_000_000L);
    assertThat(Units.durationNs("1h")).isEqualTo(3_600_000_000_000L);
    assertThat(Units.durationNs("100ns")).isEqualTo(100L);
    assertThat(Units.durationNs("7 us")).isEqualTo(7_000L);
    assertThat(Units.durationNs("0.25us")).isEqualTo(250L);
    assertThatThrownBy(() -> Units.durationNs("5")).hasMessageContaining("no unit");
    assertThatThrownBy(() -> Units.durationNs("5kg")).hasMessageContaining("unknown duration unit 'kg'");
    assertThatThrownBy(() -> Units.durationNs("0.5ns")).hasMessageContaining("whole number of ns");
    assertThatThrownBy(() -> Units.durationNs("999999999999h")).hasMessageContaining("too large");
    assertThatThrownBy(() -> Units.parseDurationNs("ms")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sizesAreBinaryIecOnly() throws BadValue {
    assertThat(Units.sizeBytes("4KiB")).isEqualTo(4096L);
    assertThat(Units.sizeBytes("1GiB")).isEqualTo(1_073_741_824L);
    assertThat(Units.sizeBytes("1.5MiB")).isEqualTo(1_572_864L);
    assertThat(Units.sizeBytes("2TiB")).isEqualTo(2_199_023_255_552L);
    assertThat(Units.sizeBytes("512B")).isEqualTo(512L);
    for (String bad : new String[] {"4K", "4KB", "4kib", "4", "1.5B"}) {
      assertThatThrownBy(() -> Units.sizeBytes(bad)).as(bad).isInstanceOf(BadValue.class);
    }
  }

  @Test
  void ratesPermilleAndPercent() throws BadValue {
    assertThat(Units.ratePerSecond("2000000/s")).isEqualTo(2_000_000.0);
    assertThat(Units.ratePerSecond("1000/ms")).isEqualTo(1_000_000.0);
    assertThat(Units.ratePerSecond("60/m")).isEqualTo(1.0);
    assertThat(Units.ratePerSecond("250000")).isEqualTo(250_000.0);
    assertThatThrownBy(() -> Units.ratePerSecond("5/day")).isInstanceOf(BadValue.class);
    assertThat(Units.permille("500")).isEqualTo(500);
    assertThat(Units.permille("500‰")).isEqualTo(500);
    assertThat(Units.permille("500permille")).isEqualTo(500);
    assertThat(Units.permille("12.5%")).isEqualTo(125);
    assertThatThrownBy(() -> Units.permille("12.25%")).hasMessageContaining("whole number of per-mille");
    assertThat(Units.percent("75%")).isEqualTo(75.0);
  }

  @Test
  void formatting() {
    assertThat(Units.formatDurationUs(120_000_000)).isEqualTo("2m");
    assertThat(Units.formatDurationUs(1_500_000)).isEqualTo("1500ms");
    assertThat(Units.formatDurationNs(100)).isEqualTo("100ns");
    assertThat(Units.formatDurationUs(0)).isEqualTo("0s");
    assertThat(Units.formatSize(128L << 20)).isEqualTo("128MiB");
    assertThat(Units.formatSize(1000)).isEqualTo("1000B");
  }

  @Property
  void formattedDurationsParseBack(@ForAll @LongRange(min = 0, max = 1L << 50) long us) throws BadValue {
    assertThat(Units.durationNs(Units.formatDurationUs(us))).isEqualTo(us * 1000);
  }

  @Property
  void formattedSizesParseBack(@ForAll @LongRange(min = 0, max = 1L << 60) long bytes) throws BadValue {
    assertThat(Units.sizeBytes(Units.formatSize(bytes))).isEqualTo(bytes);
  }

  @Property
  void anyTextEitherParsesOrIsABadValue(@ForAll String text) {
    for (ThrowingParse p : new ThrowingParse[] {Units::durationNs, Units::sizeBytes,
        Units::ratePerSecond, Units::permille, Units::percent}) {
      try {
        p.parse(text);
      } catch (BadValue expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  interface ThrowingParse {
    Object parse(String text) throws BadValue;
  }
}
