package io.mlproxy.cluster;

import java.util.ArrayList;
import java.util.List;

/** Member addresses as given on the command line: {@code HOST:PORT,...} ({@code [v6]:PORT} for IPv6). */
public final class Addresses {

  private Addresses() {}

  /**
   * Parses a comma-separated list of addresses.
   *
   * @throws IllegalArgumentException naming the address and what is wrong with it
   */
  public static List<String> parse(String list) {
    if (list == null || list.isBlank()) {
      throw new IllegalArgumentException("no address given (expected HOST:PORT,... such as 10.0.0.5:5701)");
    }
    List<String> out = new ArrayList<>();
    for (String raw : list.split(",", -1)) {
      String a = raw.strip();
      if (a.isEmpty()) {
        throw new IllegalArgumentException("an empty address in '" + list + "' (expected HOST:PORT,...)");
      }
      int colon = a.lastIndexOf(':');
      if (colon <= 0 || colon == a.length() - 1) {
        throw new IllegalArgumentException("'" + a + "' has no port (expected HOST:PORT such as 10.0.0.5:5701)");
      }
      String host = a.substring(0, colon);
      String port = a.substring(colon + 1);
      if (host.startsWith("[") != host.endsWith("]") || (!host.startsWith("[") && host.contains(":"))) {
        throw new IllegalArgumentException("'" + a + "': an IPv6 host goes in brackets (expected [::1]:5701)");
      }
      String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      if (bare.isEmpty() || !bare.matches("[A-Za-z0-9._:%-]+")) {
        throw new IllegalArgumentException("'" + a + "': '" + host + "' is not a host name or IP address");
      }
      int p;
      try {
        p = port.matches("\\d{1,5}") ? Integer.parseInt(port) : -1;
      } catch (NumberFormatException e) {
        p = -1;
      }
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("'" + a + "': port '" + port + "' is not in 1..65535");
      }
      String normal = host + ":" + p;
      if (out.contains(normal)) {
        throw new IllegalArgumentException("'" + a + "' is given twice");
      }
      out.add(normal);
    }
    return out;
  }
}
