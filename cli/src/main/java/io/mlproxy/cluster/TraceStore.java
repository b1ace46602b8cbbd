package io.mlproxy.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Traces travel by content, not path: the submitter puts a trace into the cluster's
 * {@link HazelcastSettings#TRACES} map once per run, in chunks keyed by its SHA-256; a member
 * fetches it once, into a file of its own, the first time a task needs it, and keeps it for the
 * following tasks. Workers need no shared file system.
 */
final class TraceStore {

  /** A trace by content: its SHA-256 (hex), size and file name (the name tells .gz and .zst apart). */
  record Ref(String hash, long size, String fileName) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  static final int CHUNK = 8 << 20;

  // files this JVM holds, by hash: the submitter's own traces and copies fetched from the cluster
  private static final Map<String, Path> LOCAL = new ConcurrentHashMap<>();
  // hashes of files already read, by path, size and modification time
  private static final Map<String, Ref> HASHED = new ConcurrentHashMap<>();
  private static Path cacheDir;

  private TraceStore() {}

  /** The content reference of {@code file}, which this JVM can then serve to its own member. */
  static Ref ref(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      String id = file.toAbsolutePath() + "\n" + a.size() + "\n" + a.lastModifiedTime().toMillis();
      Ref r = HASHED.get(id);
      if (r == null) {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
          byte[] buf = new byte[1 << 16];
          for (int n; (n = in.read(buf)) > 0; ) {
            sha.update(buf, 0, n);
          }
        }
        r = new Ref(HexFormat.of().formatHex(sha.digest()), a.size(), file.getFileName().toString());
        HASHED.put(id, r);
      }
      LOCAL.putIfAbsent(r.hash(), file.toAbsolutePath());
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trace " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Puts the trace of {@code r} into the cluster unless it is there already.
   *
   * @return the keys written, for {@link #remove} at the end of the run (empty if it was there)
   */
  static List<String> publish(HazelcastInstance hz, Ref r) {
    IMap<String, byte[]> map = hz.getMap(HazelcastSettings.TRACES);
    String meta = r.hash() + "/meta";
    if (map.containsKey(meta)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    Path file = LOCAL.get(r.hash());
    try (InputStream in = Files.newInputStream(file)) {
      int chunks = 0;
      while (true) {
        byte[] chunk = in.readNBytes(CHUNK);
        if (chunk.length == 0 && chunks > 0) {
          break;
        }
        String key = r.hash() + "/" + chunks++;
        map.set(key, chunk);
        keys.add(key);
        if (chunk.length < CHUNK) {
          break;
        }
      }
      map.set(meta, ByteBuffer.allocate(12).putLong(r.size()).putInt(chunks).array());
      keys.add(meta);
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trace " + file + ": " + e.getMessage(), e);
    }
  }

  /** Removes what {@link #publish} wrote. */
  static void remove(HazelcastInstance hz, List<String> keys) {
    IMap<String, byte[]> map = hz.getMap(HazelcastSettings.TRACES);
    for (String k : keys) {
      map.delete(k);
    }
  }

  /** A local file with the content of {@code r}: this JVM's own, or fetched from the cluster once. */
  static synchronized Path local(HazelcastInstance hz, Ref r) {
    Path known = LOCAL.get(r.hash());
    if (known != null && Files.isRegularFile(known)) {
      return known;
    }
    IMap<String, byte[]> map = hz.getMap(HazelcastSettings.TRACES);
    byte[] meta = map.get(r.hash() + "/meta");
    if (meta == null) {
      throw new IllegalStateException("trace " + r.fileName() + " (sha-256 " + r.hash()
          + ") is not in the cluster (its run ended, or the members holding it left)");
    }
    int chunks = ByteBuffer.wrap(meta).getInt(8);
    try {
      Path dir = cacheDir();
      // the hash names the folder; the file keeps its name, whose suffix says how to decompress it
      Path target = dir.resolve(r.hash()).resolve(r.fileName());
      Files.createDirectories(target.getParent());
      target.getParent().toFile().deleteOnExit();
      Path tmp = Files.createTempFile(dir, "fetch", ".tmp");
      MessageDigest sha = sha256();
      try (OutputStream out = Files.newOutputStream(tmp)) {
        for (int i = 0; i < chunks; i++) {
          byte[] chunk = map.get(r.hash() + "/" + i);
          if (chunk == null) {
            throw new IllegalStateException("trace " + r.fileName() + ": chunk " + i + " of " + chunks
                + " is missing in the cluster");
          }
          sha.update(chunk);
          out.write(chunk);
        }
      }
      String got = HexFormat.of().formatHex(sha.digest());
      if (!got.equals(r.hash())) {
        Files.deleteIfExists(tmp);
        throw new IllegalStateException("trace " + r.fileName() + " arrived damaged (sha-256 " + got
            + ", expected " + r.hash() + ")");
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      target.toFile().deleteOnExit();
      LOCAL.put(r.hash(), target);
      WorkerLog.note("trace " + r.fileName() + " fetched (" + r.size() + " bytes, sha-256 "
          + r.hash().substring(0, 12) + "...)");
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store trace " + r.fileName() + ": " + e.getMessage(), e);
    }
  }

  private static synchronized Path cacheDir() throws IOException {
    if (cacheDir == null) {
      cacheDir = Files.createTempDirectory("mlproxy-traces-");
      cacheDir.toFile().deleteOnExit();
    }
    return cacheDir;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
