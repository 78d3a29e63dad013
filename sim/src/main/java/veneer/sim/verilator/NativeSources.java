package veneer.sim.verilator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The C++ sources shipped as resources next to this class. */
final class NativeSources {
  static final String API_HEADER = "veneer_api.h";
  static final String HOOKS_HEADER = "veneer_hooks.h";
  static final String HARNESS = "harness.cpp";
  static final String JNI_BRIDGE = "jni_bridge.cpp";

  private NativeSources() {}

  static String text(String name) {
    try (InputStream in = NativeSources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource veneer/sim/verilator/" + name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}
