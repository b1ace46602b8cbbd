package io.mlproxy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code workbench} command: entry point of the ML-proxy workbench. */
@Command(
    name = "workbench",
    mixinStandardHelpOptions = true,
    versionProvider = Workbench.Version.class,
    description = {
      "Discrete-event workbench for the Linux ml_lib RFC: a DAMON-like memory subsystem steered by "
          + "an ML model proxy, compared against handcrafted reclaim and an oracle.",
      "Run 'workbench COMMAND --help' for a command's options."
    })
public final class Workbench implements Runnable {

  /**
   * The subcommands, in the order the help lists them. They are added by {@link #commandLine}
   * rather than named in the annotation, so that a command line naming one builds only that one:
   * picocli reflects over every option of every command it builds, a tenth of a second or more
   * of every run's start-up in a fresh JVM.
   */
  static final List<Class<?>> SUBCOMMANDS = List.of(
      CommandLine.HelpCommand.class,
      RunCommand.class,
      ReportCommand.class,
      BenchCommand.class,
      TuneCommand.class,
      ValidateCommand.class,
      AgentCheckCommand.class,
      SweepCommand.class,
      WorkerCommand.class);

  /** Exit code of a usage error (picocli's default for bad arguments). */
  public static final int EXIT_USAGE = 2;

  /** Exit code of a failure while running. */
  public static final int EXIT_FAILURE = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** When main was entered, for the profile's start-up step. */
  private static volatile long mainNanos = -1;
  private static volatile long mainMillis;
  private static volatile long mainCpuNanos;

  public static void main(String[] args) {
    mainNanos = System.nanoTime();
    mainMillis = System.currentTimeMillis();
    // the JVM's management beans take a few tens of milliseconds to set up in a fresh JVM: read the
    // process CPU only when a profile will print it, and set the heap ratios off the main thread
    mainCpuNanos = List.of(args).contains("--profile") ? io.mlproxy.engine.RunProfile.processCpuNanos() : -1;
    Thread heap = new Thread(Workbench::returnFreeHeap, "heap-ratios");
    heap.setDaemon(true);
    heap.start();
    if (args.length > 0 && args[0].equals("report")) {
      // a report's first use is slow in a fresh JVM: begin with what every report needs while the
      // results are read (this sets slf4j up first). Not for run: its simulation keeps the cores
      // busy (a 10 M-touch replay decodes on one and simulates on the other), where this took 0.4 s
      // of CPU from it, and a run long enough to hide it starts the whole warm-up scenario (RunCommand)
      ReportWarmup.startEarly();
    } else if (args.length > 0 && args[0].equals("run")) {
      ReportWarmup.setUpLogging();
    }
    int code;
    try {
      code = commandLine(args.length > 0 ? args[0] : null).execute(args);
    } catch (OutOfMemoryError e) {
      // bounds keep a scenario within a 512 MiB heap per 2 jobs; a smaller heap still ends cleanly
      System.err.println("workbench: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MiB heap): run fewer --jobs, or give Java more with WORKBENCH_JAVA_OPTS=-Xmx4g");
      code = EXIT_FAILURE;
    }
    System.exit(code);
  }

  /**
   * A run is a batch job whose live data is small next to what it allocates: unless the user chose
   * otherwise, the heap keeps at most 30 % free after a collection that sizes it (G1's remark and
   * full collections), instead of the JVM's 70 %, so the memory a burst needed goes back to the
   * system (a 10-minute 32 MiB scenario peaked at 770 MB resident with the JVM's ratios, 480 MB
   * with these).
   */
  static void returnFreeHeap() {
    try {
      com.sun.management.HotSpotDiagnosticMXBean hotspot =
          java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      if (hotspot.getVMOption("MaxHeapFreeRatio").getOrigin() == com.sun.management.VMOption.Origin.DEFAULT
          && hotspot.getVMOption("MinHeapFreeRatio").getOrigin() == com.sun.management.VMOption.Origin.DEFAULT) {
        hotspot.setVMOption("MinHeapFreeRatio", "10");
        hotspot.setVMOption("MaxHeapFreeRatio", "30");
      }
    } catch (RuntimeException e) {
      // another JVM without these options: its own sizing applies
    }
  }

  /** Builds the command line, with every subcommand, with the project's exit-code conventions. */
  public static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * Like {@link #commandLine()}; when {@code first} (the first argument) names a subcommand other
   * than {@code help}, only that one is built: nothing else can be parsed or asked for then.
   */
  static CommandLine commandLine(String first) {
    CommandLine cl = new CommandLine(new Workbench());
    Class<?> only = null;
    for (Class<?> c : SUBCOMMANDS) {
      String name = c.getAnnotation(Command.class).name();
      if (name.equals(first) && !name.equals("help")) {
        only = c;
      }
    }
    for (Class<?> c : SUBCOMMANDS) {
      if (only == null || c == only) {
        cl.addSubcommand(new CommandLine(c));
      }
    }
    HelpText.install(cl);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = SafeWriter.wrap(commandLine.getErr());
          err.println("workbench: " + ex.getMessage());
          err.flush();
          return EXIT_FAILURE;
        });
    // usage errors echo arguments: printed through SafeWriter too
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          PrintWriter err = SafeWriter.wrap(c.getErr());
          err.println(ex.getMessage());
          if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            c.usage(err, c.getColorScheme());
          }
          err.flush();
          return c.getCommandSpec().exitCodeOnInvalidInput();
        });
    return cl;
  }

  /** Adds the JVM's start-up (until main) and the command line's parsing to {@code profile}. */
  static void addStartup(io.mlproxy.engine.RunProfile profile) {
    if (mainNanos < 0) {
      return; // not started through main (tests)
    }
    long jvmStartMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    profile.addStep("JVM start-up (until main)", Math.max(0, mainMillis - jvmStartMs) * 1_000_000L, mainCpuNanos);
    profile.addStep("command line", System.nanoTime() - mainNanos);
  }

  @Override
  public void run() {
    // No subcommand given: picocli prints the usage with the error.
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** Reads the version that Maven filtered into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"workbench " + version()};
    }
  }

  /** The tool's version, from the build. */
  public static String version() {
    try (InputStream in = Workbench.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
