package io.mlproxy.report;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes a chart's image as a PNG: 8-bit truecolour (with alpha only when a pixel is not opaque),
 * rows unfiltered, deflated at level 6 by the JDK's zlib. A chart's flat areas compress as well
 * unfiltered as with PNG's row filters.
 *
 * <p>Why not a PNG library: Image I/O's writer and pngencoder both convert pixels in one large loop
 * that C2 compiles on the spot (OSR) for 0.2–0.6 s of CPU, after the report has long finished with
 * it; a run's exit then waits for that compile (the JVM does not end while a compiler thread is
 * busy). Here the only per-pixel loop is a few shifts, whose compile takes milliseconds.
 */
final class PngWriter {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final int COLOUR_RGB = 2;
  private static final int COLOUR_RGBA = 6;
  private static final int LEVEL = 6;

  private PngWriter() {}

  /** The PNG file of {@code image} (any type; charts are drawn as {@code TYPE_INT_ARGB}). */
  static byte[] encode(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int[] argb = packedArgb(image);
    boolean alpha = !opaque(argb);
    int bytesPerPixel = alpha ? 4 : 3;
    // a row's bytes can overflow before the whole does (a very wide image): both are checked
    byte[] raw = new byte[Math.multiplyExact(height, Math.addExact(1, Math.multiplyExact(width, bytesPerPixel)))];
    int at = 0;
    for (int y = 0, p = 0; y < height; y++) {
      raw[at++] = 0; // filter type None
      at = row(argb, p, width, alpha, raw, at);
      p += width;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8 + 1024);
    out.writeBytes(SIGNATURE);
    byte[] header = new byte[13];
    putInt(header, 0, width);
    putInt(header, 4, height);
    header[8] = 8; // bits per sample
    header[9] = (byte) (alpha ? COLOUR_RGBA : COLOUR_RGB);
    // compression, filter method and interlace are 0: deflate, adaptive filtering, none
    chunk(out, "IHDR", header, header.length);
    Deflater deflater = new Deflater(LEVEL);
    try {
      deflater.setInput(raw);
      deflater.finish();
      byte[] buf = new byte[Math.max(1024, raw.length / 4)];
      while (!deflater.finished()) {
        int n = deflater.deflate(buf);
        if (n > 0) {
          chunk(out, "IDAT", buf, n);
        }
      }
    } finally {
      deflater.end();
    }
    chunk(out, "IEND", new byte[0], 0);
    return out.toByteArray();
  }

  /** The pixels as packed ARGB, row after row: the image's own array when it is laid out so. */
  private static int[] packedArgb(BufferedImage image) {
    int type = image.getType();
    if ((type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_RGB)
        && image.getRaster().getDataBuffer() instanceof DataBufferInt data
        && image.getSampleModel() instanceof SinglePixelPackedSampleModel model
        && model.getScanlineStride() == image.getWidth() && data.getOffset() == 0
        && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0
        && data.getData().length == image.getWidth() * image.getHeight()) {
      int[] pixels = data.getData();
      if (type == BufferedImage.TYPE_INT_ARGB) {
        return pixels;
      }
      int[] opaque = new int[pixels.length];
      for (int i = 0; i < pixels.length; i++) {
        opaque[i] = pixels[i] | 0xff000000;
      }
      return opaque;
    }
    // any other layout: Java2D's own loops convert it
    BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = copy.createGraphics();
    try {
      g.setComposite(AlphaComposite.Src); // a copy, not a blend over transparent black
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return ((DataBufferInt) copy.getRaster().getDataBuffer()).getData();
  }

  private static boolean opaque(int[] argb) {
    int all = 0xff000000;
    for (int px : argb) {
      all &= px;
    }
    return (all >>> 24) == 0xff;
  }

  /** One row's pixels as R, G, B (and A with {@code alpha}) bytes from {@code raw[at]}; returns the end. */
  private static int row(int[] argb, int from, int width, boolean alpha, byte[] raw, int at) {
    for (int x = 0; x < width; x++) {
      int px = argb[from + x];
      raw[at] = (byte) (px >>> 16);
      raw[at + 1] = (byte) (px >>> 8);
      raw[at + 2] = (byte) px;
      if (alpha) {
        raw[at + 3] = (byte) (px >>> 24);
      }
      at += alpha ? 4 : 3;
    }
    return at;
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    byte[] word = new byte[4];
    putInt(word, 0, length);
    out.writeBytes(word);
    out.writeBytes(typeBytes);
    out.write(data, 0, length);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data, 0, length);
    putInt(word, 0, (int) crc.getValue());
    out.writeBytes(word);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
