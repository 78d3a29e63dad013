package veneer.hdl.verilog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.ModuleIr;

/**
 * Turns an elaborated {@link Design} into Verilog-2005: one file per module, named after the
 * module ({@code Counter8.v}), children before parents and the top last; a black box gets a file
 * of its own holding the Verilog it was given. The text depends only on the design, so the same
 * design always gives byte-identical files. See docs/verilog.md for the style and the mapping of
 * every operator.
 *
 * <pre>{@code
 * Design design = Elaborator.elaborate(new Counter(8));
 * Map<String, String> files = VerilogEmitter.emit(design);   // {"Counter8.v" -> "// Counter8: ..."}
 * List<Path> written = VerilogEmitter.writeTo(design, Path.of("build/rtl"));
 * }</pre>
 */
public final class VerilogEmitter {
  private VerilogEmitter() {}

  /** Every file of the design, file name to text, in design order (children first, top last). */
  public static Map<String, String> emit(Design design) {
    Map<String, String> files = new LinkedHashMap<>();
    for (ModuleIr m : design.modules()) {
      String fileName;
      String text;
      if (m.isBlackBox()) {
        ModuleIr.BlackBoxBody body = m.blackBox().get();
        if (body.verilogText() == null) {
          continue;
        }
        fileName = body.fileName() != null ? body.fileName() : design.nameOf(m) + ".v";
        text = body.verilogText().endsWith("\n") ? body.verilogText() : body.verilogText() + "\n";
      } else {
        fileName = design.nameOf(m) + ".v";
        text = emitModule(design, m);
      }
      String previous = files.putIfAbsent(fileName, text);
      if (previous != null && !previous.equals(text)) {
        throw new IllegalArgumentException("two modules of the design want the file " + fileName
            + " with different contents (module " + design.nameOf(m) + " is one); give each black box"
            + " its own file name");
      }
    }
    return Collections.unmodifiableMap(files);
  }

  /** The text of one (non black box) module of {@code design}. */
  public static String emitModule(Design design, ModuleIr module) {
    if (module.isBlackBox()) {
      throw new IllegalArgumentException("module " + module.name() + " is a black box; its Verilog is"
          + " the text it was given");
    }
    return new ModuleWriter(design, module).write();
  }

  /** The name of the file that holds the top module: pass it (without ".v") as the top to tools. */
  public static String topName(Design design) {
    return design.nameOf(design.top());
  }

  /**
   * Writes every file of the design into {@code dir} (created if needed), replacing files of the
   * same name and leaving other files alone. Returns the written paths in design order.
   */
  public static List<Path> writeTo(Design design, Path dir) {
    Map<String, String> files = emit(design);
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path p = dir.resolve(e.getKey());
        Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        written.add(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Verilog of " + topName(design) + " to " + dir
          + ": " + e.getMessage(), e);
    }
    return written;
  }
}
