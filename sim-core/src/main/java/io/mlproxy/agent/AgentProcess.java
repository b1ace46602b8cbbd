package io.mlproxy.agent;

import io.mlproxy.proxy.ControlInterface;
import io.mlproxy.proxy.DataChannel;
import io.mlproxy.proxy.DatasetCodec;
import io.mlproxy.proxy.FeedbackCodec;
import io.mlproxy.proxy.Recommendation;
import io.mlproxy.proxy.RecommendationCodec;
import io.mlproxy.proxy.RegionRecords;
import java.io.ByteArrayOutputStream;

/**
 * The user-space ML agent as a process: it talks to the kernel-side proxy only through the
 * sysfs-like {@link ControlInterface} (text commands) and the character-device-like
 * {@link DataChannel} (bytes), exactly as a real process would.
 *
 * <p>One cycle has three steps, each returning how long it took so the engine can schedule the
 * next one: {@link #readDataset} (PREPARE_DATASET, then read the bytes in portions),
 * {@link #train} (DISCARD_DATASET, decode, read feedback, learn) and {@link #recommendation}
 * (encode the message that {@link #write} later hands to the data channel). Errors from the proxy
 * surface as {@link io.mlproxy.proxy.MlLibException}s for the caller to log; they never leave the
 * process in a half state: the next cycle starts afresh.
 */
public final class AgentProcess implements UserAgent {

  private static final int HEADER = 48;

  private final ControlInterface control;
  private final DataChannel channel;
  private final AgentModel model;
  private final AgentCosts costs;
  private final byte[] portion;
  private final ByteArrayOutputStream feedback = new ByteArrayOutputStream();
  private byte[] dataset = new byte[0];
  private long generation;
  private RegionTable table;

  public AgentProcess(ControlInterface control, DataChannel channel, AgentModel model, AgentCosts costs) {
    this.control = control;
    this.channel = channel;
    this.model = model;
    this.costs = costs;
    this.portion = new byte[costs.portionBytes()];
  }

  /** Attaches to the proxy (START). */
  @Override
  public void attach() {
    control.write(ControlInterface.CONTROL, "START");
  }

  /** Asks for a dataset and reads it whole; returns the simulated read time in nanoseconds. */
  @Override
  public long readDataset() {
    control.write(ControlInterface.CONTROL, "PREPARE_DATASET");
    generation = Long.parseLong(control.read("dataset_generation").trim());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long offset = 0;
    for (int n; (n = channel.readDataset(generation, offset, portion, 0, portion.length)) > 0; ) {
      bytes.write(portion, 0, n);
      offset += n;
    }
    dataset = bytes.toByteArray();
    return ceilKib(dataset.length) * costs.readCostPerKibNs();
  }

  /**
   * Releases the dataset, decodes it, reads pending feedback and learns; returns the simulated
   * training time in nanoseconds.
   */
  @Override
  public long train() {
    control.write(ControlInterface.CONTROL, "DISCARD_DATASET");
    DatasetCodec.Decoded decoded = DatasetCodec.decode(dataset);
    table = toTable(decoded);
    int samples = model.observe(table);
    samples += readFeedback();
    return samples * costs.trainCostPerSampleNs();
  }

  /** The encoded recommendation answering the last dataset read. */
  @Override
  public byte[] recommendation() {
    if (table == null) {
      throw new IllegalStateException("no dataset has been trained on yet");
    }
    Recommendation.Builder b = Recommendation.builder(generation);
    model.recommend(table, b);
    return RecommendationCodec.encode(b.build());
  }

  /** Writes a message into the data channel (the proxy validates and applies it on arrival). */
  @Override
  public void write(byte[] message) {
    channel.writeRecommendation(message, 0, message.length);
  }

  /** Dataset generation of the last dataset read. */
  public long generation() {
    return generation;
  }

  private int readFeedback() {
    for (int n; (n = channel.readFeedback(portion, 0, portion.length)) > 0; ) {
      feedback.write(portion, 0, n);
    }
    byte[] stream = feedback.toByteArray();
    int off = 0;
    int learned = 0;
    while (stream.length - off >= HEADER) {
      long count = u32(stream, off + 16);
      long size = u32(stream, off + 20);
      long length = HEADER + count * size;
      if (length > stream.length - off) {
        break;
      }
      FeedbackCodec.Batch batch = FeedbackCodec.decode(stream, off, (int) length);
      for (FeedbackCodec.Record r : batch.records()) {
        model.feedback(r);
        learned++;
      }
      off += (int) length;
    }
    feedback.reset();
    feedback.write(stream, off, stream.length - off);
    return learned;
  }

  private static RegionTable toTable(DatasetCodec.Decoded d) {
    RegionRecords r = d.regions();
    int n = r.size();
    long[] start = new long[n];
    long[] end = new long[n];
    int[] nr = new int[n];
    int[] last = new int[n];
    int[] age = new int[n];
    int[] resident = new int[n];
    int[] refaults = new int[n];
    for (int i = 0; i < n; i++) {
      start[i] = r.startPage(i);
      end[i] = r.endPage(i);
      nr[i] = r.nrAccesses(i);
      last[i] = r.lastNrAccesses(i);
      age[i] = r.age(i);
      resident[i] = r.residentPermille(i);
      refaults[i] = r.recentRefaults(i);
    }
    return new RegionTable(d.generation(), d.header().timestampMs(), n, start, end, nr, last, age, resident, refaults);
  }

  private static long ceilKib(long bytes) {
    return (bytes + 1023) / 1024;
  }

  private static long u32(byte[] b, int off) {
    return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
  }
}
