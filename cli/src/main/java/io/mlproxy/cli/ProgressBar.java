package io.mlproxy.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, drawn only on a terminal: tasks done of all tasks, wherever
 * they ran, and where they run (members, and which left). Notes (a member left) are printed as
 * lines above it, terminal or not.
 */
final class ProgressBar {

  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean enabled;
  private boolean drawn;
  private String last = "";

  ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  synchronized void update(String label, int done, int total) {
    update(label, done, total, "");
  }

  /** Draws the bar; {@code status} follows it (e.g. "3 members; left: 10.0.0.7:5701"). */
  synchronized void update(String label, int done, int total, String status) {
    if (!enabled || total <= 0) {
      return;
    }
    int filled = (int) ((long) WIDTH * done / total);
    String line = String.format(Locale.ROOT, "%-24s [%s%s] %d/%d%s", label, "#".repeat(filled),
        " ".repeat(WIDTH - filled), done, total, status.isEmpty() ? "" : "  " + status);
    // the status is printed raw (it names members by address, from the cluster): keep it printable
    line = io.mlproxy.scenario.SafeText.escapeLine(line);
    err.print("\r" + line + " ".repeat(Math.max(0, last.length() - line.length())));
    err.flush();
    last = line;
    drawn = true;
  }

  /** Prints {@code line} on its own line (through {@code out}, which escapes), the bar below it. */
  synchronized void note(PrintWriter out, String line) {
    String bar = last;
    clear();
    out.println(line);
    out.flush();
    if (enabled && !bar.isEmpty()) {
      err.print("\r" + bar);
      err.flush();
      drawn = true;
      last = bar;
    }
  }

  synchronized void clear() {
    if (drawn) {
      err.print("\r" + " ".repeat(last.length()) + "\r");
      err.flush();
      drawn = false;
    }
    last = "";
  }
}
