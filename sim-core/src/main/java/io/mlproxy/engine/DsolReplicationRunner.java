package io.mlproxy.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.experiment.Replication;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.experiment.StreamInformation;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.DevsSimulatorInterface;
import nl.tudelft.simulation.dsol.simulators.ErrorStrategy;
import nl.tudelft.simulation.dsol.simulators.SimulatorInterface;
import nl.tudelft.simulation.jstats.streams.StreamInterface;
import nl.tudelft.simulation.naming.context.event.InitialEventContext;
import org.djutils.event.EventProducer;

/**
 * Runs one DSOL DEVS replication to its end and returns only when it is over.
 *
 * <p>DSOL runs the event loop on its own worker thread and pauses, rather than ends, when an
 * event throws: this runner guards every scheduled event, blocks on both the end-of-replication
 * and the stop event, and rethrows the first failure on the caller's thread. Simulated time is in
 * microseconds.
 */
public final class DsolReplicationRunner {

  private static final AtomicLong IDS = new AtomicLong();
  private static final Object CONSTRUCTION_LOCK = new Object();
  private static volatile boolean contextReady;

  private DsolReplicationRunner() {}

  /** What a replication schedules when DSOL constructs the model. */
  @FunctionalInterface
  public interface ModelBody {
    /** Schedules the first events; {@code scheduler} wraps every event so failures surface. */
    void construct(Scheduler scheduler);
  }

  /** The scheduling surface a model sees: relative and absolute events, in microseconds. */
  public static final class Scheduler {
    /** Priority of ordinary events (DSOL's normal priority). */
    public static final short NORMAL = 5;
    /** Priority of events that must follow the others scheduled at the same instant. */
    public static final short LATE = 2;

    private final DevsSimulatorInterface<Double> simulator;
    private final AtomicReference<Throwable> failure;
    private volatile long failedAtUs = -1;

    Scheduler(DevsSimulatorInterface<Double> simulator, AtomicReference<Throwable> failure) {
      this.simulator = simulator;
      this.failure = failure;
    }

    /** The current simulated time in microseconds. */
    public long nowUs() {
      return (long) (double) simulator.getSimulatorTime();
    }

    /**
     * Time of the earliest event waiting in DSOL's event list (the replication's end included), in
     * microseconds; {@link Long#MAX_VALUE} when none waits. Called from an event, it tells how far
     * that event may run ahead without overtaking another one.
     */
    public long nextEventUs() {
      if (simulator instanceof QuietDevsSimulator quiet) {
        double t = quiet.nextEventTime();
        return t >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(t);
      }
      return nowUs();
    }

    /** Schedules {@code event} {@code delayUs} microseconds from now. */
    public void after(long delayUs, Executable event) {
      try {
        simulator.scheduleEventRel((double) delayUs, guard(event));
      } catch (SimRuntimeException e) {
        throw new IllegalStateException("cannot schedule an event in " + delayUs + " us", e);
      }
    }

    /** Schedules {@code event} at the absolute time {@code atUs}. */
    public void at(long atUs, Executable event) {
      at(atUs, NORMAL, event);
    }

    /**
     * Schedules {@code event} at {@code atUs}; among events at the same instant, higher
     * {@code priority} runs first (DSOL's rule), e.g. a workload tick before the aggregation.
     */
    public void at(long atUs, short priority, Executable event) {
      try {
        simulator.scheduleEventAbs((double) atUs, priority, guard(event));
      } catch (SimRuntimeException e) {
        throw new IllegalStateException("cannot schedule an event at " + atUs + " us", e);
      }
    }

    private Executable guard(Executable event) {
      return () -> {
        if (failure.get() != null) {
          return;
        }
        try {
          event.execute();
        } catch (RuntimeException | Error e) {
          if (failure.compareAndSet(null, e)) {
            failedAtUs = nowUs();
          }
          try {
            simulator.endReplication();
          } catch (SimRuntimeException ignored) {
            // the replication is being torn down anyway; the first failure is what matters
          }
        }
      };
    }
  }

  /** Creates DSOL's JVM-wide naming context once; must precede parallel replications. */
  public static synchronized void prepareContext() {
    if (contextReady) {
      return;
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    java.nio.file.Path properties = null;
    try {
      properties = java.nio.file.Files.createTempFile("workbench-jndi", ".properties");
      java.nio.file.Files.writeString(properties, JNDI_PROPERTIES, java.nio.charset.StandardCharsets.ISO_8859_1);
      thread.setContextClassLoader(new JndiProperties(previous, properties.toUri().toURL()));
    } catch (java.io.IOException e) {
      // DSOL then finds its own copy in the jar, at the cost described at JndiProperties
    }
    try {
      InitialEventContext.instantiate("root");
    } catch (Exception e) {
      throw new IllegalStateException("cannot create DSOL's naming context", e);
    } finally {
      thread.setContextClassLoader(previous);
      if (properties != null) {
        try {
          java.nio.file.Files.deleteIfExists(properties);
        } catch (java.io.IOException e) {
          properties.toFile().deleteOnExit();
        }
      }
    }
    contextReady = true;
  }

  /** The settings DSOL ships in its jndi.properties: its JVM-local context factory. */
  private static final String JNDI_PROPERTIES =
      "java.naming.factory.initial=nl.tudelft.simulation.naming.context.JvmContextFactory\n";

  /**
   * Answers DSOL's look-up of {@code jndi.properties} with a file holding the settings DSOL ships.
   * DSOL resolves it through the context class loader and, found in a jar, opens the whole jar as a
   * zip file system and keeps it open: over the shaded workbench.jar (29,000 entries) that cost
   * about 0.2 s of CPU and 20 MB of heap for the life of the JVM; a file costs neither.
   */
  private static final class JndiProperties extends ClassLoader {
    private final java.net.URL file;

    JndiProperties(ClassLoader parent, java.net.URL file) {
      super(parent);
      this.file = file;
    }

    @Override
    public java.net.URL getResource(String name) {
      return name.equals("jndi.properties") ? file : super.getResource(name);
    }
  }

  /**
   * Runs a replication of {@code durationUs} microseconds.
   *
   * @param label a readable prefix for the replication id (made unique here)
   * @param stream the model's default DSOL stream
   * @throws SimulationFailure when an event threw; carries the original exception as cause
   */
  public static void run(String label, long durationUs, StreamInterface stream, ModelBody body) {
    prepareContext();
    long id = IDS.incrementAndGet();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    DevsSimulator<Double> simulator;
    // DSOL's Simulator constructor re-registers the shared "DSOL" log category (remove, add, then
    // add a formatter, each step locked on its own): two threads constructing at once can remove the
    // category between another's add and addFormatter and fail with an NPE. Construct one at a time.
    synchronized (CONSTRUCTION_LOCK) {
      simulator = new QuietDevsSimulator("sim-" + label + "-" + id);
    }
    simulator.setErrorStrategy(ErrorStrategy.WARN_AND_END);
    Scheduler scheduler = new Scheduler(simulator, failure);
    AbstractDsolModel<Double, DevsSimulatorInterface<Double>> model =
        new AbstractDsolModel<>(simulator, new StreamInformation(stream)) {
          private static final long serialVersionUID = 1L;

          @Override
          public void constructModel() {
            body.construct(scheduler);
          }
        };
    SingleReplication<Double> replication =
        new SingleReplication<>("rep-" + label + "-" + id, 0.0, 0.0, (double) durationUs);
    CountDownLatch done = new CountDownLatch(1);
    try {
      simulator.initialize(model, replication);
      simulator.addListener(
          event -> done.countDown(), Replication.END_REPLICATION_EVENT, EventProducer.LAST_POSITION);
      simulator.addListener(
          event -> done.countDown(), SimulatorInterface.STOP_EVENT, EventProducer.LAST_POSITION);
      if (failure.get() == null) {
        simulator.start();
        awaitEnd(done, simulator, failure);
      }
    } catch (SimRuntimeException e) {
      throw new SimulationFailure("replication " + label + " could not run: " + e.getMessage(), e);
    } finally {
      replication.removeFromContext();
      simulator.cleanUp();
    }
    Throwable cause = failure.get();
    if (cause != null) {
      throw new SimulationFailure(
          "replication " + label + " failed at t=" + scheduler.failedAtUs + "us: " + cause, cause);
    }
  }

  private static void awaitEnd(
      CountDownLatch done, DevsSimulator<Double> simulator, AtomicReference<Throwable> failure) {
    try {
      // A stop without an end (DSOL paused on an error it caught itself) must not hang us.
      while (!done.await(1, TimeUnit.SECONDS)) {
        if (simulator.isStoppingOrStopped() && !simulator.isStartingOrRunning()) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
    }
  }

  /**
   * DSOL's DEVS simulator without the per-event TRACE line: DSOL 4.3.2's {@code scheduleEvent}
   * builds the event's {@code toString()} (and an argument array) for a log call that is off,
   * which was most of its allocation and time per event. Everything else is DSOL's: the same
   * semaphore, the same past-time check and message, and the same event list, so events still run
   * by time, then priority, then insertion order.
   */
  static final class QuietDevsSimulator extends DevsSimulator<Double> {
    private static final long serialVersionUID = 1L;

    QuietDevsSimulator(String id) {
      super(id);
    }

    /** Time of the first event in the list, or positive infinity. */
    double nextEventTime() {
      synchronized (semaphore) {
        return eventList.isEmpty() ? Double.POSITIVE_INFINITY
            : eventList.first().getAbsoluteExecutionTime().doubleValue();
      }
    }

    @Override
    public SimEventInterface<Double> scheduleEvent(SimEventInterface<Double> event)
        throws SimRuntimeException {
      synchronized (semaphore) {
        if (event.getAbsoluteExecutionTime().compareTo(simulatorTime) < 0) {
          throw new SimRuntimeException(
              "cannot schedule event " + event + " in past " + simulatorTime + ">"
                  + event.getAbsoluteExecutionTime());
        }
        eventList.add(event);
        return event;
      }
    }
  }

  /** A replication that could not complete. */
  public static final class SimulationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulationFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
