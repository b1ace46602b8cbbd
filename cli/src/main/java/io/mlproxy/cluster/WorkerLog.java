package io.mlproxy.cluster;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** What a worker prints about the tasks it runs (nothing in other processes). */
final class WorkerLog {

  private static volatile Consumer<String> sink;

  private WorkerLog() {}

  /** Sends notes to {@code out}, each line prefixed with the time. */
  static void enable(Consumer<String> out) {
    sink = out;
  }

  static void note(String line) {
    Consumer<String> s = sink;
    if (s != null) {
      s.accept(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS")) + " " + line);
    }
  }
}
