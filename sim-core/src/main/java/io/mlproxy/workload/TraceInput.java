package io.mlproxy.workload;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A trace file's bytes, decompressed for {@code .gz} and {@code .zst}. Counts the file bytes read
 * so that an error can say where the file is damaged, and stops a compressed file from expanding
 * more than {@link #MAX_EXPANSION} times (a zstd frame of zeros could otherwise expand without
 * end; gzip cannot exceed about 1,032 times by its format).
 *
 * <p>The three encodings are handled alike: an empty file, data after the compressed stream and
 * a cut compressed stream are errors in every mode (lenient reading skips malformed records, not
 * a damaged file).
 */
final class TraceInput extends FilterInputStream {

  /** Most decompressed bytes per file byte. */
  static final long MAX_EXPANSION = 1032;

  private final Counting file;
  private final long fileSize;
  private final String kind;
  private final long limit;
  private long produced;

  private TraceInput(InputStream decoded, Counting file, long fileSize, String kind) {
    super(decoded);
    this.file = file;
    this.fileSize = fileSize;
    this.kind = kind;
    this.limit = kind.isEmpty() ? Long.MAX_VALUE : Math.max(1L << 20, fileSize * MAX_EXPANSION);
  }

  /**
   * Opens {@code path}, a regular file; an empty file or a file that is not in the compression
   * its name says is a {@link TraceFormatException}.
   */
  static TraceInput open(Path path) throws IOException {
    long size = Files.size(path);
    String name = path.getFileName().toString();
    String kind = name.endsWith(".gz") ? "gzip" : name.endsWith(".zst") ? "zstd" : "";
    if (size == 0) {
      throw new TraceFormatException(path.toString(), 0, -1, "the file is empty (0 bytes)");
    }
    Counting counting = new Counting(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
    try {
      InputStream decoded = switch (kind) {
        case "gzip" -> GzipCompressorInputStream.builder().setInputStream(counting)
            .setDecompressConcatenated(true).get();
        case "zstd" -> new ZstdInputStream(counting);
        default -> counting;
      };
      return new TraceInput(decoded, counting, size, kind);
    } catch (IOException e) {
      counting.close();
      throw new TraceFormatException(path.toString(), 0, -1,
          "not a " + kind + " file (" + describe(e) + "; the name ends in ." + (kind.equals("gzip") ? "gz" : "zst") + ")");
    }
  }

  /** True when the bytes are decompressed from a .gz or .zst file. */
  boolean compressed() {
    return !kind.isEmpty();
  }

  /** Where reading is in the file, e.g. "compressed byte 1234 of 5678", for error messages. */
  String where() {
    return (compressed() ? "compressed byte " : "byte ") + file.count + " of " + fileSize;
  }

  /** A short description of a decompression failure. */
  String describeFailure(IOException e) {
    return kind + " data " + (e instanceof EOFException ? "ends early: the file is cut" : "is damaged: " + describe(e))
        + " (at " + where() + ")";
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    if (e instanceof EOFException || m == null) {
      return "it ends early";
    }
    return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(long n) throws IOException {
    produced += n;
    if (produced > limit) {
      throw new IOException("expands to more than " + MAX_EXPANSION + " times its " + fileSize
          + " bytes (a compression bomb, or not a trace)");
    }
  }

  /** Counts the bytes read from the file itself. */
  private static final class Counting extends FilterInputStream {
    private long count;
    private long mark;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }

    @Override
    public synchronized void mark(int readlimit) {
      super.mark(readlimit);
      mark = count;
    }

    @Override
    public synchronized void reset() throws IOException {
      super.reset();
      count = mark;
    }
  }
}
