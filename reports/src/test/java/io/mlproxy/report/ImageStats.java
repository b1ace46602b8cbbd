package io.mlproxy.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Pixel statistics used to tell a drawn image from a blank one. */
final class ImageStats {

  private ImageStats() {}

  /** The image of an {@code <img>}'s {@code data:image/png;base64,} source, decoded by Image I/O. */
  static BufferedImage pngOf(String src) throws IOException {
    String prefix = "data:image/png;base64,";
    if (!src.startsWith(prefix)) {
      throw new AssertionError("not a base64 PNG data URI: " + src.substring(0, Math.min(40, src.length())));
    }
    return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(prefix.length()))));
  }

  static int distinctColours(BufferedImage img) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        colours.add(img.getRGB(x, y) & 0xffffff);
      }
    }
    return colours.size();
  }

  static double nonWhiteFraction(BufferedImage img) {
    long nonWhite = 0;
    long all = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        nonWhite += rgb == 0xffffff ? 0 : 1;
        all++;
      }
    }
    return (double) nonWhite / all;
  }

  /** Pixels that are clearly coloured (not grey): chart lines, bands, heatmap cells. */
  static long saturatedPixels(BufferedImage img) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        n += max - min > 80 ? 1 : 0;
      }
    }
    return n;
  }

  /** Pixels within {@code tolerance} (per channel) of colour {@code rgb}. */
  static long pixelsNear(BufferedImage img, int rgb, int tolerance) {
    int r0 = (rgb >> 16) & 0xff;
    int g0 = (rgb >> 8) & 0xff;
    int b0 = rgb & 0xff;
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int c = img.getRGB(x, y);
        if (Math.abs(((c >> 16) & 0xff) - r0) <= tolerance
            && Math.abs(((c >> 8) & 0xff) - g0) <= tolerance
            && Math.abs((c & 0xff) - b0) <= tolerance) {
          n++;
        }
      }
    }
    return n;
  }
}
