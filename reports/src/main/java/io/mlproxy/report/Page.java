package io.mlproxy.report;

/** The frame shared by all report pages: head with inline styles (screen and print), footer. */
final class Page {

  static final String CSS = """
      body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;margin:24px auto;max-width:1100px;
        color:#222;line-height:1.4;padding:0 16px}
      h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ccc}
      table{border-collapse:collapse;margin:.6em 0;font-size:.85em}
      th,td{border:1px solid #ccc;padding:3px 6px;text-align:right;vertical-align:top}
      th{background:#f3f3f3}td:first-child,th[scope=row],table.kv td,table.kv th{text-align:left}
      table.headline{font-size:.78em}table.headline th{font-weight:600}
      .ci{display:block;color:#555;font-size:.92em;white-space:nowrap}.scroll{overflow-x:auto}
      .verdict{background:#f6f8ff;border-left:4px solid #1f77b4;padding:.5em 1em}
      .note{color:#a33}.muted{color:#666;font-size:.85em}
      figure{margin:1.2em 0;page-break-inside:avoid;break-inside:avoid}
      figcaption{font-size:.85em;color:#444}
      svg.chart,img.chart{width:100%;max-width:960px;height:auto;display:block}
      pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:.8em}
      nav a{margin-right:1em}
      .facts{display:flex;flex-wrap:wrap;gap:0 14px;align-items:flex-start}
      @media print{body{margin:0;max-width:none}nav{display:none}details{display:block}
        h2{page-break-after:avoid}table{page-break-inside:avoid}
        .scroll{overflow:visible}table.headline{font-size:.62em}}
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
