package veneer.compiler.frontend;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import veneer.compiler.KernelCompileException;
import veneer.compiler.KernelCompiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every refused construct: the error names the file, the offending line, and says what and why. */
class RefusalTest {
  private static int markerLine(String marker) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/test/java/veneer/compiler/frontend/Refused.java"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).endsWith("// REFUSE:" + marker) || lines.get(i).contains("// REFUSE:" + marker + " ")
          || lines.get(i).trim().endsWith("REFUSE:" + marker)) {
        return i + 1;
      }
    }
    throw new AssertionError("no marker " + marker + " in Refused.java");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "allocObject   | new        | cannot allocate objects (new Object): the overlay has no heap",
    "allocArray    | newarray   | cannot allocate arrays: the overlay has no heap",
    "virtualCall   | virtual    | cannot call instance method",
    "string        | string     | cannot use strings (\"veneer\")",
    "concat        | concat     | cannot use strings (string concatenation)",
    "throwing      | athrow     | cannot allocate objects (new IllegalStateException)",
    "throwOnly     | athrowOnly | cannot throw exceptions",
    "monitor       | monitor    | cannot synchronize",
    "syncMethod    | syncMethod | cannot synchronize (synchronized method syncMethod)",
    "floating      | float      | cannot use floating point (i2f): the RV32IM processing elements have no FPU",
    "doubles       | double     | cannot use floating point",
    "staticWrite   | putstatic  | cannot write static field Refused.counter",
    "staticRead    | getstatic  | cannot read static field Refused.table",
    "reflection    | reflection | cannot use reflection",
    "lambda        | lambda     | cannot use lambdas or method references (invokedynamic)",
    "catching      | catch      | cannot catch exceptions (try/catch/finally)",
    "floatParam    | floatParam | parameter 1 of floatParam has type float: the RV32IM processing elements have no FPU",
    "nested        | nested     | parameter 0 of nested has type int[][]",
    "jdkCall       | jdk        | cannot use strings",
    "returnsValue  | returns    | kernel returnsValue must return void",
    "notAKernel    | notKernel  | is not annotated @Kernel",
  })
  void refusedWithFileLineAndReason(String kernel, String marker, String reason) throws IOException {
    KernelCompileException e = assertThrows(KernelCompileException.class, () -> KernelCompiler.frontEnd(Refused.class, kernel));
    assertEquals("Refused.java", e.file());
    assertEquals(markerLine(marker), e.line(), e.getMessage());
    assertTrue(e.reason().contains(reason), "message was: " + e.getMessage());
    assertTrue(e.getMessage().startsWith("Refused.java:" + e.line() + ": "), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void interfaceParameterIsRefused() {
    KernelCompileException e = assertThrows(KernelCompileException.class, () -> KernelCompiler.frontEnd(Refused.class, "interfaceCall"));
    assertTrue(e.reason().contains("parameter 1 of interfaceCall has type java.util.List"), e.getMessage());
  }
}
