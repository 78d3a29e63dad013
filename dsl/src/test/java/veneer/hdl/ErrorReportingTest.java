package veneer.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import veneer.hdl.ir.SourceLoc;

/**
 * One test per design error: the message says what is wrong, and the error points at the line
 * of user code that caused it. Each offending line carries a marker comment
 * ({@code // @name}); the test finds the line by its marker, so editing this file does not
 * break the expected line numbers.
 */
class ErrorReportingTest {
  private static final Path SOURCE = Path.of("src/test/java/veneer/hdl/ErrorReportingTest.java");
  private static final String FILE = "ErrorReportingTest.java";

  /** The location of the line carrying {@code // @marker}. */
  private static SourceLoc at(String marker) {
    List<String> lines;
    try {
      lines = Files.readAllLines(SOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("run the tests from the dsl module directory; cannot read " + SOURCE, e);
    }
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().endsWith("// @" + marker)) {
        if (found >= 0) {
          throw new AssertionError("marker @" + marker + " appears twice");
        }
        found = i + 1;
      }
    }
    if (found < 0) {
      throw new AssertionError("no line ends with the marker // @" + marker);
    }
    return new SourceLoc(FILE, found);
  }

  /** Runs {@code build}, expects an HdlException at {@code marker}'s line, returns its message. */
  private static String errorAt(String marker, Executable build) {
    HdlException e = assertThrows(HdlException.class, build);
    assertEquals(at(marker), e.loc(), "location of: " + e.getMessage());
    assertTrue(e.getMessage().startsWith(at(marker) + ": "), e.getMessage());
    return e.getMessage();
  }

  private static void elaborate(Supplier<Module> top) {
    Elaborator.elaborate(top.get());
  }

  private static void assertContains(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), "expected <" + p + "> in:\n" + message);
    }
  }

  // --- widths and types -------------------------------------------------------------------------

  @Test
  void widthMismatchOnAssign() {
    String m = errorAt("width", () -> elaborate(() -> new Module() {
      {
        UInt in = input("in", UInt(8));
        UInt out = output("out", UInt(4));
        out.assign(in); // @width
      }
    }));
    assertContains(m, "width mismatch: cannot assign UInt(8) to output 'out'", "of type UInt(4)",
        "use .truncate(4)");
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void typeMismatchOnAssign() {
    String m = errorAt("type", () -> elaborate(() -> new Module() {
      {
        SInt in = input("in", SInt(8));
        Data out = output("out", UInt(8));
        out.assign(in); // @type
      }
    }));
    assertContains(m, "type mismatch: cannot assign SInt(8) to output 'out'", "of type UInt(8)",
        "convert explicitly (asUInt, asSInt, asBits)");
  }

  @Test
  void bitsOfDifferentWidthsDoNotCombine() {
    String m = errorAt("bitsWidth", () -> elaborate(() -> new Module() {
      {
        Bits a = input("a", Bits(8));
        Bits b = input("b", Bits(4));
        output("o", Bits(8)).assign(a.xor(b)); // @bitsWidth
      }
    }));
    assertContains(m, "width mismatch: Bits(8) and Bits(4) have no implied extension; use .resize(n)");
  }

  @Test
  void boolCannotGrow() {
    String m = errorAt("boolGrow", () -> elaborate(() -> new Module() {
      {
        Bool a = input("a", Bool());
        output("o", UInt(3)).assign(a.shlWide(2).asUInt()); // @boolGrow
      }
    }));
    assertContains(m, "a Bool is exactly one bit, but this would make it 3 bits; convert it with asUInt()");
  }

  @Test
  void constantTooWide() {
    String m = errorAt("constant", () -> elaborate(() -> new Module() {
      {
        UInt a = input("a", UInt(8));
        output("o", UInt(8)).assign(a.add(300)); // @constant
      }
    }));
    assertContains(m, "the constant 300 does not fit UInt(8) (expected 0 to 255)");
  }

  @Test
  void signedConstantTooWide() {
    String m = errorAt("sconstant", () -> elaborate(() -> new Module() {
      {
        output("o", SInt(4)).assign(lit(-9, SInt(4))); // @sconstant
      }
    }));
    assertContains(m, "the constant -9 does not fit SInt(4) (expected -8 to 7)");
  }

  @Test
  void memoryAddressWidth() {
    String m = errorAt("memAddr", () -> elaborate(() -> new Module() {
      {
        UInt addr = input("addr", UInt(8));
        Mem<Bits> ram = mem("ram", Bits(32), 16);
        output("q", Bits(32)).assign(ram.read(addr)); // @memAddr
      }
    }));
    assertContains(m, "width mismatch: memory 'ram' of 16 words takes a 4-bit address, found UInt(8)");
  }

  // --- drivers ----------------------------------------------------------------------------------

  @Test
  void undrivenWire() {
    String m = errorAt("undrivenWire", () -> elaborate(() -> new Module() {
      {
        UInt w = wire("w", UInt(8)); // @undrivenWire
        output("o", UInt(8)).assign(w);
      }
    }));
    assertContains(m, "undriven signal: wire 'w'", "is never assigned");
  }

  @Test
  void undrivenOutput() {
    String m = errorAt("undrivenOutput", () -> elaborate(() -> new Module() {
      {
        output("o", UInt(8)); // @undrivenOutput
      }
    }));
    assertContains(m, "undriven signal: output 'o'", "is never assigned");
  }

  @Test
  void latchLikePartialAssignment() {
    String m = errorAt("latchTarget", () -> elaborate(() -> new Module() {
      {
        Bool en = input("en", Bool());
        UInt o = output("o", UInt(8)); // @latchTarget
        when(en, () -> o.assign(1)); // @latchWhen
      }
    }));
    assertContains(m, "output 'o'", "is not driven in every case: it has no value when the condition at "
        + at("latchWhen") + " is false", "add an otherwise branch (Veneer never infers a latch)");
  }

  @Test
  void partialAssignmentInsideNestedWhens() {
    String m = errorAt("nestedTarget", () -> elaborate(() -> new Module() {
      {
        Bool a = input("a", Bool());
        Bool b = input("b", Bool());
        UInt o = output("o", UInt(2)); // @nestedTarget
        when(a, () -> when(b, () -> o.assign(1)).otherwise(() -> o.assign(2))) // @nestedOuter
            .otherwise(() -> when(b, () -> o.assign(3))); // @nestedInner
      }
    }));
    assertContains(m, "the condition at " + at("nestedOuter") + " is false and the condition at "
        + at("nestedInner") + " is false");
  }

  @Test
  void assigningAnInput() {
    String m = errorAt("assignInput", () -> elaborate(() -> new Module() {
      {
        UInt in = input("in", UInt(8));
        in.assign(3); // @assignInput
      }
    }));
    assertContains(m, "multiple drivers: input 'in'", "is already driven from outside the module",
        "only outputs, wires, registers and child inputs can be assigned");
  }

  @Test
  void assigningAnExpression() {
    String m = errorAt("assignExpr", () -> elaborate(() -> new Module() {
      {
        UInt a = input("a", UInt(8));
        UInt sum = a.add(1);
        sum.assign(a); // @assignExpr
      }
    }));
    assertContains(m, "multiple drivers: expression", "is already driven by the operation that computes it",
        "declare a wire");
  }

  @Test
  void assigningAChildOutput() {
    String m = errorAt("assignChildOut", () -> elaborate(() -> new Module() {
      {
        Counter c = instance("c", new Counter(4));
        c.enable.assign(1);
        c.count.assign(2); // @assignChildOut
      }
    }));
    assertContains(m, "multiple drivers: child output 'c_count'", "is already driven by the child instance");
  }

  // --- loops ------------------------------------------------------------------------------------

  @Test
  void combinationalLoopIsListedNodeByNode() {
    HdlException e = assertThrows(HdlException.class, () -> elaborate(() -> new Module("Loop") {
      {
        UInt a = wire("a", UInt(8)); // @loopA
        UInt b = wire("b", UInt(8)); // @loopB
        a.assign(b.add(1)); // @loopAdd
        b.assign(a); // @loopAssign
        output("o", UInt(8)).assign(a);
      }
    }));
    assertEquals(FILE, e.loc().file());
    assertContains(e.getMessage(), "combinational loop in module Loop:",
        "'a' (signal) at " + at("loopA") + " reads",
        "add at " + at("loopAdd") + " reads",
        "'b' (signal) at " + at("loopB"));
  }

  @Test
  void combinationalLoopThroughAChild() {
    class Pass extends Module {
      final UInt in = input("in", UInt(4));
      final UInt out = output("out", UInt(4));

      Pass() {
        out.assign(in.add(1));
      }
    }
    HdlException e = assertThrows(HdlException.class, () -> elaborate(() -> new Module("ChildLoop") {
      {
        Pass p = instance("p", new Pass()); // @childLoop
        p.in.assign(p.out);
        output("o", UInt(4)).assign(p.out);
      }
    }));
    assertContains(e.getMessage(), "combinational loop in module ChildLoop:",
        "'p_in' (signal) at " + at("childLoop") + " reads",
        "'p_out' (output out of an instance) at " + at("childLoop"));
  }

  // --- hierarchy --------------------------------------------------------------------------------

  @Test
  void unconnectedChildInput() {
    String m = errorAt("unconnected", () -> elaborate(() -> new Module() {
      {
        Counter c = instance("c", new Counter(4)); // @unconnected
        output("o", UInt(4)).assign(c.count);
      }
    }));
    assertContains(m, "unconnected input: child input 'c_enable'", "every input of a child instance must be driven");
  }

  static final class WithInternal extends Module {
    final UInt out = output("out", UInt(4));
    final UInt hidden = wire("hidden", UInt(4));

    WithInternal() {
      hidden.assign(lit(5, UInt(4)));
      out.assign(hidden);
    }
  }

  @Test
  void readingAChildsInternalSignal() {
    String m = errorAt("internal", () -> elaborate(() -> new Module("Peeker") {
      {
        WithInternal c = instance("c", new WithInternal());
        output("o", UInt(4)).assign(c.hidden); // @internal
      }
    }));
    assertContains(m, "wire 'hidden'", "is inside instance 'c' (WithInternal); only its ports are visible from Peeker");
  }

  @Test
  void usingAModuleThatIsNotAChild() {
    String m = errorAt("notChild", () -> elaborate(() -> new Module("User") {
      {
        WithInternal c = new WithInternal();
        output("o", UInt(4)).assign(c.out); // @notChild
      }
    }));
    assertContains(m, "values from two modules meet here", "of User", "of WithInternal",
        "instantiate the child with instance(name, module) before using its ports");
  }

  @Test
  void instantiatingOneModuleTwice() {
    String m = errorAt("twice", () -> elaborate(() -> new Module("Twice") {
      {
        Counter c = new Counter(4);
        instance("a", c).enable.assign(1);
        instance("b", c); // @twice
      }
    }));
    assertContains(m, "module Counter4 is already instantiated as 'a' in Twice; build a new one for each instance");
  }

  // --- names ------------------------------------------------------------------------------------

  @Test
  void invalidName() {
    String m = errorAt("badName", () -> elaborate(() -> new Module() {
      {
        input("9lives", Bool()); // @badName
      }
    }));
    assertContains(m, "'9lives' is not a valid name: expected a letter followed by letters, digits or '_'");
  }

  @Test
  void verilogKeywordName() {
    String m = errorAt("keyword", () -> elaborate(() -> new Module() {
      {
        input("module", Bool()); // @keyword
      }
    }));
    assertContains(m, "'module' is a Verilog keyword and cannot name a signal");
  }

  @Test
  void duplicateName() {
    String m = errorAt("dupSecond", () -> elaborate(() -> new Module() {
      {
        input("x", Bool()); // @dupFirst
        wire("x", UInt(2)); // @dupSecond
      }
    }));
    assertContains(m, "the name 'x' is already used in this module (at " + at("dupFirst") + ")");
  }

  @Test
  void implicitClockNameIsReserved() {
    String m = errorAt("clkName", () -> elaborate(() -> new Module() {
      {
        input("clk", Bool()); // @clkName
      }
    }));
    assertContains(m, "'clk' is the implicit clock port of every module");
  }

  // --- when chains ------------------------------------------------------------------------------

  @Test
  void elsewhenNotFollowingItsWhen() {
    String m = errorAt("elsewhen", () -> elaborate(() -> new Module() {
      {
        Bool a = input("a", Bool());
        UInt o = output("o", UInt(2));
        o.assign(0);
        WhenChain first = when(a, () -> o.assign(1)); // @firstWhen
        when(a.not(), () -> o.assign(2));
        first.elsewhen(a, () -> o.assign(3)); // @elsewhen
      }
    }));
    assertContains(m, "elsewhen must directly follow its when (at " + at("firstWhen") + "), in the same block");
  }

  @Test
  void otherwiseAfterOtherwise() {
    String m = errorAt("otherwise2", () -> elaborate(() -> new Module() {
      {
        Bool a = input("a", Bool());
        UInt o = output("o", UInt(2));
        WhenChain c = when(a, () -> o.assign(1)); // @chain
        c.otherwise(() -> o.assign(2));
        c.otherwise(() -> o.assign(3)); // @otherwise2
      }
    }));
    assertContains(m, "otherwise after otherwise: the when at " + at("chain") + " is already complete");
  }

  // --- bundles ----------------------------------------------------------------------------------

  static final class Pair extends Bundle {
    final Bool valid = out("valid", Bool());
    final UInt data;

    Pair(int width) {
      data = out("data", UInt(width));
    }
  }

  static final class Other extends Bundle {
    final Bool valid = out("valid", Bool());
    final UInt payload = out("payload", UInt(8));
  }

  @Test
  void bundleConnectWidthMismatch() {
    String m = errorAt("bundleWidth", () -> elaborate(() -> new Module() {
      {
        Pair a = slave("a", () -> new Pair(8)); // @pairA
        Pair b = master("b", () -> new Pair(16)); // @pairB
        Bundle.connect(a, b); // @bundleWidth
      }
    }));
    assertContains(m, "cannot connect Pair 'a' (" + at("pairA") + ") to Pair 'b' (" + at("pairB") + ")",
        "field 'data' is UInt(8) on one side and UInt(16) on the other");
  }

  @Test
  void bundleConnectFieldNameMismatch() {
    String m = errorAt("bundleName", () -> elaborate(() -> new Module() {
      {
        Pair a = slave("a", () -> new Pair(8));
        Other b = master("b", Other::new);
        Bundle.connect(a, b); // @bundleName
      }
    }));
    assertContains(m, "field 2 is 'data' on one side and 'payload' on the other");
  }

  @Test
  void bundleOutsideAModule() {
    HdlException e = assertThrows(HdlException.class, () -> new Other()); // @bareBundle
    assertEquals(at("bareBundle"), e.loc());
    assertContains(e.getMessage(), "Other is a bundle: create it through a module's master(...), slave(...) or wire(...)");
  }
}
