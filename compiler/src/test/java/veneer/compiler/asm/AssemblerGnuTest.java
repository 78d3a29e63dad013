package veneer.compiler.asm;

import org.junit.jupiter.api.Test;
import veneer.isa.Disassembler;
import veneer.isa.Format;
import veneer.isa.Opcode;
import veneer.isa.elf.ElfFile;
import veneer.isa.elf.ElfSection;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our assembler against GNU as + ld on every instruction form of the opcode table and every
 * pseudo-instruction and directive we support: the .text and .data bytes must be identical.
 */
class AssemblerGnuTest {
  private static final String[] REGS = {"x0", "ra", "sp", "t0", "a0", "a5", "s11", "t6", "x17", "fp"};
  private static final int[] IMMS = {0, 1, -1, 2047, -2048, 100, -100};

  /** One line per operand combination for each table instruction. */
  static String everyInstruction() {
    StringBuilder sb = new StringBuilder("    .text\n    .globl _start\n_start:\n");
    int k = 0;
    for (Opcode op : Opcode.instructions()) {
      for (int v = 0; v < 3; v++) {
        String rd = REGS[(k + v) % REGS.length];
        String r1 = REGS[(k + 3 * v + 1) % REGS.length];
        String r2 = REGS[(k + 5 * v + 2) % REGS.length];
        int imm = IMMS[(k + v) % IMMS.length];
        String m = op.mnemonic();
        String line = switch (op.format()) {
          case R -> m + " " + rd + ", " + r1 + ", " + r2;
          case I -> m + " " + rd + ", " + r1 + ", " + imm;
          case SHIFT -> m + " " + rd + ", " + r1 + ", " + (v * 15 + 1);
          case LOAD -> m + " " + rd + ", " + imm + "(" + r1 + ")";
          case S -> m + " " + r2 + ", " + imm + "(" + r1 + ")";
          case JALR -> v == 0 ? m + " " + rd + ", " + imm + "(" + r1 + ")" : v == 1 ? m + " " + r1 : m + " " + rd + ", 0(" + r1 + ")";
          case B -> m + " " + r1 + ", " + r2 + ", " + (v == 0 ? "_start" : v == 1 ? "far" : "1f") + "\n1:";
          case U -> m + " " + rd + ", " + (v == 0 ? "0x12345" : v == 1 ? "0" : "0xfffff");
          case J -> v == 0 ? m + " " + rd + ", far" : v == 1 ? m + " _start" : m + " x0, 2f\n2:";
          case CSR -> m + " " + rd + ", " + (v == 0 ? "cycle" : v == 1 ? "0xfc0" : "mhartid") + ", " + r1;
          case CSR_IMM -> m + " " + rd + ", " + (v == 0 ? "instret" : "0xfc2") + ", " + (v * 13);
          case FENCE -> v == 0 ? m : v == 1 ? m + " rw, w" : m + " iorw, io";
          case NONE -> m;
        };
        sb.append("    ").append(line).append('\n');
      }
      k++;
    }
    return sb.toString();
  }

  static final String PSEUDOS = """
                .text
            start2:
                nop
                li a0, 0
                li a1, 2047
                li a2, -2048
                li a3, 2048
                li a4, 0x12345678
                li a5, -1
                li t0, 0xfffff800
                li t1, 0x80000000
                li t2, 0x1000
                li s0, 0xffffffff
                la a0, value
                lla a1, table
                mv a0, a1
                not t0, t1
                neg t2, s1
                j start2
                jr t0
                jalr t1
                ret
                call helper
                tail helper
                beqz a0, start2
                bnez a0, 3f
                blez a1, 3f
                bgez a2, start2
                bltz a3, 3f
                bgtz a4, 3f
            3:  bgt a0, a1, start2
                ble a0, a1, 3b
                bgtu a2, a3, helper
                bleu a4, a5, helper
                seqz a0, a1
                snez a0, a1
                sltz a0, a1
                sgtz a0, a1
                csrr a0, cycle
                csrr a1, 0xfc0
                csrw mscratch, a0
                csrs mstatus, a1
                csrc mie, a2
                csrwi mscratch, 5
                csrsi mstatus, 8
                csrci mie, 31
                rdcycle a0
                rdinstret a1
                rdcycleh a2
                lui a0, %hi(value)
                addi a0, a0, %lo(value)
                lw a1, %lo(value)(a0)
                sw a1, %lo(table + 8)(a0)
                addi a0, a0, 3 + 4 - 2
                .align 4
            helper:
                ret
                .p2align 3
                .balign 16
                addi a0, a0, 1 # a comment
                add a0, a0, a1 ; sub a1, a1, a0
                .data
            value: .word 0x12345678, -1, value, table
            table: .half 1, -2, 0xffff
                .byte 1, 2, 255, -128
                .align 2
                .word table + 4
                .space 3
                .zero 1
                .string "hi\\n"
                .asciz "x"
                .align 2
            """;

  static final String FAR = "\n    .text\n    .space 40\nfar:\n    nop\n";

  @Test
  void everyInstructionFormEncodesLikeGnuAs() throws Exception {
    compare(everyInstruction() + PSEUDOS + FAR);
  }

  private static void compare(String source) throws Exception {
    ElfFile gnu = GnuToolchain.assembleAndLink(source);
    Assembler.Result ours = Assembler.assemble(source, "test.s");
    byte[] gt = gnu.section(".text").map(ElfSection::data).orElseThrow();
    int[] ow = ours.textWords();
    for (int i = 0; i < Math.min(gt.length / 4, ow.length); i++) {
      int g = (gt[4 * i] & 0xff) | (gt[4 * i + 1] & 0xff) << 8 | (gt[4 * i + 2] & 0xff) << 16 | (gt[4 * i + 3] & 0xff) << 24;
      if (g != ow[i]) {
        throw new AssertionError(String.format("word %d at 0x%x: GNU %08x %s, ours %08x %s", i, 4 * i, g,
            Disassembler.disassemble(g, 4 * i), ow[i], Disassembler.disassemble(ow[i], 4 * i)));
      }
    }
    for (int i = ow.length * 4; i < gt.length; i++) {
      assertEquals(0, gt[i], "GNU ld pads .text with zero bytes only, found a byte at " + i);
    }
    assertTrue(gt.length >= ow.length * 4 && gt.length - ow.length * 4 < 16, ".text size: GNU " + gt.length + ", ours " + ow.length * 4);
    byte[] gd = gnu.section(".data").map(ElfSection::data).orElseThrow();
    assertArrayEquals(Arrays.copyOf(gd, ours.data().length), ours.data(), ".data bytes");
    assertTrue(gd.length >= ours.data().length);
    assertEquals(gnu.symbol("helper").orElseThrow().value(), (long) ours.symbols().get("helper"));
  }

  @Test
  void everyFormatIsCovered() {
    String src = everyInstruction();
    for (Format f : Format.values()) {
      boolean used = Opcode.instructions().stream().anyMatch(o -> o.format() == f);
      assertTrue(!used || src.contains("\n"), f.name());
    }
    assertEquals(Opcode.instructions().size() * 3, src.lines().filter(l -> l.startsWith("    ") && !l.startsWith("    .")).count());
  }

  @Test
  void errorsNameFileLineAndWhatWasExpected() {
    AssemblyException e = assertThrows(AssemblyException.class, () -> Assembler.assemble("nop\n addi a0, a1\n", "t.s"));
    assertEquals("t.s:2: addi takes 3 operands, found 2", e.getMessage());
    e = assertThrows(AssemblyException.class, () -> Assembler.assemble("addi a0, a1, 5000", "t.s"));
    assertEquals("t.s:1: addi: immediate 5000 out of range -2048..2047", e.getMessage());
    e = assertThrows(AssemblyException.class, () -> Assembler.assemble("frob a0", "t.s"));
    assertEquals("t.s:1: unknown instruction frob", e.getMessage());
    e = assertThrows(AssemblyException.class, () -> Assembler.assemble("j nowhere", "t.s"));
    assertEquals("t.s:1: undefined symbol nowhere", e.getMessage());
    e = assertThrows(AssemblyException.class, () -> Assembler.assemble("x: nop\nx: nop", "t.s"));
    assertEquals("t.s:2: label x is defined twice", e.getMessage());
    e = assertThrows(AssemblyException.class, () -> Assembler.assemble("lw a0, 4", "t.s"));
    assertEquals("t.s:1: lw: operand 2 must be offset(register), found 4", e.getMessage());
  }
}
