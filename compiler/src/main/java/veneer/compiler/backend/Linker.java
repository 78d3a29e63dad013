package veneer.compiler.backend;

import veneer.isa.Encoder;
import veneer.isa.Opcode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays machine blocks out at addresses and encodes them through {@link Encoder}: drops jumps to
 * the next block (inverting a branch when that removes a jump), expands li/la, and relaxes a
 * conditional branch whose target is beyond +-4 KiB into an inverted branch over a jal.
 */
public final class Linker {
  /** The encoded code: words from {@code base}, and the address of every label. */
  public record Code(int base, int[] words, Map<String, Integer> labels) {
    public byte[] bytes() {
      byte[] b = new byte[words.length * 4];
      for (int i = 0; i < words.length; i++) {
        for (int k = 0; k < 4; k++) {
          b[4 * i + k] = (byte) (words[i] >>> (8 * k));
        }
      }
      return b;
    }
  }

  private Linker() {
  }

  /** Removes jumps to the following block and branches that only skip over it. */
  static List<MBlock> straighten(List<MBlock> blocks) {
    for (int b = 0; b < blocks.size(); b++) {
      String next = b + 1 < blocks.size() ? blocks.get(b + 1).label : null;
      List<MInstr> is = blocks.get(b).instrs;
      int n = is.size();
      if (n == 0) {
        continue;
      }
      MInstr last = is.get(n - 1);
      if (last.kind != MInstr.Kind.JUMP) {
        continue;
      }
      if (last.target.equals(next)) {
        is.remove(n - 1);
      } else if (n >= 2 && is.get(n - 2).kind == MInstr.Kind.BRANCH && is.get(n - 2).target.equals(next)) {
        MInstr br = is.get(n - 2);
        is.set(n - 2, MInstr.branch(invert(br.op), br.rs1, br.rs2, last.target));
        is.remove(n - 1);
      }
    }
    return blocks;
  }

  static Opcode invert(Opcode op) {
    return switch (op) {
      case BEQ -> Opcode.BNE;
      case BNE -> Opcode.BEQ;
      case BLT -> Opcode.BGE;
      case BGE -> Opcode.BLT;
      case BLTU -> Opcode.BGEU;
      case BGEU -> Opcode.BLTU;
      default -> throw new IllegalArgumentException(op + " is not a branch");
    };
  }

  /** One item in the layout: an instruction in a block, or a label. */
  private record Item(String label, MInstr instr) {
  }

  /**
   * Encodes {@code blocks} (with labels of blocks and of extra {@code symbols}) at {@code base};
   * {@code external} gives addresses of labels outside (e.g. data symbols).
   */
  public static Code link(int base, List<MBlock> blocks, Map<String, Integer> external) {
    List<Item> items = new ArrayList<>();
    for (MBlock b : blocks) {
      items.add(new Item(b.label, null));
      for (MInstr i : b.instrs) {
        items.add(new Item(null, i));
      }
    }
    Map<MInstr, Boolean> longBranch = new HashMap<>();
    Map<String, Integer> labels;
    while (true) {
      labels = new LinkedHashMap<>(external);
      int pc = base;
      for (Item it : items) {
        if (it.label != null) {
          if (labels.containsKey(it.label) && !external.containsKey(it.label)) {
            throw new IllegalStateException("label " + it.label + " defined twice");
          }
          labels.put(it.label, pc);
        } else {
          pc += 4 * size(it.instr, longBranch.getOrDefault(it.instr, false));
        }
      }
      boolean grew = false;
      pc = base;
      for (Item it : items) {
        if (it.label != null) {
          continue;
        }
        MInstr i = it.instr;
        if (i.kind == MInstr.Kind.BRANCH && !longBranch.getOrDefault(i, false)) {
          int off = target(labels, i.target) - pc;
          if (off < -4096 || off > 4094) {
            longBranch.put(i, true);
            grew = true;
          }
        }
        pc += 4 * size(i, longBranch.getOrDefault(i, false));
      }
      if (!grew) {
        break;
      }
    }
    List<Integer> words = new ArrayList<>();
    int pc = base;
    for (Item it : items) {
      if (it.label != null) {
        continue;
      }
      for (int w : encode(it.instr, pc, labels, longBranch.getOrDefault(it.instr, false))) {
        words.add(w);
        pc += 4;
      }
    }
    return new Code(base, words.stream().mapToInt(Integer::intValue).toArray(), labels);
  }

  private static int target(Map<String, Integer> labels, String l) {
    Integer a = labels.get(l);
    if (a == null) {
      throw new IllegalStateException("undefined label " + l);
    }
    return a;
  }

  static int size(MInstr i, boolean longBranch) {
    return switch (i.kind) {
      case LI -> liSize(i.imm);
      case LA -> 2;
      case BRANCH -> longBranch ? 2 : 1;
      case TABLE -> 3 + i.table.size();
      case FRAME -> throw new IllegalStateException("frame not resolved");
      default -> 1;
    };
  }

  static int liSize(int v) {
    if (v >= -2048 && v <= 2047) {
      return 1;
    }
    return (v & 0xfff) == 0 ? 1 : 2;
  }

  /** The words of {@code li rd, v}: addi, lui, or lui+addi (as GNU as expands it). */
  public static int[] liWords(int rd, int v) {
    return li(rd, v);
  }

  /** lui/addi pair for {@code v}: upper part rounded so that the signed low part adds back. */
  static int[] li(int rd, int v) {
    if (v >= -2048 && v <= 2047) {
      return new int[] {Encoder.i(Opcode.ADDI, rd, 0, v)};
    }
    int lo = (v << 20) >> 20;
    int hi = v - lo;
    if (lo == 0) {
      return new int[] {Encoder.u(Opcode.LUI, rd, hi)};
    }
    return new int[] {Encoder.u(Opcode.LUI, rd, hi), Encoder.i(Opcode.ADDI, rd, rd, lo)};
  }

  private static int[] encode(MInstr i, int pc, Map<String, Integer> labels, boolean longBranch) {
    switch (i.kind) {
      case OP:
        if (i.op.format() == veneer.isa.Format.CSR || i.op.format() == veneer.isa.Format.CSR_IMM) {
          return new int[] {Encoder.csr(i.op, i.rd, i.imm, i.rs1)};
        }
        return new int[] {Encoder.encode(i.op, i.op.format().hasRd() ? i.rd : 0, i.rs1, i.uses().length > 1 ? i.rs2 : 0, i.imm)};
      case LI:
        return li(i.rd, i.imm);
      case LA: {
        int v = target(labels, i.target);
        int lo = (v << 20) >> 20;
        return new int[] {Encoder.u(Opcode.LUI, i.rd, v - lo), Encoder.i(Opcode.ADDI, i.rd, i.rd, lo)};
      }
      case BRANCH: {
        int t = target(labels, i.target);
        if (longBranch) {
          return new int[] {Encoder.b(invert(i.op), i.rs1, i.rs2, 8), Encoder.j(Opcode.JAL, 0, t - pc - 4)};
        }
        return new int[] {Encoder.b(i.op, i.rs1, i.rs2, t - pc)};
      }
      case JUMP:
        return new int[] {Encoder.j(Opcode.JAL, 0, target(labels, i.target) - pc)};
      case CALL:
        return new int[] {Encoder.j(Opcode.JAL, Reg.RA, target(labels, i.target) - pc)};
      case RET:
        return new int[] {Encoder.i(Opcode.JALR, 0, Reg.RA, 0)};
      case EXIT:
        return new int[] {Opcode.ECALL.match()};
      case TABLE: {
        // auipc s, 0; add s, s, slot4; jalr x0, 12(s); then a jal per slot. s is a scratch register
        // the slot is not in (spill code may have put it in either)
        int s = i.rs1 == Reg.SCRATCH1 ? Reg.SCRATCH0 : Reg.SCRATCH1;
        int[] w = new int[3 + i.table.size()];
        w[0] = Encoder.u(Opcode.AUIPC, s, 0);
        w[1] = Encoder.encode(Opcode.ADD, s, s, i.rs1, 0);
        w[2] = Encoder.i(Opcode.JALR, 0, s, 12);
        for (int k = 0; k < i.table.size(); k++) {
          int at = pc + 4 * (3 + k);
          w[3 + k] = Encoder.j(Opcode.JAL, 0, target(labels, i.table.get(k)) - at);
        }
        return w;
      }
      default:
        throw new IllegalStateException("cannot encode " + i);
    }
  }
}
