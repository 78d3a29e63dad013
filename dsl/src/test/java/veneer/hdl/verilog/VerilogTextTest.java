package veneer.hdl.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class VerilogTextTest {
  private static String lit(int width, BigInteger v) {
    return VerilogText.literal(width, v);
  }

  @Test
  void singleBitsAreBinary() {
    assertEquals("1'b0", lit(1, BigInteger.ZERO));
    assertEquals("1'b1", lit(1, BigInteger.ONE));
  }

  @Test
  void smallValuesAreDecimalAndMasksHex() {
    assertEquals("8'd99", lit(8, BigInteger.valueOf(99)));
    assertEquals("8'hff", lit(8, BigInteger.valueOf(255)));
    assertEquals("16'h3e8", lit(16, BigInteger.valueOf(1000)));
    assertEquals("3'd7", lit(3, BigInteger.valueOf(7)));
  }

  @Test
  void wideValuesAreGroupedHex() {
    BigInteger max64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    assertEquals("64'hffffffff_ffffffff", lit(64, max64));
    assertEquals("64'h80000000_00000000", lit(64, BigInteger.ONE.shiftLeft(63)));
    assertEquals("65'h1_00000000_00000000", lit(65, BigInteger.ONE.shiftLeft(64)));
    assertEquals("65'd0", lit(65, BigInteger.ZERO));
    String top512 = lit(512, BigInteger.ONE.shiftLeft(511));
    assertEquals("512'h80000000" + "_00000000".repeat(15), top512);
    assertEquals("512'h" + "ffffffff_".repeat(15) + "ffffffff",
        lit(512, BigInteger.ONE.shiftLeft(512).subtract(BigInteger.ONE)));
  }

  @Test
  void valuesThatDoNotFitAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lit(8, BigInteger.valueOf(256)));
    assertEquals("a 8-bit literal needs a value from 0 to 2^8-1, found 256", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> lit(4, BigInteger.valueOf(-1)));
  }

  @Test
  void displayStringsAreEscaped() {
    assertEquals("\"say \\\"hi\\\" at 100%% \\\\ done\\n\"", VerilogText.displayString("say \"hi\" at 100% \\ done\n"));
    assertEquals("\"caf?\"", VerilogText.displayString("caf\u00e9"));
  }

  @Test
  void rangesOmitSingleBits() {
    assertEquals("", VerilogText.range(1));
    assertEquals("[511:0] ", VerilogText.range(512));
  }
}
