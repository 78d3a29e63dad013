package veneer.compiler.backend;

import veneer.isa.Format;
import veneer.isa.Opcode;

import java.util.List;

/**
 * One machine instruction before layout: a real RV32IM instruction on (virtual or machine)
 * registers, or one of a few forms that need addresses or the frame size, resolved at layout.
 */
public final class MInstr {
  /** The instruction forms. */
  public enum Kind {
    /** A table instruction; for branches and JAL see {@link #BRANCH}/{@link #JUMP}/{@link #CALL}. */
    OP,
    /** {@code rd = imm} (addi, or lui+addi). */
    LI,
    /** {@code rd = address of target} (lui+addi). */
    LA,
    /** Conditional branch {@code op rs1, rs2, target}: ends a block, before its JUMP. */
    BRANCH,
    /** Unconditional jump to {@code target}: ends a block. */
    JUMP,
    /** {@code jal ra, target}. */
    CALL,
    /** {@code jalr x0, 0(ra)}: ends a block. */
    RET,
    /** {@code ecall}: ends the thread; ends a block. */
    EXIT,
    /** {@code sp += imm * frame size} (imm = -1 allocate, +1 free). */
    FRAME,
    /**
     * Jump table: {@code rs1} holds 4 * slot; jumps to {@link #table}[slot] (auipc, add, jalr, then one
     * {@code jal} per slot). Ends a block, before its JUMP; the caller guarantees the slot is in range.
     */
    TABLE
  }

  /** How the immediate of a load/store relates to the frame (resolved after allocation). */
  public enum FrameRel {
    NONE,
    /** Incoming argument {@code imm/4}: offset = frame size + imm. */
    ARG_IN,
    /** The saved return address: offset = frame size - 4. */
    RA
  }

  public final Kind kind;
  public final Opcode op;
  public int rd;
  public int rs1;
  public int rs2;
  public int imm;
  public final String target;
  public FrameRel frameRel = FrameRel.NONE;
  /** For a load or store of a coarsened block: what it touches (null: unknown, may touch anything). */
  MemTag mem;
  /** The targets of a {@link Kind#TABLE}, by slot (empty for other kinds). */
  public final List<String> table;

  private MInstr(Kind kind, Opcode op, int rd, int rs1, int rs2, int imm, String target) {
    this.kind = kind;
    this.op = op;
    this.rd = rd;
    this.rs1 = rs1;
    this.rs2 = rs2;
    this.imm = imm;
    this.target = target;
    this.table = List.of();
  }

  private MInstr(int rs1, List<String> table) {
    this.kind = Kind.TABLE;
    this.op = null;
    this.rs1 = rs1;
    this.target = null;
    this.table = List.copyOf(table);
  }

  /** Jump table on {@code slot4} (4 * slot index). */
  public static MInstr table(int slot4, List<String> targets) {
    return new MInstr(slot4, targets);
  }

  public static MInstr op(Opcode op, int rd, int rs1, int rs2, int imm) {
    return new MInstr(Kind.OP, op, rd, rs1, rs2, imm, null);
  }

  public static MInstr li(int rd, int imm) {
    return new MInstr(Kind.LI, null, rd, 0, 0, imm, null);
  }

  public static MInstr la(int rd, String target) {
    return new MInstr(Kind.LA, null, rd, 0, 0, 0, target);
  }

  public static MInstr branch(Opcode op, int rs1, int rs2, String target) {
    return new MInstr(Kind.BRANCH, op, 0, rs1, rs2, 0, target);
  }

  public static MInstr jump(String target) {
    return new MInstr(Kind.JUMP, null, 0, 0, 0, 0, target);
  }

  public static MInstr call(String target) {
    return new MInstr(Kind.CALL, null, 0, 0, 0, 0, target);
  }

  public static MInstr ret() {
    return new MInstr(Kind.RET, null, 0, 0, 0, 0, null);
  }

  public static MInstr exit() {
    return new MInstr(Kind.EXIT, null, 0, 0, 0, 0, null);
  }

  public static MInstr frame(int sign) {
    return new MInstr(Kind.FRAME, null, 0, 0, 0, sign, null);
  }

  /** An identical, independent instruction. */
  public MInstr copy() {
    MInstr c = kind == Kind.TABLE ? new MInstr(rs1, table) : new MInstr(kind, op, rd, rs1, rs2, imm, target);
    c.frameRel = frameRel;
    c.mem = mem;
    return c;
  }

  /** Ends a block. */
  public boolean isTerminator() {
    return kind == Kind.BRANCH || kind == Kind.JUMP || kind == Kind.RET || kind == Kind.EXIT || kind == Kind.TABLE;
  }

  /** Register written, or -1. */
  public int def() {
    switch (kind) {
      case LI:
      case LA:
        return rd;
      case OP:
        Format f = op.format();
        return f.hasRd() ? rd : -1;
      default:
        return -1;
    }
  }

  /** Registers read (x0 included; callers skip machine registers as they need). */
  public int[] uses() {
    switch (kind) {
      case BRANCH:
        return new int[] {rs1, rs2};
      case TABLE:
        return new int[] {rs1};
      case OP:
        switch (op.format()) {
          case R:
          case S:
          case B:
            return new int[] {rs1, rs2};
          case I:
          case LOAD:
          case SHIFT:
          case JALR:
          case CSR:
            return new int[] {rs1};
          default:
            return new int[0];
        }
      default:
        return new int[0];
    }
  }

  /** Replaces use {@code k} (in {@link #uses()} order). */
  public void setUse(int k, int r) {
    if (k == 0) {
      rs1 = r;
    } else {
      rs2 = r;
    }
  }

  /** Whether this is {@code addi rd, rs, 0} between registers. */
  public boolean isMove() {
    return kind == Kind.OP && op == Opcode.ADDI && imm == 0;
  }

  /** Whether this reads or writes memory. */
  public boolean isLoad() {
    return kind == Kind.OP && op.format() == Format.LOAD;
  }

  public boolean isStore() {
    return kind == Kind.OP && op.format() == Format.S;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case OP -> op.mnemonic() + " rd=" + Reg.name(rd) + " rs1=" + Reg.name(rs1) + " rs2=" + Reg.name(rs2) + " imm=" + imm;
      case LI -> "li " + Reg.name(rd) + "," + imm;
      case LA -> "la " + Reg.name(rd) + "," + target;
      case BRANCH -> op.mnemonic() + " " + Reg.name(rs1) + "," + Reg.name(rs2) + "," + target;
      case JUMP -> "j " + target;
      case CALL -> "call " + target;
      case RET -> "ret";
      case EXIT -> "ecall";
      case FRAME -> "frame " + imm;
      case TABLE -> "table " + Reg.name(rs1) + "," + table;
    };
  }
}
