package veneer.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A directory of build products by content key, {@code root/<key>/}, filled at most once.
 *
 * <p>A build runs in a fresh {@code root/.tmp-<key>-*} directory that is renamed to
 * {@code root/<key>} only when complete, so a killed build never leaves a half entry behind. Two
 * builders of one key, threads or other JVMs, wait for each other on {@code root/<key>.lock}
 * (a file lock, plus a monitor for threads of this JVM, which a file lock does not order).
 */
final class BuildCache {
  private static final ConcurrentHashMap<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

  private BuildCache() {}

  /** Fills an empty directory with the build products; throws when the build fails. */
  interface Build {
    void into(Path dir);
  }

  /** The directory of {@code key}, building it first when needed; {@code built} says whether it was. */
  record Entry(Path dir, boolean built) {}

  static Entry obtain(Path root, String key, String product, Build build) {
    Path done = root.resolve(key);
    if (Files.isRegularFile(done.resolve(product))) {
      return new Entry(done, false);
    }
    try {
      Files.createDirectories(root);
      Path lockFile = root.resolve(key + ".lock");
      synchronized (JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath(), k -> new Object())) {
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.lock()) {
          if (Files.isRegularFile(done.resolve(product))) {
            return new Entry(done, false);
          }
          removeLeftovers(root, key, done);
          Path tmp = Files.createTempDirectory(root, ".tmp-" + key + "-");
          try {
            build.into(tmp);
            if (!Files.isRegularFile(tmp.resolve(product))) {
              throw new IllegalStateException("the build of " + key + " finished without producing " + product);
            }
            Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
          } finally {
            deleteTree(tmp);
          }
          return new Entry(done, true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the build cache " + root + " for " + key, e);
    }
  }

  /** Temporary directories of killed builds of this key (we hold its lock, so nobody uses them). */
  private static void removeLeftovers(Path root, String key, Path done) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, ".tmp-" + key + "-*")) {
      for (Path p : ds) {
        deleteTree(p);
      }
    }
    deleteTree(done);
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(q);
      }
    }
  }
}
