package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import veneer.isa.Opcode;

/**
 * The control table's meaning for a few rows, written out by hand from the PE's pipeline
 * (docs/pe.md): what S2 does with each instruction. DecoderTest checks the decoder against the
 * table; this checks the table itself.
 */
class ControlTest {
  @Test
  void aluRowsSelectTheirResultAndOperands() {
    assertEquals(Alu.Result.SUM.ordinal(), Control.ALU_SEL.of(Opcode.ADDI));
    assertEquals(Alu.Result.DIFF.ordinal(), Control.ALU_SEL.of(Opcode.SUB));
    assertEquals(Alu.Result.SLTU.ordinal(), Control.ALU_SEL.of(Opcode.SLTIU));
    assertEquals(Alu.Result.COPY_B.ordinal(), Control.ALU_SEL.of(Opcode.LUI));
    assertEquals(1, Control.USE_IMM.of(Opcode.ANDI));
    assertEquals(0, Control.USE_IMM.of(Opcode.AND));
    assertEquals(1, Control.PC_OPERAND.of(Opcode.AUIPC));
    assertEquals(0, Control.PC_OPERAND.of(Opcode.ADD));
    assertEquals(Control.RESULT_ALU, Control.resultSource(Opcode.XOR));
    assertEquals(0, Control.MUL_RESULT.of(Opcode.XOR));
    assertNull(Control.mulMode(Opcode.XOR));
  }

  @Test
  void addressesAndTargetsAreSumsOfTheImmediate() {
    for (Opcode op : new Opcode[] {Opcode.LW, Opcode.SB, Opcode.JALR, Opcode.ECALL, Opcode.EBREAK}) {
      assertEquals(Alu.Result.SUM.ordinal(), Control.ALU_SEL.of(op), op.toString());
      assertEquals(1, Control.USE_IMM.of(op), op.toString());
      assertEquals(0, Control.PC_OPERAND.of(op), op.toString());
    }
    for (Opcode op : new Opcode[] {Opcode.BEQ, Opcode.BGEU, Opcode.JAL}) {
      assertEquals(Alu.Result.SUM.ordinal(), Control.ALU_SEL.of(op), op.toString());
      assertEquals(1, Control.USE_IMM.of(op), op.toString());
      assertEquals(1, Control.PC_OPERAND.of(op), op.toString());
    }
    assertEquals(Control.RESULT_LINK, Control.resultSource(Opcode.JAL));
    assertEquals(Control.RESULT_LINK, Control.resultSource(Opcode.JALR));
    assertNull(Control.resultSource(Opcode.BEQ));
    assertNull(Control.MUL_RESULT.of(Opcode.JAL));
  }

  @Test
  void shiftsAndMultiplicationsUseTheMultiplier() {
    assertEquals(Multiplier.Mode.SLL, Control.mulMode(Opcode.SLLI));
    assertEquals(Multiplier.Mode.SRA, Control.mulMode(Opcode.SRA));
    assertEquals(Multiplier.Mode.MULHU, Control.mulMode(Opcode.MULHU));
    assertEquals(Control.RESULT_MUL, Control.resultSource(Opcode.SRL));
    assertEquals(Control.RESULT_MUL, Control.resultSource(Opcode.MUL));
    assertEquals(1, Control.MUL_RESULT.of(Opcode.SRAI));
    assertNull(Control.ALU_SEL.of(Opcode.SLL));
    assertEquals(0, Control.USE_IMM.of(Opcode.SRA));
    assertEquals(1, Control.USE_IMM.of(Opcode.SRAI));
  }

  @Test
  void divisionsPassTheDividerThroughTheAlu() {
    // x0 + magnitude (Pe makes it x0 - magnitude for a negative result): the adder on rs1, not the PC.
    assertEquals(Alu.Result.SUM.ordinal(), Control.ALU_SEL.of(Opcode.REMU));
    assertEquals(0, Control.PC_OPERAND.of(Opcode.DIV));
    assertEquals(Control.RESULT_ALU, Control.resultSource(Opcode.DIV));
    assertEquals(0, Control.MUL_RESULT.of(Opcode.DIV));
    // The operation is funct3's low bits (Pe reads them from the instruction; no control).
    assertEquals(MicroOp.DivOp.REMU.ordinal(), Opcode.REMU.match() >>> 12 & 3);
    assertEquals(1, Control.USES_RS2.of(Opcode.DIVU));
  }

  @Test
  void onlyEcallReadsA0AndOnlyJalAndAuipcSkipRs1() {
    for (Opcode op : Opcode.instructions()) {
      assertEquals(op == Opcode.ECALL ? 1 : 0, Control.READS_A0.of(op), op.toString());
      assertEquals(op == Opcode.JAL || op == Opcode.AUIPC ? 0 : 1, Control.USES_RS1.of(op), op.toString());
    }
  }

  @Test
  void s2DerivesEveryResultSourceFromTwoInstructionBitsAndMulResult() {
    for (Opcode op : Opcode.instructions()) {
      Integer source = Control.resultSource(op);
      if (source != null) {
        Integer mul = Control.MUL_RESULT.of(op);
        assertEquals(source, Control.resultSource(op.match(), mul != null && mul == 1), op.toString());
      }
    }
    assertEquals(Control.RESULT_CSR, Control.resultSource(Opcode.CSRRS));
    assertEquals(Control.RESULT_LINK, Control.resultSource(Opcode.JALR.match(), false));
    assertEquals(Control.RESULT_CSR, Control.resultSource(Opcode.CSRRWI.match(), true));
  }

  @Test
  void theMultiplierDecodesItsModeFromTheInstructionBits() {
    int rows = 0;
    for (Opcode op : Opcode.instructions()) {
      Multiplier.Mode mode = Control.mulMode(op);
      if (mode != null) {
        assertEquals(Multiplier.MODE_BITS, op.mask() & Multiplier.MODE_BITS, op.toString());
        assertEquals(Multiplier.encoding(mode), op.match() & Multiplier.MODE_BITS, op.toString());
        rows++;
      }
    }
    assertEquals(10, rows); // MUL, MULH, MULHSU, MULHU and the six shifts
    assertEquals(Multiplier.encoding(Multiplier.Mode.SRA), Opcode.SRAI.match() & Multiplier.MODE_BITS);
  }
}
