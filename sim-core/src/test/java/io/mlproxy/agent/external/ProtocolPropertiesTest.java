package io.mlproxy.agent.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.proxy.ControlInterface;
import io.mlproxy.proxy.DataChannel;
import io.mlproxy.proxy.MlModelProxy;
import io.mlproxy.proxy.ModeThresholds;
import io.mlproxy.proxy.ModelOperations;
import io.mlproxy.proxy.ProxyConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties and fuzzing of the protocol's frame reader, frame builder, request server and log. */
class ProtocolPropertiesTest {

  @Property
  void framesBuiltAreReadBackIdentically(@ForAll @IntRange(min = 0, max = 255) int type,
      @ForAll long a, @ForAll int b, @ForAll @Size(max = 300) byte[] body) throws IOException {
    FrameBuffer out = new FrameBuffer().begin(type).i64(a).i32(b).u16(b).bytes(body, 0, body.length);
    int len = out.finish();
    Object read = AgentConnection.readFrame(new ByteArrayInputStream(out.array(), 0, len), 1 << 20);
    assertThat(read).isInstanceOf(Frame.class);
    Frame f = (Frame) read;
    assertThat(f.type()).isEqualTo(type);
    assertThat(f.i64(0)).isEqualTo(a);
    assertThat(f.i32(8)).isEqualTo(b);
    assertThat(f.u16(12)).isEqualTo(b & 0xFFFF);
    assertThat(Arrays.copyOfRange(f.raw(), Frame.BODY + 14, f.raw().length)).isEqualTo(body);
  }

  @Property(tries = 500)
  void anyByteStreamGivesFramesThenAnEndOrOneFaultAndNeverReadsPastABadLength(
      @ForAll @Size(max = 200) byte[] stream, @ForAll @IntRange(min = 1, max = 64) int maxFrame) throws IOException {
    CountingStream in = new CountingStream(stream);
    int frames = 0;
    while (true) {
      long before = in.consumed;
      Object o = AgentConnection.readFrame(in, maxFrame);
      if (o instanceof Frame f) {
        assertThat(f.raw().length).isBetween(1, maxFrame);
        frames++;
        continue;
      }
      if (o instanceof ConnectionFault fault) {
        assertThat(fault.kind()).isEqualTo(ConnectionFault.Kind.BROKEN_FRAME);
        if (fault.getMessage().startsWith("frame length")) {
          assertThat(in.consumed - before).as("only the length field is read").isEqualTo(4);
        }
      } else {
        assertThat(o).isNull();
        assertThat(in.consumed).isEqualTo(stream.length);
      }
      break;
    }
    assertThat(frames).isLessThanOrEqualTo(stream.length / 5);
  }

  @Property(tries = 300)
  void theRequestServerAnswersEveryFrameWithOneResultAndNeverThrows(
      @ForAll("requests") byte[] raw) {
    MlModelProxy proxy = MlModelProxy.create("fuzz", ModelOperations.GENERIC,
        sink -> sink.region(0, 64, 1, 1, 2, 500, 0), () -> 1_000L);
    proxy.init(ProxyConfig.forAddressSpace(64), ModeThresholds.defaults());
    RequestServer server = new RequestServer(new ControlInterface(proxy), new DataChannel(proxy), 4096, 1024);
    FrameBuffer out = new FrameBuffer();
    server.serve(new Frame(raw), out);
    int len = out.finish();
    Frame result = new Frame(Arrays.copyOfRange(out.array(), 4, len));
    assertThat(result.type()).isEqualTo(AgentProtocol.RESULT);
    assertThat(result.bodyLength()).isGreaterThanOrEqualTo(4);
    assertThat(len - 4).isLessThanOrEqualTo(4096);
    if (server.lastProblem() != null) {
      assertThat(result.i32(0)).isEqualTo(-71);
    }
    assertThat(server.pendingBytes()).isLessThanOrEqualTo(1024);
  }

  @Provide
  Arbitrary<byte[]> requests() {
    Arbitrary<Integer> type = Arbitraries.of(List.of(0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x81, 0x01, 0x99));
    Arbitrary<byte[]> body = Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
        Arbitraries.of("START", "STOP", "PREPARE_DATASET", "DISCARD_DATASET", "RE_INIT min_dwell=1000", "state",
            "counters", "control", "nope", "").map(String::getBytes));
    return type.flatMap(t -> body.map(b -> {
      byte[] raw = new byte[b.length + 1];
      raw[0] = (byte) (int) t;
      System.arraycopy(b, 0, raw, 1, b.length);
      return raw;
    }));
  }

  @Property
  void theLogKeepsTheFirstAndLastBytesWithinItsLimit(
      @ForAll @Size(max = 30) List<@Size(max = 100) byte[]> writes, @ForAll @IntRange(min = 2, max = 120) int limit) {
    BoundedLog log = new BoundedLog(limit);
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (byte[] w : writes) {
      log.append(w, 0, w.length);
      all.writeBytes(w);
    }
    byte[] everything = all.toByteArray();
    byte[] kept = log.toBytes();
    assertThat(log.total()).isEqualTo(everything.length);
    if (everything.length <= limit) {
      assertThat(kept).isEqualTo(everything);
      assertThat(log.dropped()).isZero();
    } else {
      int head = limit / 2;
      int tail = limit - head;
      assertThat(log.dropped()).isEqualTo(everything.length - limit);
      assertThat(Arrays.copyOfRange(kept, 0, head)).isEqualTo(Arrays.copyOfRange(everything, 0, head));
      assertThat(Arrays.copyOfRange(kept, kept.length - tail, kept.length))
          .isEqualTo(Arrays.copyOfRange(everything, everything.length - tail, everything.length));
      assertThat(new String(kept)).contains("bytes dropped");
    }
  }

  /** A stream that counts what was taken from it. */
  private static final class CountingStream extends InputStream {
    private final InputStream in;
    long consumed;

    CountingStream(byte[] b) {
      in = new ByteArrayInputStream(b);
    }

    @Override
    public int read() throws IOException {
      int r = in.read();
      if (r >= 0) {
        consumed++;
      }
      return r;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int r = in.read(b, off, len);
      if (r > 0) {
        consumed += r;
      }
      return r;
    }
  }
}
