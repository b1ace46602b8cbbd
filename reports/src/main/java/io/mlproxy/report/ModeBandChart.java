package io.mlproxy.report;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Chart 3: the proxy's mode over time as a coloured band (one lane per mode), with each
 * mode transition marked and numbered; the numbers key into a table of reasons and of the
 * evidence each transition was decided on (also drawn, with the same numbers, in the evidence chart).
 */
public final class ModeBandChart implements ReportChart {

  static final String ID = "modes";
  static final String TITLE = "Proxy mode over time (replication 1)";

  /** Transitions beyond this many are marked but not numbered, to keep labels legible. */
  static final int MAX_LABELLED = 30;

  /** The table of reasons lists at most this many transitions (a flapping run has thousands). */
  static final int MAX_LISTED = 500;

  @Override
  public Figure render(ScenarioResults r) {
    String variant = ReportChart.proxyVariant(r);
    if (variant == null) {
      return Figure.unavailable(ID, TITLE, "the scenario ran neither proxy nor ml-only");
    }
    TimeSeries ts = r.rep1(variant).orElseThrow();
    if (!ts.hasModes()) {
      return Figure.unavailable(ID, TITLE, "the " + variant + " time series has no mode column values");
    }
    Mode[] sampled = sampleModes(ts, Downsampler.MAX_POINTS);
    double end = ts.time()[ts.size() - 1];
    double axisEnd = TimeCharts.end(r);
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setUseYInterval(true);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    for (Mode m : Mode.values()) {
      XYIntervalSeries s = new XYIntervalSeries(m.name());
      int y = m.ordinal();
      int runStart = -1;
      for (int k = 0; k <= sampled.length; k++) {
        boolean in = k < sampled.length && sampled[k] == m;
        if (in && runStart < 0) {
          runStart = k;
        } else if (!in && runStart >= 0) {
          double x0 = end * runStart / sampled.length;
          double x1 = end * k / sampled.length;
          s.add(x0, x0, x1, y, y - 0.4, y + 0.4);
          runStart = -1;
        }
      }
      data.addSeries(s);
      renderer.setSeriesPaint(m.ordinal(), ChartStyle.mode(variant, m));
    }
    String[] names = new String[Mode.values().length];
    for (Mode m : Mode.values()) {
      names[m.ordinal()] = m.name();
    }
    // no axis label: the lanes name the modes, and the longest name needs the fixed axis space
    SymbolAxis modeAxis = new SymbolAxis(null, names);
    modeAxis.setGridBandsVisible(false);
    XYPlot plot = new XYPlot(data, ChartStyle.timeAxis(axisEnd), modeAxis, renderer);
    List<Event> forced = forcedStart(r.events(variant, 1));
    List<Event> transitions = transitions(r.events(variant, 1));
    for (int k = 0; k < transitions.size(); k++) {
      ValueMarker marker = new ValueMarker(transitions.get(k).timeS());
      marker.setPaint(new Color(0x333333));
      marker.setStroke(ChartStyle.dashed(0.8f));
      if (k < MAX_LABELLED) {
        marker.setLabel(Integer.toString(k + 1));
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        marker.setLabelAnchor(k % 2 == 0 ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(k % 2 == 0 ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
      }
      plot.addDomainMarker(marker);
    }
    TimeCharts.shadeFaults(plot, r, axisEnd, false);
    String title = TITLE.replace("Proxy", variant.equals(Variants.PROXY) ? "Proxy" : "ml-only proxy");
    JFreeChart chart = TimeCharts.chart(title, plot, false);
    ChartStyle.style(plot);
    modeAxis.setTickLabelFont(ChartStyle.SMALL_FONT);
    String note = forced.isEmpty() ? "" : HtmlWriter.escape(variant + " is forced to "
        + forced.get(0).to() + " from the start (events.csv logs that as a transition at t = 0 in every "
        + "replication; it is not counted as one). ");
    return Figure.of(ID, title, chart, ChartEmbedder.svg(chart, ID, ChartStyle.TIME_CHART_WIDTH, 300),
        "<p>Lanes from EMERGENCY (default algorithm only) up to RECOMMENDATION (ML decides), in tints of "
            + HtmlWriter.escape(variant) + "'s colour: the stronger, the more ML decides. Numbered lines: "
            + "transitions, listed below with the evidence they were decided on. Shaded: injected faults. "
            + note + "</p>" + transitionTable(transitions));
  }

  /** Whether {@code e} is the mode a variant is forced into at its start (not a transition). */
  static boolean isForcedStart(Event e) {
    return e.kind().equals(Event.MODE_TRANSITION) && e.timeS() == 0 && e.reason().startsWith("forced");
  }

  /** The mode transitions among {@code events}, the forced start excluded. */
  static List<Event> transitions(List<Event> events) {
    return events.stream().filter(e -> e.kind().equals(Event.MODE_TRANSITION) && !isForcedStart(e)).toList();
  }

  private static List<Event> forcedStart(List<Event> events) {
    return events.stream().filter(ModeBandChart::isForcedStart).toList();
  }

  /**
   * The mode at {@code samples} evenly spaced instants: a run with thousands of steps still
   * draws as at most that many rectangles.
   */
  static Mode[] sampleModes(TimeSeries ts, int samples) {
    double end = ts.time()[ts.size() - 1];
    int n = Math.min(samples, ts.size());
    Mode[] out = new Mode[n];
    int step = 0;
    for (int k = 0; k < n; k++) {
      // The mode in force at the middle of slot k is the one recorded at the end of its step.
      double t = end * (k + 0.5) / n;
      while (step < ts.size() - 1 && ts.time()[step] < t) {
        step++;
      }
      out[k] = ts.mode(step);
    }
    return out;
  }

  private static String evidence(double v) {
    return Double.isNaN(v) ? Fmt.UNDEFINED : Fmt.sig(v, 3);
  }

  private static String transitionTable(List<Event> transitions) {
    HtmlWriter h = new HtmlWriter();
    if (transitions.isEmpty()) {
      return h.element("p", "No mode transitions in replication 1.").toString();
    }
    h.open("details").element("summary", transitions.size() + " mode transitions and their reasons");
    h.open("table", "class", "compact").open("tr");
    for (String c : List.of("#", "time (s)", "from", "to", "pages", "mean (ms)", "lower (ms)", "upper (ms)",
        "reason")) {
      h.element("th", c);
    }
    h.close("tr");
    int shown = Math.min(transitions.size(), MAX_LISTED);
    for (int k = 0; k < shown; k++) {
      Event e = transitions.get(k);
      h.open("tr").element("td", Integer.toString(k + 1)).element("td", Fmt.sig(e.timeS(), 4))
          .element("td", e.from()).element("td", e.to())
          .element("td", evidence(e.evidencePages())).element("td", evidence(e.evidenceMeanMs()))
          .element("td", evidence(e.evidenceLowerMs())).element("td", evidence(e.evidenceUpperMs()))
          .element("td", e.reason()).close("tr");
    }
    h.close("table");
    if (shown < transitions.size()) {
      h.element("p", (transitions.size() - shown) + " more in events.csv.", "class", "muted");
    }
    return h.close("details").toString();
  }
}
