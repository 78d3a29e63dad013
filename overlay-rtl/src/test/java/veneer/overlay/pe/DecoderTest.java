package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.isa.Format;
import veneer.isa.Instruction;
import veneer.isa.Opcode;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * The PE's decoder against the ISA module's decoder, {@link MicroOp} and {@link Control}: every
 * row of the table with random operand bits, and random words (legal or not), on both back ends.
 * For an illegal word only legality is defined ({@code legal_plain} and {@code legal_other}
 * low); each control is compared for the legal words of the rows that define it
 * ({@link Control#of} not null), the unit bits, the immediate (its parts ORed as Pe registers
 * them) and fields for every legal word.
 */
class DecoderTest {
  private static final long SEED = 0xDEC0_DE5EL;
  private static final int WORDS_PER_ROW = 24;
  private static final int RANDOM_WORDS = 1500;

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void everyWordDecodesAsTheTableSays(Backend backend) {
    Random rnd = new Random(SEED);
    Decoder dec = new Decoder();
    try (Simulator sim = Simulators.open(dec, backend)) {
      for (Opcode op : Opcode.instructions()) {
        for (int i = 0; i < WORDS_PER_ROW; i++) {
          check(sim, dec, op.match() | (rnd.nextInt() & ~op.mask()));
        }
      }
      for (int i = 0; i < RANDOM_WORDS; i++) {
        // Half of them with a major opcode of the table, so that near misses are common.
        int word = rnd.nextInt();
        if (i % 2 == 0) {
          Opcode row = Opcode.instructions().get(rnd.nextInt(Opcode.instructions().size()));
          word = (word & ~0x7F) | row.majorOpcode();
        }
        check(sim, dec, word);
      }
    }
  }

  private static void check(Simulator sim, Decoder dec, int word) {
    sim.poke("insn", Integer.toUnsignedLong(word));
    sim.step();
    Instruction ins = veneer.isa.Decoder.decode(word);
    String what = String.format("seed %x: word %08x (%s)", SEED, word, ins.opcode());
    boolean legal = ins.isLegal();
    assertEquals(legal ? 1 : 0, sim.peek("legal_plain") | sim.peek("legal_other"), what + ": legal");
    if (!legal) {
      return;
    }
    MicroOp m = MicroOp.of(ins.opcode());
    for (MicroOp.Unit u : Decoder.UNIT_OUTPUTS) {
      assertEquals(m.unit() == u ? 1 : 0, sim.peek("is_" + u.name().toLowerCase(Locale.ROOT)), what + ": unit " + u);
    }
    assertEquals(Decoder.isStop(m.unit()) ? 1 : 0, sim.peek("is_stop"), what + ": is_stop");
    // What S2 reads from the registered word instead of a unit output.
    assertEquals(m.unit() == MicroOp.Unit.FENCE, (word & Decoder.FENCE_MASK) == Decoder.FENCE_MATCH, what + ": fence bits");
    assertEquals(JumpBits.isJump(m.unit()), JumpBits.inGroup(word), what + ": jump bits");
    if (Decoder.isStop(m.unit())) {
      assertEquals(m.unit() == MicroOp.Unit.EBREAK, (word >>> Decoder.EBREAK_BIT & 1) != 0, what + ": ebreak bit");
    }
    for (Control c : Control.values()) {
      Integer expected = c.of(ins.opcode());
      if (expected != null) {
        assertEquals((long) expected, sim.peek(c.port()), what + ": " + c.port());
      }
    }
    assertEquals(ins.opcode().format().hasRd() ? 1 : 0, sim.peek("writes_rd"), what + ": writes_rd");
    long defined = Integer.toUnsignedLong(definedImmediateBits(ins));
    long imm = immediateAsPeRegistersIt(sim, dec);
    assertEquals(Integer.toUnsignedLong(expectedImmediate(word, ins)) & defined, imm & defined, what + ": imm");
    assertEquals(word >>> 12 & 7, sim.peek("funct3"), what + ": funct3");
    assertEquals(word >>> 7 & 0x1F, sim.peek("rd"), what + ": rd");
    assertEquals(word >>> 15 & 0x1F, sim.peek("rs1"), what + ": rs1");
    assertEquals(word >>> 20 & 0x1F, sim.peek("rs2"), what + ": rs2");
    assertEquals(word >>> 20, sim.peek("csr"), what + ": csr");
  }

  /** The OR of the immediate's parts that are not cleared, placed, as Pe registers them. */
  private static long immediateAsPeRegistersIt(Simulator sim, Decoder dec) {
    long imm = 0;
    for (int i = 0; i < dec.immParts.size(); i++) {
      Decoder.ImmPart part = dec.immParts.get(i);
      boolean decoded = part.clear() == null;
      if (decoded || sim.peek("imm_clear" + i) == 0) {
        imm |= part.of(sim.peek(decoded ? "imm_decoded" : "imm_part" + i));
      }
    }
    return imm;
  }

  /**
   * The immediate bits S2 reads: all of them for the formats with an immediate and for ECALL and
   * EBREAK (whose immediate is 0: their status value is rs1 + 0); a shift's amount (bits 4..0);
   * none for the others (register-register, CSR, FENCE).
   */
  private static int definedImmediateBits(Instruction ins) {
    switch (ins.opcode().format()) {
      case I: case LOAD: case JALR: case S: case B: case U: case J:
        return -1;
      case SHIFT:
        return 0x1F;
      default:
        // ECALL and EBREAK add it to rs1, and Pe ORs a division's with the divider's result.
        return ins.opcode() == Opcode.ECALL || ins.opcode() == Opcode.EBREAK
            || MicroOp.of(ins.opcode()).unit() == MicroOp.Unit.DIV ? -1 : 0;
    }
  }

  /** The ISA decoder's immediate; a shift's is its I-type field (the amount in bits 4..0), others have none. */
  private static int expectedImmediate(int word, Instruction ins) {
    Format f = ins.opcode().format();
    switch (f) {
      case I: case LOAD: case JALR: case S: case B: case U: case J:
        return ins.imm();
      case SHIFT:
        return word >> 20;
      default:
        return 0;
    }
  }
}
