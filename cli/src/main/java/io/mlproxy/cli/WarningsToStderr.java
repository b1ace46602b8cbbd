package io.mlproxy.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The workbench's logging: warnings and errors to standard error as {@code LEVEL logger: message}
 * (DSOL logs everything at DEBUG unless told otherwise). Configured in code rather than from a
 * logback.xml: reading the XML (Joran) and logback's pattern layout cost a quarter of a second of
 * CPU in every run, a quarter of a short trace replay. A configuration given with {@code
 * -Dlogback.configurationFile} still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class WarningsToStderr extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    Line line = new Line();
    line.setContext(context);
    line.start();
    encoder.setLayout(line);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    // Hazelcast logs through slf4j (HazelcastSettings): warnings only; its advice to open JDK
    // internals is taken in the jar's manifest (Add-Opens), not repeated
    context.getLogger("com.hazelcast").setLevel(Level.WARN);
    context.getLogger("com.hazelcast.internal.util.ModularJavaUtils").setLevel(Level.ERROR);
    context.getLogger("com.hazelcast.instance.impl.HazelcastInstanceFactory").setLevel(Level.ERROR);
    // the embedded member is alone on purpose ("No join method is enabled") and ends with the JVM
    // ("Terminating forcefully"): both expected, neither worth a warning
    context.getLogger("com.hazelcast.instance.impl.Node").setLevel(Level.ERROR);
    // a member that left cannot be reconnected to: the submitter says so in its own words
    context.getLogger("com.hazelcast.client.impl.connection").setLevel(Level.ERROR);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** {@code LEVEL logger: message}, the logger's packages shortened to their initials, then the throwable. */
  static final class Line extends LayoutBase<ILoggingEvent> {
    @Override
    public String doLayout(ILoggingEvent event) {
      StringBuilder sb = new StringBuilder(128);
      sb.append(event.getLevel()).append(' ').append(shortName(event.getLoggerName())).append(": ")
          .append(event.getFormattedMessage()).append(System.lineSeparator());
      if (event.getThrowableProxy() != null) {
        sb.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append(System.lineSeparator());
      }
      return sb.toString();
    }

    /** {@code n.t.s.dsol.SimulatorInterface}-like: packages cut to their initials, the class kept. */
    static String shortName(String name) {
      int last = name.lastIndexOf('.');
      if (last < 0) {
        return name;
      }
      StringBuilder sb = new StringBuilder();
      int start = 0;
      while (start < last) {
        int dot = name.indexOf('.', start);
        sb.append(name.charAt(start)).append('.');
        start = dot + 1;
      }
      return sb.append(name, last + 1, name.length()).toString();
    }
  }
}
