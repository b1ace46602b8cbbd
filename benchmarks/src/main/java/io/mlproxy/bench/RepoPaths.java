package io.mlproxy.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves files shipped in the repository (scenarios, traces). A relative path is taken against the
 * repository root: the system property {@value #ROOT_PROPERTY} if set, otherwise the first directory
 * at or above the working directory that holds {@code scenarios/} and {@code pom.xml} (JMH's forked
 * JVMs inherit the working directory of the launcher).
 */
public final class RepoPaths {
    /** System property naming the repository root. */
    public static final String ROOT_PROPERTY = "mlproxy.root";

    private RepoPaths() {
    }

    /** The repository root; a clear error naming the property when none is found. */
    public static Path root() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("scenarios")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("no repository root (a folder with scenarios/ and pom.xml) at or above "
                + dir + "; run from the repository or pass -D" + ROOT_PROPERTY + "=PATH (JMH: -jvmArgsAppend)");
    }

    /** {@code path} itself when absolute, else resolved against {@link #root()}; must exist. */
    public static Path resolve(String path) {
        Path p = Path.of(path);
        Path resolved = p.isAbsolute() ? p : root().resolve(p);
        if (!Files.isRegularFile(resolved)) {
            throw new IllegalArgumentException("benchmark input " + resolved + " does not exist");
        }
        return resolved;
    }
}
