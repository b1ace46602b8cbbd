package io.mlproxy.report;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/** Access frequency 0..1000 ‰ to colour: dark for cold through red to pale yellow for hot. */
public final class HeatPaintScale implements PaintScale {

  private static final int[] STOPS = {0x000004, 0x420a68, 0x932667, 0xdd513a, 0xfca50a, 0xfcffa4};

  private final Color[] table = new Color[256];

  /** Builds the 256-entry colour table. */
  public HeatPaintScale() {
    for (int i = 0; i < table.length; i++) {
      double pos = i / 255.0 * (STOPS.length - 1);
      int k = Math.min((int) pos, STOPS.length - 2);
      double f = pos - k;
      table[i] = new Color(mix(STOPS[k] >> 16, STOPS[k + 1] >> 16, f),
          mix(STOPS[k] >> 8, STOPS[k + 1] >> 8, f), mix(STOPS[k], STOPS[k + 1], f));
    }
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
  }

  @Override
  public double getLowerBound() {
    return 0;
  }

  @Override
  public double getUpperBound() {
    return 1000;
  }

  @Override
  public Paint getPaint(double value) {
    if (Double.isNaN(value)) {
      return Color.WHITE;
    }
    double v = Math.max(0, Math.min(1000, value));
    return table[(int) Math.round(v / 1000 * 255)];
  }
}
