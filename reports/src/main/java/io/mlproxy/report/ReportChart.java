package io.mlproxy.report;

import org.jfree.data.xy.XYSeries;

/** One figure of the scenario report, drawn from the results alone. */
public interface ReportChart {

  /** Draws the figure, or explains why the results cannot support it. */
  Figure render(ScenarioResults results);

  /** An XY series of the (downsampled) points of {@code y} against {@code x}. */
  static XYSeries series(String key, double[] x, double[] y) {
    Downsampler.Points p = Downsampler.downsample(x, y, Downsampler.MAX_POINTS);
    XYSeries s = new XYSeries(key, false, true);
    for (int i = 0; i < p.size(); i++) {
      s.add(p.x()[i], p.y()[i], false);
    }
    return s;
  }

  /** The variant whose proxy behaviour a single-variant chart shows: proxy, else ml-only. */
  static String proxyVariant(ScenarioResults r) {
    if (r.rep1(Variants.PROXY).isPresent()) {
      return Variants.PROXY;
    }
    return r.rep1(Variants.ML_ONLY).isPresent() ? Variants.ML_ONLY : null;
  }
}
