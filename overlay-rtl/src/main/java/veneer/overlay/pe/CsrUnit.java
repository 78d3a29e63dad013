package veneer.overlay.pe;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.IntFunction;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.isa.pe.PeCsr;

/**
 * The PE's CSRs ({@link PeCsr}), all read-only: thread id (0xFC0), PE id (0xFC1), thread count
 * (0xFC2), mhartid = (peId << 4) | thread id, cycle/cycleh (the PE's clock cycles since reset)
 * and instret/instreth (instructions retired by the reading thread since start), and the
 * dispatcher's work-item CSRs ({@link WorkItemCsr}), whose per-thread ids it stores. Reading any
 * other CSR, or writing any CSR (CSRRW/CSRRWI, or CSRRS/CSRRC/CSRRSI/CSRRCI with a non-zero rs1
 * field), is an illegal instruction.
 *
 * <p>Two stages: the CSR number is decoded in S1 into registers that are zero unless they hold
 * the value read (their flip-flops' reset pins do that, so no logic): the four counter words
 * (cycle and instret, low and high) and the two sizes, whose OR is {@link #value} in S2; and the
 * 2-bit kinds of three per-thread LUT RAMs whose address, the thread and the kind, picks the word
 * each gives in S2 ({@link #word0}, {@link #word1}, {@link #word2}): the thread's global, local or
 * group id, a constant (thread id, PE id, thread count, and mhartid as thread id OR PE id << 4),
 * -1 for "no work-item yet" (a word never written, set by the memory's initial contents), or a
 * word that is always zero, which is what every memory gives unless the instruction in S2 is a
 * CSR instruction. The CSR's value is the OR of the four outputs: the PE ORs the three words with
 * the multiplier's result in one LUT6 a bit (docs/pe-area-arith.md), so the unit itself has one
 * 6-input OR a bit, instead of a mux of eleven sources. Whether a thread holds a work-item of the
 * current launch comes from a 1-bit LUT RAM of launch parities and the PE's per-thread "fresh"
 * flag (retired nothing since the start). See docs/pe-area-csr.md.
 *
 * <pre>{@code
 * CsrUnit csr = instance("csr", new CsrUnit(config));
 * csr.csr.assign(dec.csr); csr.writes.assign(w1); csr.tid1.assign(s1Tid); csr.tid2.assign(tid2);
 * csr.instret.assign(instretOfS1Thread); csr.valid1.assign(s1Valid); csr.fresh1.assign(fresh1);
 * csr.isCsr1.assign(isCsrInstruction1);
 * csr.grant.assign(claim1.and(wiGrant));  // and the granted ids, the sizes, clear (start)
 * // csr.claims (S1); csr.illegal and the value, csr.value | csr.word0 | csr.word1 | csr.word2 (S2)
 * }</pre>
 */
public final class CsrUnit extends Module {
  /**
   * The word each of the three per-thread memories gives (its address is kind : thread); kind 0
   * is a word that is always zero. The codes are chosen so that each kind bit is a function of
   * few CSR bits (below).
   */
  // M0: -1 (no work-item), the global id, the thread id.
  static final int M0_NONE = 1;
  static final int M0_ITEM = 3;
  static final int M0_TID = 2;
  // M1: the PE id, the local id, the PE id << 4 (mhartid's upper part).
  static final int M1_PE = 1;
  static final int M1_ITEM = 3;
  static final int M1_HART = 2;
  // M2: the thread count, the group id.
  static final int M2_COUNT = 1;
  static final int M2_ITEM = 3;

  /** S1: the CSR number of the instruction in S1. */
  public final UInt csr = input("csr", UInt(12));
  /** S1: the instruction in S1 is a CSR instruction (else the three words are zero in S2). */
  public final Bool isCsr1 = input("is_csr1", Bool());
  /** S1: the instruction in S1 would write the CSR. */
  public final Bool writes = input("writes", Bool());
  /** S1: the thread of the instruction in S1. */
  public final UInt tid1;
  /** S2: the thread of the instruction in S2 (the one that was in S1 a cycle before). */
  public final UInt tid2;
  /** S1: instructions retired by the thread in S1 (it has none in S2 or S3, so it is final). */
  public final UInt instret = input("instret", UInt(64));
  /** Work-items in the launch and per work-group (constant during a launch). */
  public final UInt globalSize = input("global_size", UInt(32));
  public final UInt localSize = input("local_size", UInt(32));
  /** S1: the instruction in S1 claimed a work-item and the dispatcher granted it: store its ids. */
  public final Bool grant = input("grant", Bool());
  public final UInt grantGlobalId = input("grant_global_id", UInt(32));
  public final UInt grantLocalId = input("grant_local_id", UInt(32));
  public final UInt grantGroupId = input("grant_group_id", UInt(32));
  /** A launch starts: no thread holds a work-item. */
  public final Bool clear = input("clear", Bool());
  /** S1: an instruction is in S1. */
  public final Bool valid1 = input("valid1", Bool());
  /**
   * S1: the thread in S1 has retired no instruction since the start (set by a start, cleared by
   * the thread's first retire, which comes after that instruction's S1).
   */
  public final Bool fresh1 = input("fresh1", Bool());
  /** S1: the instruction in S1 is a legal read of WORK_NEXT (it claims a work-item if it executes). */
  public final Bool claims = output("claims", Bool());
  /**
   * S2: the counters' and the sizes' part of the CSR's value for the instruction in S2; the value
   * (meaningful when it is a legal CSR read) is {@code value | word0 | word1 | word2}.
   */
  public final UInt value = output("value", UInt(32));
  /** S2: the global-id memory's word (global id, -1, thread id), 0 unless S2 has a CSR instruction. */
  public final UInt word0 = output("word0", UInt(32));
  /** S2: the local-id memory's word (local id, PE id, PE id << 4), 0 unless S2 has a CSR instruction. */
  public final UInt word1 = output("word1", UInt(32));
  /** S2: the group-id memory's word (group id, thread count), 0 unless S2 has a CSR instruction. */
  public final UInt word2 = output("word2", UInt(32));
  /** S2: the instruction in S2, if a CSR instruction, is illegal. */
  public final Bool illegal = output("illegal", Bool());

  public CsrUnit(PeConfig config) {
    int tb = config.tidBits();
    tid1 = input("tid1", UInt(tb));
    tid2 = input("tid2", UInt(tb));
    UInt c = csr;
    // --- S1: decode. Unknown CSRs fault, so their value does not matter: the selects below look
    // only at the bits that tell the known CSRs apart. C00/C80/C02/C82 have bit 8 clear, F14 and
    // FC0..FC8 set; F14 has bit 7 clear; FCx is told by its low four bits.
    Bool f = c.bit(8);
    UInt x = c.bits(3, 0);
    Bool holds1 = wire("holds1", Bool());
    // Each kind bit with the fewest CSR bits that tell it among the known CSRs (checked by
    // CsrUnitTest for every known CSR): M0 gives the thread id for F14 and FC0, the global id
    // for FC3 and for FC4 once the thread holds a work-item, -1 for FC4..FC6 before that; M1 the
    // PE id for FC1, the local id for FC5, PE id << 4 for F14; M2 the count for FC2, the group id
    // for FC6. Everything else reads their zero words.
    UInt x3 = x.bits(2, 0);
    Bool m0Hi = f.and(c.bit(7).not().or(x.eq(0)).or(x.eq(3)).or(x.eq(4).and(holds1)));
    Bool m0Lo = c.bit(7).and(x3.eq(3).or(x3.eq(4)).or(x3.eq(5).or(x3.eq(6)).and(holds1.not())));
    Bool m1Hi = x.bit(2).and(x.bit(1).not()).and(c.bit(7).eq(x.bit(0)));
    Bool m1Lo = x.bit(0).and(x.bit(1).not());
    Bool m2Hi = x3.eq(6);
    Bool m2Lo = f.and(x.bit(1)).and(x.bit(0).not());
    UInt k0 = m0Hi.asUInt().cat(m0Lo.asUInt());
    UInt k1 = m1Hi.asUInt().cat(m1Lo.asUInt());
    UInt k2 = m2Hi.asUInt().cat(m2Lo.asUInt());
    Bool known = c.bits(11, 8).eq(0xC).and(c.bits(6, 2).eq(0)).and(c.bit(0).not())
        .or(c.eq(PeCsr.MHARTID))
        .or(c.bits(11, 4).eq(0xFC).and(c.bit(3).not().or(c.bits(2, 0).eq(0))));
    claims.assign(c.eq(WorkItemCsr.WORK_NEXT).and(writes.not()));

    // The cycle counter starts at 1: it is read in S1 for the instruction's S2 cycle.
    UInt cycles = reg("cycle_count", UInt(64), 1);
    cycles.assign(cycles.add(1));
    // Zero unless selected: each is a flip-flop whose synchronous reset is the "not selected".
    // The four counter words as four such registers rather than one register of a 4:1 mux: their
    // OR costs the same LUT6 a bit as the other sources' (see value), the mux a LUT6 a bit more.
    // (Each select is written as one compare of a bit vector: Yosys turns a chain of ANDs in
    // front of such a register into an AND gate a bit, a compare into one shared reset signal.)
    UInt counterBits = c.bit(8).cat(c.bit(7), c.bit(1));
    UInt cycleLow2 = zeroUnless("cycle_low2", counterBits.eq(0b000), cycles.bits(31, 0));
    UInt cycleHigh2 = zeroUnless("cycle_high2", counterBits.eq(0b010), cycles.bits(63, 32));
    UInt instretLow2 = zeroUnless("instret_low2", counterBits.eq(0b001), instret.bits(31, 0));
    UInt instretHigh2 = zeroUnless("instret_high2", counterBits.eq(0b011), instret.bits(63, 32));
    // FC7 is the only known CSR with low bits 111 and FC8 the only one with bit 3 set. (A select
    // of one bit would be an inverted reset, which Yosys gives an inverter per flip-flop: f & x3.)
    UInt globalSize2 = zeroUnless("global_size2", x.bits(2, 0).eq(7), globalSize);
    UInt localSize2 = zeroUnless("local_size2", c.bit(8).cat(x.bit(3)).eq(0b11), localSize);
    // Kind 0 (a zero word) unless a CSR instruction: the PE ORs the words with other units' results.
    UInt k0r = zeroUnless("m0_kind2", isCsr1, k0);
    UInt k1r = zeroUnless("m1_kind2", isCsr1, k1);
    UInt k2r = zeroUnless("m2_kind2", isCsr1, k2);
    illegal.assign(regNext("illegal2", known.not().or(writes)));

    // --- the work-items the threads hold: one word per (kind, thread) in each memory.
    Mem<Bits> m0 = itemMemory("work_global", config, M0_NONE, t -> BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE),
        M0_TID, t -> BigInteger.valueOf(t));
    Mem<Bits> m1 = itemMemory("work_local", config, M1_PE, t -> BigInteger.valueOf(config.peId()),
        M1_HART, t -> BigInteger.valueOf((long) config.peId() << 4));
    Mem<Bits> m2 = itemMemory("work_group", config, M2_COUNT, t -> BigInteger.valueOf(config.threads()),
        -1, t -> BigInteger.ZERO);
    // Whether the thread in S1 holds a work-item of this launch, without a flag per thread that a
    // start would clear: a start flips `launch`, a grant stores the thread's `launch` bit, and the
    // thread's first instructions in the launch (fresh: it has retired nothing since the start)
    // store the other value, so that a bit left from an earlier launch never matches. A fresh
    // thread holds nothing (its grant retires, ending fresh, before its next instruction).
    Bool launch = reg("launch_parity", Bool());
    when(clear, () -> launch.assign(launch.not()));
    // Two bits wide, of which bit 0 is used: in the flattened PE the read address (tid1) is a
    // plain register (s1_tid), which Yosys merges into the read port, and its memory mapping
    // then prices 8 one-bit words as cheaper in flip-flops than in a RAM32M; the flip-flops
    // need a write decoder and an 8:1 read mux (about 25 LUTs). At 16 bits it takes the RAM32M,
    // as it does for the unit on its own. (Veneer has no ram_style attribute to say so.)
    Mem<Bits> claimedIn = mem("claimed_in", Bits(2), 1 << tb);
    Bool claimedBit = claimedIn.read(tid1).asUInt().bit(0);
    holds1.assign(fresh1.not().and(claimedBit.eq(launch)));
    when(grant.or(valid1.and(fresh1)), () ->
        claimedIn.write(tid1, grant.eq(launch).asUInt().extend(2).asBits()));
    when(grant, () -> {
      m0.write(lit(M0_ITEM, UInt(2)).cat(tid1), grantGlobalId.asBits());
      m1.write(lit(M1_ITEM, UInt(2)).cat(tid1), grantLocalId.asBits());
      m2.write(lit(M2_ITEM, UInt(2)).cat(tid1), grantGroupId.asBits());
    });

    // --- S2: one OR of six words, and the three memories' words.
    value.assign(cycleLow2.or(cycleHigh2).or(instretLow2).or(instretHigh2).or(globalSize2).or(localSize2));
    word0.assign(m0.read(k0r.cat(tid2)).asUInt());
    word1.assign(m1.read(k1r.cat(tid2)).asUInt());
    word2.assign(m2.read(k2r.cat(tid2)).asUInt());
  }

  /** A register of {@code v} where {@code keep} holds in S1, else 0 (its flip-flops' reset: no LUT). */
  private UInt zeroUnless(String name, Bool keep, UInt v) {
    return regNext(name, keep.mux(v, lit(0, UInt(v.width()))));
  }

  /**
   * A memory of 4 x 2^tidBits words: word (kind << tidBits) + t for thread t. Kind 0 (zero) and
   * the constant kinds are never written (their initial contents); ITEM words are written by
   * grants.
   */
  private Mem<Bits> itemMemory(String name, PeConfig config, int kindA,
      IntFunction<BigInteger> valueA, int kindB, IntFunction<BigInteger> valueB) {
    int tb = config.tidBits();
    int n = 1 << tb;
    Mem<Bits> m = mem(name, Bits(32), 4 * n);
    BigInteger[] init = new BigInteger[4 * n];
    Arrays.fill(init, BigInteger.ZERO);
    for (int t = 0; t < n; t++) {
      init[(kindA << tb) + t] = valueA.apply(t);
      if (kindB >= 0) {
        init[(kindB << tb) + t] = valueB.apply(t);
      }
    }
    m.init(init);
    return m;
  }
}
