package io.mlproxy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the workbench command in-process and keeps what it printed, for the command tests. */
abstract class CliTestSupport {

  protected final StringWriter out = new StringWriter();
  protected final StringWriter err = new StringWriter();

  /** Executes {@code workbench args...}; returns the exit code. */
  protected int run(String... args) {
    CommandLine cl = Workbench.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }
}
