package veneer.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import veneer.hdl.ir.Port;
import veneer.hdl.ir.SourceLoc;

class HarnessGeneratorTest {
  /** As Verilator 5.006 writes them for ports named register, delete, clk and a 65-bit out. */
  private static final String HEADER = """
      VL_IN8(&__SYM__register,3,0);
      VL_IN8(&clk,0,0);
      VL_OUT8(&__SYM__delete,3,0);
      VL_OUTW(&wide,64,0,3);
      """;

  @Test
  void portsThatAreCppKeywordsUseVerilatorsRenamedMembers() {
    Function<String, String> m = HarnessGenerator.membersFromHeader(HEADER);
    assertEquals("__SYM__register", m.apply("register"));
    assertEquals("clk", m.apply("clk"));
    SourceLoc at = new SourceLoc("T.java", 1);
    String h = HarnessGenerator.generate(List.of(
        new Port("clk", Port.Direction.INPUT, Port.Kind.CLOCK, 1, 0, at),
        new Port("register", Port.Direction.INPUT, Port.Kind.DATA, 4, 1, at),
        new Port("wide", Port.Direction.OUTPUT, Port.Kind.DATA, 65, 2, at)), m);
    assertTrue(h.contains("case 1: t->__SYM__register = v & 0xfull; break;"), h);
    assertTrue(h.contains("m->top->clk = 1;"), h);
    assertTrue(h.contains("w[k] = t->wide[k];"), h);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.apply("missing"));
    assertTrue(e.getMessage().contains("does not match the IR top"), e.getMessage());
  }
}
