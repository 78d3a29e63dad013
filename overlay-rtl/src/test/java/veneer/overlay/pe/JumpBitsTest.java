package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import veneer.isa.Opcode;

/** The jump rule of {@link JumpBits} against every row of the ISA table and a few by hand. */
class JumpBitsTest {
  @Test
  void everyRowFollowsTheRule() {
    JumpBits.check();
    for (Opcode op : Opcode.instructions()) {
      MicroOp.Unit u = MicroOp.of(op).unit();
      assertEquals(JumpBits.isJump(u), JumpBits.inGroup(op.match()), op.toString());
      if (JumpBits.isJump(u)) {
        assertEquals(u != MicroOp.Unit.BRANCH, JumpBits.unconditional(op.match()), op.toString());
      }
    }
  }

  @Test
  void writtenOut() {
    assertTrue(JumpBits.inGroup(0x0000006f));         // jal x0, 0
    assertTrue(JumpBits.unconditional(0x0000006f));
    assertTrue(JumpBits.inGroup(0x00008067));         // jalr x0, 0(x1)
    assertTrue(JumpBits.unconditional(0x00008067));
    assertTrue(JumpBits.inGroup(0x00000063));         // beq x0, x0, 0
    assertFalse(JumpBits.unconditional(0x00000063));
    assertFalse(JumpBits.inGroup(0x00000073));        // ecall
    assertFalse(JumpBits.inGroup(0x00000013));        // addi
    assertFalse(JumpBits.inGroup(0x00000037));        // lui
  }
}
