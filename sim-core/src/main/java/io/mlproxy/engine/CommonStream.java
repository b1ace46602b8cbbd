package io.mlproxy.engine;

import io.mlproxy.workload.AccessStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One replication's workload stream, produced once and read by every variant of the replication
 * (common random numbers without generating the stream once per variant).
 *
 * <p>The stream is cut into chunks of {@link #CHUNK} touches. The first reader that needs a chunk
 * produces it from the source; a chunk is dropped once every reader has moved past it, and at most
 * {@link #WINDOW} chunks are kept, so memory does not grow with the run: a reader that runs ahead
 * (the oracle reads its horizon ahead) waits for the slowest one. The slowest reader never waits
 * for a window, so the readers cannot block each other for good. While a reader waits it gives its
 * CPU permit back, so that the readers it waits for can run when there are fewer permits (the
 * run's {@code --jobs}) than readers.
 *
 * <p>Every reader gets exactly the touches the source yields, in order, whoever produced them: the
 * results do not depend on the thread timing.
 */
final class CommonStream {

  /** Touches per chunk. */
  static final int CHUNK = 1 << 15;
  /** Most chunks held at once (12 bytes per touch: 6 MiB). */
  static final int WINDOW = 16;

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private final AccessStream source;
  private final Semaphore cpu;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  /** Chunk k (for base &lt;= k &lt; produced) is {@code ring[k % WINDOW]}. */
  private final Chunk[] ring = new Chunk[WINDOW];
  private final ArrayDeque<Chunk> spare = new ArrayDeque<>();
  /** Per reader, the lowest chunk it may still read; {@link Long#MAX_VALUE} once it is closed. */
  private final long[] cursors;
  private long base;
  private long produced;
  private boolean producing;
  private boolean ended;
  private boolean sourceClosed;
  private RuntimeException failure;
  private long produceNanos;
  /** Per reader, the time it spent producing chunks for all (its simulation thread did that work). */
  private final long[] producedBy;

  /** A run of touches of the stream. */
  private static final class Chunk {
    final int[] pages = new int[CHUNK];
    final long[] times = new long[CHUNK];
    int length;
  }

  /**
   * @param source the stream to share; this object owns it and closes it when every reader is closed
   * @param readers how many readers will read it (one per variant)
   * @param cpu the run's CPU permits, of which each reader holds one while it runs (null: none)
   */
  CommonStream(AccessStream source, int readers, Semaphore cpu) {
    this.source = source;
    this.cpu = cpu;
    this.cursors = new long[readers];
    this.producedBy = new long[readers];
  }

  /** Reader {@code index}'s view of the stream: every touch of the source, from the first. */
  AccessStream reader(int index) {
    return new Reader(index);
  }

  /** CPU time spent producing chunks from the source (generation or trace decoding), ns. */
  long produceNanos() {
    lock.lock();
    try {
      return produceNanos;
    } finally {
      lock.unlock();
    }
  }

  /** CPU time reader {@code index}'s thread spent producing chunks, ns. */
  long produceNanos(int index) {
    lock.lock();
    try {
      return producedBy[index];
    } finally {
      lock.unlock();
    }
  }

  /**
   * Starts a daemon thread that produces chunks ahead of the readers while the window has room,
   * for a stream whose readers leave a core idle (fewer variants in flight than the run has jobs):
   * decoding or generating the stream then overlaps the simulation instead of adding to it. The
   * readers still produce a chunk themselves when they find none ready, so the thread only ever
   * saves time; what every reader gets is the same either way.
   */
  void produceAhead(String threadName) {
    Thread t = new Thread(this::produceWhileRoom, threadName);
    t.setDaemon(true);
    t.start();
  }

  private void produceWhileRoom() {
    lock.lock();
    try {
      while (failure == null && !ended && !sourceClosed) {
        if (Arrays.stream(cursors).min().orElse(Long.MAX_VALUE) == Long.MAX_VALUE) {
          closeSource(); // every reader is done
          return;
        }
        if (!producing && produced - base < WINDOW) {
          produceNext(AHEAD);
        } else {
          changed.awaitUninterruptibly();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** The producer index of {@link #produceAhead}'s thread (its time is counted for no reader). */
  private static final int AHEAD = -1;

  /** Ends the stream for every reader with {@code cause} (another reader failed or was cancelled). */
  void abort(RuntimeException cause) {
    lock.lock();
    try {
      if (failure == null) {
        failure = cause;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Chunk {@code k} for {@code reader}, or null past the end of the stream. */
  private Chunk chunk(int reader, long k) {
    while (true) {
      boolean gaveCpuBack = false;
      lock.lock();
      try {
        moveCursor(reader, k);
        if (failure != null) {
          throw failure;
        }
        if (k < produced) {
          return ring[(int) (k % WINDOW)];
        }
        if (ended) {
          return null;
        }
        if (!producing && produced - base < WINDOW) {
          produceNext(reader);
          continue;
        }
        // another reader is producing, or this one is WINDOW chunks ahead of the slowest
        if (cpu != null) {
          cpu.release();
          gaveCpuBack = true;
        }
        changed.awaitUninterruptibly();
      } finally {
        lock.unlock();
        if (gaveCpuBack) {
          cpu.acquireUninterruptibly();
        }
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted while waiting for the common workload stream");
      }
    }
  }

  /** Produces chunk {@code produced}; called holding the lock, which it gives up while reading the source. */
  private void produceNext(int reader) {
    producing = true;
    Chunk c = spare.isEmpty() ? new Chunk() : spare.pop();
    long start = CPU.getCurrentThreadCpuTime();
    RuntimeException error = null;
    int n = 0;
    lock.unlock();
    try {
      // a chunk holds what one read returns: fewer touches than asked is fine, none is the end
      n = source.read(c.pages, c.times, CHUNK);
    } catch (RuntimeException e) {
      error = e;
    } finally {
      lock.lock();
    }
    long took = CPU.getCurrentThreadCpuTime() - start;
    produceNanos += took;
    if (reader != AHEAD) {
      producedBy[reader] += took;
    }
    producing = false;
    if (error != null) {
      failure = error;
    } else if (n == 0) {
      ended = true;
      spare.push(c);
    } else {
      c.length = n;
      ring[(int) (produced % WINDOW)] = c;
      produced++;
    }
    changed.signalAll();
  }

  /** Moves {@code reader}'s cursor to {@code k} and drops the chunks no reader needs any more. */
  private void moveCursor(int reader, long k) {
    cursors[reader] = k;
    long min = Arrays.stream(cursors).min().orElse(Long.MAX_VALUE);
    boolean dropped = false;
    while (base < produced && base < min) {
      int slot = (int) (base % WINDOW);
      spare.push(ring[slot]); // reused: the stream allocates at most WINDOW + 1 chunks
      ring[slot] = null;
      base++;
      dropped = true;
    }
    if (min == Long.MAX_VALUE) {
      closeSource();
    }
    if (dropped) {
      changed.signalAll();
    }
  }

  private void closeSource() {
    if (!sourceClosed && !producing) {
      sourceClosed = true;
      java.util.Arrays.fill(ring, null);
      spare.clear();
      try {
        source.close();
      } catch (RuntimeException e) {
        // every reader is done; a failure to close the source cannot change their results
      }
      changed.signalAll(); // a producer ahead stops
    }
  }

  /**
   * Reads the chunks in order, one touch array copy per batch, or lends them: a lent run is the
   * rest of the current chunk, which stays in the window (this reader's cursor is on it) until the
   * reader asks for the next.
   */
  private final class Reader implements AccessStream, TickReader.Lending {
    private final int index;
    private long k;
    private Chunk current;
    private int pos;
    private boolean done;

    Reader(int index) {
      this.index = index;
    }

    @Override
    public int pages() {
      return source.pages();
    }

    @Override
    public int read(int[] pages, long[] timesUs, int max) {
      if (!atTouch()) {
        return 0;
      }
      int n = Math.min(max, current.length - pos);
      System.arraycopy(current.pages, pos, pages, 0, n);
      System.arraycopy(current.times, pos, timesUs, 0, n);
      pos += n;
      return n;
    }

    @Override
    public boolean lend(TickReader.Run into) {
      if (!atTouch()) {
        return false;
      }
      into.pages = current.pages;
      into.times = current.times;
      into.from = pos;
      into.to = current.length;
      pos = current.length;
      return true;
    }

    /** Moves to the next chunk when the current one is used up; false at the end of the stream. */
    private boolean atTouch() {
      if (done) {
        return false;
      }
      if (current == null || pos == current.length) {
        if (current != null) {
          k++;
        }
        current = chunk(index, k);
        pos = 0;
        if (current == null) {
          done = true;
          return false;
        }
      }
      return true;
    }

    @Override
    public void close() {
      if (k == Long.MAX_VALUE) {
        return;
      }
      done = true;
      current = null;
      k = Long.MAX_VALUE;
      lock.lock();
      try {
        moveCursor(index, Long.MAX_VALUE);
      } finally {
        lock.unlock();
      }
    }
  }
}
