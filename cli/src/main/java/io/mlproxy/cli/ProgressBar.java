package io.mlproxy.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on stderr, drawn only on a terminal. */
final class ProgressBar {

  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean enabled;
  private boolean drawn;

  ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  synchronized void update(String label, int done, int total) {
    if (!enabled || total <= 0) {
      return;
    }
    int filled = (int) ((long) WIDTH * done / total);
    err.printf(
        Locale.ROOT, "\r%-24s [%s%s] %d/%d", label, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total);
    err.flush();
    drawn = true;
  }

  synchronized void clear() {
    if (drawn) {
      err.print("\r" + " ".repeat(24 + WIDTH + 16) + "\r");
      err.flush();
      drawn = false;
    }
  }
}
