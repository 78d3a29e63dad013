package veneer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds every {@link veneer.hdl.Top} design on the class path by reading class files with ASM,
 * without loading them: the list is whatever the repository's modules contain, never a
 * hand-kept copy.
 */
final class TopRegistry {
  private static final String TOP = "Lveneer/hdl/Top;";

  private TopRegistry() {}

  /** Fully qualified names of all top-level designs, sorted. */
  static List<String> all() {
    TreeSet<String> found = new TreeSet<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Paths.get(entry);
      if (!p.getFileName().toString().startsWith("veneer-") && !Files.isDirectory(p)) {
        continue;
      }
      try {
        if (Files.isDirectory(p)) {
          scanDirectory(p, found);
        } else if (Files.isRegularFile(p)) {
          scanJar(p, found);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading " + p, e);
      }
    }
    return new ArrayList<>(found);
  }

  /** The design class for a fully qualified or unambiguous simple name. */
  static Class<?> resolve(String name) {
    List<String> matches = new ArrayList<>();
    for (String c : all()) {
      if (c.equals(name)) {
        matches = List.of(c);
        break;
      }
      if (c.endsWith("." + name)) {
        matches.add(c);
      }
    }
    if (matches.isEmpty()) {
      throw new IllegalArgumentException("no top-level design named '" + name
          + "'; ./veneer verilog --list shows them all");
    }
    if (matches.size() > 1) {
      throw new IllegalArgumentException("'" + name + "' is ambiguous: " + matches + "; give the full class name");
    }
    try {
      return Class.forName(matches.get(0));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void scanDirectory(Path dir, TreeSet<String> found) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".class"))::iterator) {
        try (InputStream in = Files.newInputStream(f)) {
          check(in, found);
        }
      }
    }
  }

  private static void scanJar(Path jar, TreeSet<String> found) throws IOException {
    try (JarFile jf = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = jf.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        if (e.getName().endsWith(".class")) {
          try (InputStream in = jf.getInputStream(e)) {
            check(in, found);
          }
        }
      }
    }
  }

  private static void check(InputStream in, TreeSet<String> found) throws IOException {
    ClassReader reader = new ClassReader(in);
    reader.accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        if (descriptor.equals(TOP) && (reader.getAccess() & Opcodes.ACC_ABSTRACT) == 0) {
          found.add(reader.getClassName().replace('/', '.'));
        }
        return null;
      }
    }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
  }
}
