package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The PNG writer's files are valid PNGs whose decoded pixels are the image's, alpha included. */
class PngWriterTest {

  @Property(tries = 60)
  void decodesToTheSamePixelsWithValidChunks(
      @ForAll("types") int type, @ForAll @IntRange(min = 1, max = 70) int width,
      @ForAll @IntRange(min = 1, max = 50) int height, @ForAll("alphaMode") int alphaMode,
      @ForAll long seed) throws Exception {
    BufferedImage image = new BufferedImage(width, height, type);
    java.util.Random random = new java.util.Random(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = random.nextInt(4) == 0 ? 0xffffff : random.nextInt(1 << 24); // flat runs, as in charts
        int alpha = switch (alphaMode) {
          case 0 -> 0xff;
          case 1 -> random.nextInt(256);
          default -> x == width - 1 && y == height - 1 ? 0xfe : 0xff; // one pixel not opaque
        };
        image.setRGB(x, y, alpha << 24 | rgb);
      }
    }

    byte[] png = PngWriter.encode(image);

    List<String> chunks = chunksWithValidCrc(png);
    assertThat(chunks.get(0)).isEqualTo("IHDR");
    assertThat(chunks).contains("IDAT").last().isEqualTo("IEND");
    int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
    // RGBA exactly when some pixel as stored is not opaque (random alphas may all come out 255,
    // and an image type without alpha drops them)
    boolean translucent = java.util.Arrays.stream(pixels).anyMatch(px -> px >>> 24 != 0xff);
    assertThat(png[8 + 8 + 9]).as("colour type").isEqualTo((byte) (translucent ? 6 : 2));
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(decoded.getWidth()).isEqualTo(width);
    assertThat(decoded.getHeight()).isEqualTo(height);
    assertThat(decoded.getRGB(0, 0, width, height, null, 0, width)).isEqualTo(pixels);
  }

  @Provide
  Arbitrary<Integer> types() {
    return Arbitraries.of(BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR,
        BufferedImage.TYPE_4BYTE_ABGR);
  }

  @Provide
  Arbitrary<Integer> alphaMode() {
    return Arbitraries.of(0, 1, 2);
  }

  /** The chunk types in order; fails unless the signature and every chunk's CRC are right. */
  private static List<String> chunksWithValidCrc(byte[] png) {
    ByteBuffer b = ByteBuffer.wrap(png);
    byte[] signature = new byte[8];
    b.get(signature);
    assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    List<String> types = new ArrayList<>();
    while (b.hasRemaining()) {
      int length = b.getInt();
      byte[] typeAndData = new byte[4 + length];
      b.get(typeAndData);
      CRC32 crc = new CRC32();
      crc.update(typeAndData);
      String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
      assertThat(b.getInt()).as("CRC of %s", type).isEqualTo((int) crc.getValue());
      types.add(type);
    }
    return types;
  }
}
