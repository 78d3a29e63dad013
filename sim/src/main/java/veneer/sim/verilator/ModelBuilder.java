package veneer.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import veneer.hdl.ir.Port;
import veneer.sim.progress.Progress;

/**
 * Turns Verilog plus a port list into a loadable model library, through the cache: the key is
 * the SHA-256 of the Verilog files, the harness (as generated before verilation: the final one
 * differs only by Verilator's deterministic renaming of ports), the tool versions, the flags and
 * the waves switch, so an unchanged design is never rebuilt.
 *
 * <p>Two steps: verilator writes the C++ model and its makefile, then the harness is generated
 * against the model's header (Verilator renames ports that are C++ keywords) and make builds the
 * shared library with two jobs.
 */
final class ModelBuilder {
  static final String LIBRARY = "libveneer_model.so";
  static final String LOG = "build.log";
  /** Verilator's flags; part of the cache key. Registers and memories start at zero (x-initial). */
  static final List<String> FLAGS = List.of("--cc", "--exe", "-O3", "--x-assign", "0",
      "--x-initial", "0", "--prefix", "Vveneer", "-Wno-fatal");
  private static final List<String> MAKE = List.of("make", "-s", "-j", "2", "-C", "obj", "-f", "Vveneer.mk");
  private static final String CFLAGS = "-fPIC -fvisibility=hidden -DVL_USER_FATAL -DVL_USER_STOP -DVL_USER_FINISH";
  private static final int MAX_LOG_IN_MESSAGE = 20_000;

  private static String verilatorVersion;
  private static String compilerVersion;

  private ModelBuilder() {}

  /** The model library for these sources, built unless the cache has it. */
  static ModelBuildTimer.Record obtain(VerilogSource.Files source, List<Port> ports, boolean waves, Path cacheDir) {
    long start = System.nanoTime();
    for (String name : source.files().keySet()) {
      if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
        throw new IllegalArgumentException("Verilog file name '" + name + "': expected a plain file name");
      }
    }
    String harness = HarnessGenerator.generate(ports, port -> port);
    List<String> flags = flags(source.topModule(), waves);
    String key = key(source, harness, flags, waves);
    BuildCache.Entry e = BuildCache.obtain(cacheDir.resolve("verilator"), key, LIBRARY,
        dir -> build(dir, source, ports, flags));
    ModelBuildTimer.Record r = new ModelBuildTimer.Record(key, e.built(), Duration.ofNanos(System.nanoTime() - start),
        e.dir().resolve(LIBRARY));
    ModelBuildTimer.record(r);
    return r;
  }

  private static List<String> flags(String top, boolean waves) {
    List<String> f = new ArrayList<>(FLAGS);
    f.addAll(List.of("--top-module", top));
    if (waves) {
      f.add("--trace");
    }
    f.addAll(List.of("-CFLAGS", CFLAGS + " -DVENEER_WAVES=" + (waves ? 1 : 0) + " -include veneer_hooks.h -I../src",
        "-LDFLAGS", "-shared", "-o", LIBRARY));
    return f;
  }

  private static synchronized String toolVersions() {
    if (verilatorVersion == null) {
      verilatorVersion = ToolRunner.version("verilator");
      compilerVersion = ToolRunner.version("g++");
    }
    return verilatorVersion + "\n" + compilerVersion;
  }

  private static String key(VerilogSource.Files source, String harness, List<String> flags, boolean waves) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      StringBuilder meta = new StringBuilder("veneer verilator model\n").append(toolVersions()).append('\n');
      meta.append(String.join(" ", flags)).append("\nwaves=").append(waves).append('\n');
      update(d, meta.toString() + String.join(" ", MAKE) + "\n");
      update(d, harness);
      update(d, NativeSources.text(NativeSources.API_HEADER));
      update(d, NativeSources.text(NativeSources.HOOKS_HEADER));
      for (Map.Entry<String, String> f : new TreeMap<>(source.files()).entrySet()) {
        update(d, f.getKey());
        update(d, f.getValue());
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each part with its length first, so that no two different inputs hash alike. */
  private static void update(MessageDigest d, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    d.update((b.length + ":").getBytes(StandardCharsets.UTF_8));
    d.update(b);
  }

  private static void build(Path dir, VerilogSource.Files source, List<Port> ports, List<String> flags) {
    try (Progress.Task progress = Progress.begin("Verilator build of " + source.topModule())) {
      Path src = dir.resolve("src");
      Files.createDirectories(src);
      List<String> cmd = new ArrayList<>(List.of("verilator"));
      cmd.addAll(flags);
      cmd.addAll(List.of("--Mdir", "obj"));
      Files.writeString(src.resolve(NativeSources.API_HEADER), NativeSources.text(NativeSources.API_HEADER));
      Files.writeString(src.resolve(NativeSources.HOOKS_HEADER), NativeSources.text(NativeSources.HOOKS_HEADER));
      cmd.add("src/" + NativeSources.HARNESS);
      for (Map.Entry<String, String> f : new TreeMap<>(source.files()).entrySet()) {
        Files.writeString(src.resolve(f.getKey()), f.getValue());
        if (f.getKey().endsWith(".v") || f.getKey().endsWith(".sv")) {
          cmd.add("src/" + f.getKey());
        }
      }
      cmd.add("-Isrc");
      StringBuilder log = new StringBuilder();
      progress.phase("verilating");
      step(dir, cmd, source, log);
      String header = Files.readString(dir.resolve("obj").resolve("Vveneer.h"));
      Files.writeString(src.resolve(NativeSources.HARNESS),
          HarnessGenerator.generate(ports, HarnessGenerator.membersFromHeader(header)));
      progress.phase("compiling C++");
      step(dir, MAKE, source, log);
      Path lib = dir.resolve("obj").resolve(LIBRARY);
      if (!Files.isRegularFile(lib)) {
        throw new IllegalStateException("the build of " + source.topModule() + " made no " + LIBRARY + ":\n" + tail(log.toString()));
      }
      Files.move(lib, dir.resolve(LIBRARY));
      BuildCache.deleteTree(dir.resolve("obj"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the Verilator model in " + dir, e);
    }
  }

  /** Runs one build command; its output goes to build.log, and into the exception on failure. */
  private static void step(Path dir, List<String> cmd, VerilogSource.Files source, StringBuilder log)
      throws IOException {
    ToolRunner.Result r = ToolRunner.run(cmd, dir);
    log.append(String.join(" ", cmd)).append('\n').append(r.output());
    Files.writeString(dir.resolve(LOG), log);
    if (r.exitCode() != 0) {
      throw new IllegalStateException("Verilator could not build the model of " + source.topModule()
          + " (exit " + r.exitCode() + "):\n" + String.join(" ", cmd) + "\n" + tail(r.output()));
    }
  }

  private static String tail(String log) {
    return log.length() <= MAX_LOG_IN_MESSAGE ? log
        : "[... " + (log.length() - MAX_LOG_IN_MESSAGE) + " characters cut]\n"
            + log.substring(log.length() - MAX_LOG_IN_MESSAGE);
  }
}
