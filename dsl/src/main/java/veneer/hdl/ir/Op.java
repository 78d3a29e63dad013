package veneer.hdl.ir;

import java.util.Locale;

/**
 * The combinational operators of the netlist. Operand widths are already made equal by the
 * front end, so every operator has one simple, width-exact meaning that both simulators and the
 * Verilog emitter implement the same way. Arithmetic wraps at the result width.
 */
public enum Op {
  /** a + b, operands and result of one width. */
  ADD,
  /** a - b. */
  SUB,
  /** a * b, low bits; signedness does not matter once operands are extended to the result width. */
  MUL,
  AND,
  OR,
  XOR,
  NOT,
  /** a << param, result width = a's width. */
  SHL,
  /** logical a >> param. */
  SHRU,
  /** arithmetic a >> param. */
  SHRS,
  /** a << b (b unsigned, any width); result width = a's width. */
  DSHL,
  /** logical a >> b. */
  DSHRU,
  /** arithmetic a >> b. */
  DSHRS,
  /** 1-bit comparisons; operands of one width. */
  EQ,
  NE,
  LTU,
  LTS,
  LEU,
  LES,
  /** sel ? a : b, with args (sel, a, b). */
  MUX,
  /** concatenation, first argument in the most significant bits. */
  CAT,
  /** bits [param + width - 1 : param] of a. */
  SLICE,
  /** zero extension to the result width. */
  ZEXT,
  /** sign extension to the result width. */
  SEXT,
  /** reductions to one bit. */
  ANDR,
  ORR,
  XORR;

  /** The Verilog-ish spelling used by the IR printer. */
  public String mnemonic() {
    return name().toLowerCase(Locale.ROOT);
  }
}
