package veneer.compiler.asm;

import veneer.isa.Encoder;
import veneer.isa.EncodingException;
import veneer.isa.Format;
import veneer.isa.Opcode;

import java.util.List;

import static veneer.isa.Opcode.*;

/**
 * Instructions and pseudo-instructions to words, with the expansions GNU as uses (so the bytes
 * are identical): li = addi / lui / lui+addi, la/lla = auipc+addi, call = auipc ra + jalr ra,
 * tail = auipc t1 + jalr x0,t1. In the first pass only the number of words matters.
 */
final class InstructionAssembler {
  private final Assembler a;
  private final Assembler.Stmt s;
  private final int pc;
  private final List<Operand> ops;

  private InstructionAssembler(Assembler a, Assembler.Stmt s, int pc) {
    this.a = a;
    this.s = s;
    this.pc = pc;
    this.ops = s.operands();
  }

  static int[] assemble(Assembler a, Assembler.Stmt s, int pc) {
    InstructionAssembler ia = new InstructionAssembler(a, s, pc);
    try {
      return ia.run();
    } catch (EncodingException e) {
      throw a.error(e.getMessage());
    }
  }

  private void arity(int... allowed) {
    for (int n : allowed) {
      if (ops.size() == n) {
        return;
      }
    }
    throw a.error(s.name() + " takes " + (allowed.length == 1 ? allowed[0] : allowed[0] + " or " + allowed[1])
        + " operands, found " + ops.size());
  }

  private int reg(int k) {
    Operand o = ops.get(k);
    int r = Registers.register(o.name());
    if (r < 0) {
      throw a.error(s.name() + ": operand " + (k + 1) + " must be a register (x0..x31 or an ABI name), found " + o);
    }
    return r;
  }

  private int value(int k) {
    Operand o = ops.get(k);
    if (o.kind() != Operand.Kind.EXPR) {
      throw a.error(s.name() + ": operand " + (k + 1) + " must be a value, found " + o);
    }
    return (int) a.eval(o.expr(), false);
  }

  /** Byte offset from this instruction to the target operand (0 in the first pass). */
  private int target(int k) {
    Operand o = ops.get(k);
    if (o.kind() != Operand.Kind.EXPR) {
      throw a.error(s.name() + ": operand " + (k + 1) + " must be a label, found " + o);
    }
    long v = a.eval(o.expr(), false);
    if (!a.emitting()) {
      return 0;
    }
    return !o.expr().terms.isEmpty() || !(o.expr().term(0) instanceof RvAsmParser.NumberContext)
        ? (int) (v - Integer.toUnsignedLong(pc)) : (int) v;
  }

  private int csr(int k) {
    Operand o = ops.get(k);
    int c = Registers.csr(o.name());
    if (c >= 0) {
      return c;
    }
    if (o.name() != null) {
      throw a.error(s.name() + ": unknown CSR " + o.name());
    }
    return value(k);
  }

  /** [base register, offset] of a memory operand {@code off(reg)}, {@code (reg)} or a plain offset. */
  private int[] memory(int k) {
    Operand o = ops.get(k);
    return switch (o.kind()) {
      case OFFSET -> new int[] {baseReg(o), (int) a.eval(o.expr(), false)};
      case BASE -> new int[] {baseReg(o), 0};
      default -> throw a.error(s.name() + ": operand " + (k + 1) + " must be offset(register), found " + o);
    };
  }

  private int baseReg(Operand o) {
    int r = Registers.register(o.base());
    if (r < 0) {
      throw a.error(s.name() + ": " + o.base() + " is not a register");
    }
    return r;
  }

  private int[] one(int w) {
    return new int[] {w};
  }

  private int[] run() {
    String m = s.name();
    switch (m) {
      case "nop" -> {
        arity(0);
        return one(Encoder.i(ADDI, 0, 0, 0));
      }
      case "li" -> {
        arity(2);
        Operand o = ops.get(1);
        if (o.kind() != Operand.Kind.EXPR) {
          throw a.error("li: operand 2 must be a constant, found " + o);
        }
        long v = a.eval(o.expr(), true);
        if (v < Integer.MIN_VALUE || v > 0xffffffffL) {
          throw a.error("li: " + v + " does not fit in 32 bits");
        }
        return veneer.compiler.backend.Linker.liWords(reg(0), (int) v);
      }
      case "la", "lla" -> {
        arity(2);
        int rd = reg(0);
        int delta = a.emitting() ? (int) (a.eval(ops.get(1).expr(), false) - Integer.toUnsignedLong(pc)) : 0;
        int lo = delta << 20 >> 20;
        return new int[] {Encoder.u(AUIPC, rd, delta - lo), Encoder.i(ADDI, rd, rd, lo)};
      }
      case "call", "tail" -> {
        arity(1);
        int delta = target(0);
        int lo = delta << 20 >> 20;
        int link = m.equals("call") ? 1 : 6;
        return new int[] {Encoder.u(AUIPC, link, delta - lo), Encoder.i(JALR, m.equals("call") ? 1 : 0, link, lo)};
      }
      case "mv" -> {
        arity(2);
        return one(Encoder.i(ADDI, reg(0), reg(1), 0));
      }
      case "not" -> {
        arity(2);
        return one(Encoder.i(XORI, reg(0), reg(1), -1));
      }
      case "neg" -> {
        arity(2);
        return one(Encoder.r(SUB, reg(0), 0, reg(1)));
      }
      case "seqz" -> {
        arity(2);
        return one(Encoder.i(SLTIU, reg(0), reg(1), 1));
      }
      case "snez" -> {
        arity(2);
        return one(Encoder.r(SLTU, reg(0), 0, reg(1)));
      }
      case "sltz" -> {
        arity(2);
        return one(Encoder.r(SLT, reg(0), reg(1), 0));
      }
      case "sgtz" -> {
        arity(2);
        return one(Encoder.r(SLT, reg(0), 0, reg(1)));
      }
      case "j" -> {
        arity(1);
        return one(Encoder.j(JAL, 0, target(0)));
      }
      case "jr" -> {
        arity(1);
        return one(Encoder.i(JALR, 0, reg(0), 0));
      }
      case "ret" -> {
        arity(0);
        return one(Encoder.i(JALR, 0, 1, 0));
      }
      case "beqz", "bnez", "blez", "bgez", "bltz", "bgtz" -> {
        arity(2);
        int r = reg(0);
        int t = target(1);
        return one(switch (m) {
          case "beqz" -> Encoder.b(BEQ, r, 0, t);
          case "bnez" -> Encoder.b(BNE, r, 0, t);
          case "blez" -> Encoder.b(BGE, 0, r, t);
          case "bgez" -> Encoder.b(BGE, r, 0, t);
          case "bltz" -> Encoder.b(BLT, r, 0, t);
          default -> Encoder.b(BLT, 0, r, t);
        });
      }
      case "bgt", "ble", "bgtu", "bleu" -> {
        arity(3);
        Opcode op = m.equals("bgt") ? BLT : m.equals("ble") ? BGE : m.equals("bgtu") ? BLTU : BGEU;
        return one(Encoder.b(op, reg(1), reg(0), target(2)));
      }
      case "csrr" -> {
        arity(2);
        return one(Encoder.csr(CSRRS, reg(0), csr(1), 0));
      }
      case "csrw", "csrs", "csrc" -> {
        arity(2);
        Opcode op = m.equals("csrw") ? CSRRW : m.equals("csrs") ? CSRRS : CSRRC;
        return one(Encoder.csr(op, 0, csr(0), reg(1)));
      }
      case "csrwi", "csrsi", "csrci" -> {
        arity(2);
        Opcode op = m.equals("csrwi") ? CSRRWI : m.equals("csrsi") ? CSRRSI : CSRRCI;
        return one(Encoder.csr(op, 0, csr(0), value(1)));
      }
      case "rdcycle", "rdcycleh", "rdinstret", "rdinstreth", "rdtime", "rdtimeh" -> {
        arity(1);
        int c = Registers.csr(m.substring(2));
        return one(Encoder.csr(CSRRS, reg(0), c, 0));
      }
      default -> {
        return real(m);
      }
    }
  }

  private int[] real(String m) {
    Opcode op;
    try {
      op = Opcode.byMnemonic(m);
    } catch (IllegalArgumentException e) {
      throw a.error("unknown instruction " + m);
    }
    Format f = op.format();
    switch (f) {
      case R -> {
        arity(3);
        return one(Encoder.r(op, reg(0), reg(1), reg(2)));
      }
      case I, SHIFT -> {
        arity(3);
        return one(Encoder.i(op, reg(0), reg(1), value(2)));
      }
      case LOAD -> {
        arity(2);
        int[] mem = memory(1);
        return one(Encoder.i(op, reg(0), mem[0], mem[1]));
      }
      case S -> {
        arity(2);
        int[] mem = memory(1);
        return one(Encoder.s(op, mem[0], reg(0), mem[1]));
      }
      case B -> {
        arity(3);
        return one(Encoder.b(op, reg(0), reg(1), target(2)));
      }
      case U -> {
        arity(2);
        int v = value(1);
        if (a.emitting() && (v < 0 || v > 0xfffff)) {
          throw a.error(m + ": upper immediate " + v + " out of range 0..1048575");
        }
        return one(Encoder.u(op, reg(0), v << 12));
      }
      case J -> {
        arity(1, 2);
        return ops.size() == 1 ? one(Encoder.j(op, 1, target(0))) : one(Encoder.j(op, reg(0), target(1)));
      }
      case JALR -> {
        arity(1, 2, 3);
        if (ops.size() == 1) {
          return one(Encoder.i(op, 1, reg(0), 0));
        }
        if (ops.size() == 2) {
          int[] mem = memory(1);
          return one(Encoder.i(op, reg(0), mem[0], mem[1]));
        }
        return one(Encoder.i(op, reg(0), reg(1), value(2)));
      }
      case CSR -> {
        arity(3);
        return one(Encoder.csr(op, reg(0), csr(1), reg(2)));
      }
      case CSR_IMM -> {
        arity(3);
        return one(Encoder.csr(op, reg(0), csr(1), value(2)));
      }
      case FENCE -> {
        arity(0, 2);
        if (ops.isEmpty()) {
          return one(Encoder.fence(15, 15));
        }
        return one(Encoder.fence(fenceSet(0), fenceSet(1)));
      }
      default -> {
        arity(0);
        return one(op.match());
      }
    }
  }

  private int fenceSet(int k) {
    String n = ops.get(k).name();
    if (n == null) {
      throw a.error("fence: operand " + (k + 1) + " must be a set of i, o, r, w");
    }
    int v = 0;
    for (char c : n.toCharArray()) {
      int bit = "wroi".indexOf(c);
      if (bit < 0) {
        throw a.error("fence: '" + c + "' in " + n + " is not one of i, o, r, w");
      }
      v |= 1 << bit;
    }
    return v;
  }
}
