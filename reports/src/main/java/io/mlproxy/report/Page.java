package io.mlproxy.report;

/** The frame shared by all report pages: head with inline styles (screen and print), footer. */
final class Page {

  static final String CSS = """
      body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;margin:24px auto;max-width:1100px;
        color:#222;line-height:1.4;padding:0 16px}
      h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.4em;border-bottom:1px solid #ccc}
      table{border-collapse:collapse;margin:.6em 0;font-size:.85em}
      th,td{border:1px solid #ccc;padding:3px 6px;text-align:right;vertical-align:top}
      th{background:#f3f3f3}th[scope=row]{white-space:nowrap}td:first-child,th[scope=row],table.kv td,table.kv th{text-align:left}
      table.headline{font-size:.76em;width:100%}table.headline th{font-weight:600}
      table.headline th.mode{min-width:2.6em}
      .ci{display:block;color:#555;font-size:.92em;white-space:nowrap}.pm{color:#555}
      .swatch{display:inline-block;width:.8em;height:.8em;margin-right:.35em;vertical-align:-.05em;
        border:1px solid rgba(0,0,0,.25)}
      .verdict{background:#f7f7f7;border-left:4px solid #444;padding:.4em 1em;font-size:1.05em}
      .verdict p{margin:.45em 0}
      .glance{display:flex;flex-wrap:wrap;gap:8px 28px;align-items:flex-start}
      .ladders{flex:1;min-width:320px}.ladder{margin:.3em 0 .7em}.ladder .who{display:inline-block;
        min-width:6em;font-size:.85em}
      .bar{display:flex;height:1.35em;border:1px solid #bbb;margin:.15em 0;font-size:.75em;overflow:hidden}
      .seg{display:block;white-space:nowrap;overflow:hidden;padding:0 3px;line-height:1.35em}
      table.index{font-size:.8em;width:100%}table.index td.best{font-weight:700}
      table.index .verdict-cell{text-align:left;background:#fafafa;color:#333}
      table.index .verdict-cell p{margin:.15em 0}
      table.bench td:nth-child(-n+3){text-align:left}table.bench td:nth-child(4){white-space:nowrap}
      .note{color:#a33}.muted{color:#666;font-size:.85em}
      figure{margin:1.2em 0;page-break-inside:avoid;break-inside:avoid}
      figcaption{font-size:.85em;color:#444;max-width:960px}
      svg.chart,img.chart{width:100%;max-width:960px;height:auto;display:block}
      pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:.8em}
      nav{font-size:.9em;margin:.6em 0}nav a{margin-right:1em}
      .facts{display:flex;flex-wrap:wrap;gap:0 14px;align-items:flex-start}
      @media print{body{margin:0;max-width:none}nav{display:none}details{display:block}
        h2{page-break-after:avoid}table{page-break-inside:avoid}table.headline{font-size:.62em}}
      """;

  private Page() {}

  static void begin(HtmlWriter h, String title) {
    h.raw("<!DOCTYPE html>\n").open("html", "lang", "en").nl().open("head").nl()
        .empty("meta", "charset", "utf-8").nl()
        .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").nl()
        .element("title", title).nl()
        .open("style").raw(CSS).close("style").nl()
        .close("head").nl().open("body").nl();
  }

  static void end(HtmlWriter h, String footer) {
    h.open("footer").element("p", footer, "class", "muted").close("footer").nl()
        .close("body").nl().close("html").nl();
  }
}
