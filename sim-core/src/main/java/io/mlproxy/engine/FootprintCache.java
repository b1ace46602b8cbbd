package io.mlproxy.engine;

import io.mlproxy.workload.TraceFootprint;
import io.mlproxy.workload.TraceSpec;
import io.mlproxy.workload.Traces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The footprints of the traces scanned lately, so that a trace is read once per JVM and not once
 * per check, compile and tuning evaluation: keyed by how it is read and by the file's identity
 * (its path, size, modification time and inode where the file system has one). A changed file
 * is scanned again.
 */
final class FootprintCache {

  private static final int ENTRIES = 32;

  private record Key(TraceSpec spec, long endUs, long size, long modifiedNs, Object fileKey) {}

  private static final Map<Key, TraceFootprint> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, TraceFootprint> eldest) {
      return size() > ENTRIES;
    }
  };

  private FootprintCache() {}

  /** {@link Traces#scan(TraceSpec, long, long)} up to {@code endUs}, from the cache when the file is unchanged. */
  static TraceFootprint scan(TraceSpec spec, long endUs) {
    Key key = key(spec, endUs);
    if (key != null) {
      synchronized (CACHE) {
        TraceFootprint f = CACHE.get(key);
        if (f != null) {
          return f;
        }
      }
    }
    TraceFootprint f = Traces.scan(spec, Long.MAX_VALUE, endUs);
    if (key != null) {
      synchronized (CACHE) {
        CACHE.put(key, f);
      }
    }
    return f;
  }

  private static Key key(TraceSpec spec, long endUs) {
    Path p = spec.path();
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        return null;
      }
      return new Key(spec, endUs, a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
          a.fileKey());
    } catch (IOException e) {
      return null; // the scan reports why it cannot read the file
    }
  }
}
