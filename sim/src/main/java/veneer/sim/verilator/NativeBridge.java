package veneer.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The JNI methods (jni_bridge.cpp). The bridge does not depend on the design: it is compiled
 * once per compiler and JDK into the cache, loaded once per JVM, and reaches each design's
 * library through the C table that library exports. That is why one JVM can hold models of
 * many designs at once although a native method binds to one symbol only.
 *
 * <p>{@code handle} is a model instance made by {@link #create}.
 */
final class NativeBridge {
  static final String LIBRARY = "libveneer_jni.so";
  private static boolean loaded;

  private NativeBridge() {}

  /** Builds (through the cache) and loads the bridge, once per JVM. */
  static synchronized void ensureLoaded(Path cacheDir) {
    if (loaded) {
      return;
    }
    Path javaHome = Paths.get(System.getProperty("java.home"));
    Path include = javaHome.resolve("include");
    if (!Files.isRegularFile(include.resolve("jni.h"))) {
      throw new IllegalStateException("no JNI headers at " + include + "/jni.h: the Verilator back end needs a full"
          + " JDK (Debian package openjdk-17-jdk-headless), found a runtime at " + javaHome);
    }
    String bridge = NativeSources.text(NativeSources.JNI_BRIDGE);
    String api = NativeSources.text(NativeSources.API_HEADER);
    String key = "jni-" + hash(bridge + "\n" + api + "\n" + ToolRunner.version("g++") + "\n" + javaHome);
    BuildCache.Entry e = BuildCache.obtain(cacheDir.resolve("verilator"), key, LIBRARY, dir -> {
      try {
        Files.writeString(dir.resolve(NativeSources.JNI_BRIDGE), bridge);
        Files.writeString(dir.resolve(NativeSources.API_HEADER), api);
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot write the JNI bridge sources to " + dir, ex);
      }
      List<String> cmd = new ArrayList<>(List.of("g++", "-std=c++14", "-O2", "-shared", "-fPIC", "-fvisibility=hidden",
          "-I" + include, "-I" + include.resolve("linux"), NativeSources.JNI_BRIDGE, "-o", LIBRARY, "-ldl"));
      ToolRunner.Result r = ToolRunner.run(cmd, dir);
      if (r.exitCode() != 0) {
        throw new IllegalStateException("cannot compile the Verilator JNI bridge (exit " + r.exitCode() + "):\n"
            + String.join(" ", cmd) + "\n" + r.output());
      }
    });
    System.load(e.dir().resolve(LIBRARY).toAbsolutePath().toString());
    loaded = true;
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** dlopens a model library and returns its API table. */
  static native long loadModelLibrary(String path);

  static native long create(long api);

  static native void destroy(long handle);

  static native void poke64(long handle, int port, long value);

  static native void pokeWide(long handle, int port, int[] words);

  /** 0, or 1 when the model faulted (see {@link #fault}). */
  static native int settle(long handle);

  static native long peek64(long handle, int port);

  static native void peekWide(long handle, int port, int[] words);

  /** 0, or 1 when the model faulted (see {@link #fault}). */
  static native int step(long handle, long cycles);

  static native long cycle(long handle);

  /** The fault text of a dead model, or null. */
  static native String fault(long handle);

  /** {index, width, depth} of a public memory; IllegalArgumentException when absent. */
  static native int[] memFind(long handle, String scope, String var);

  static native void memRead(long handle, int mem, int addr, int count, int wordsPerEntry, int[] out);

  static native void memWrite(long handle, int mem, int addr, int count, int wordsPerEntry, int[] in);

  static native void traceOpen(long handle, String path);

  static native void traceClose(long handle);
}
