package veneer.shell.role;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.AxiLite;
import veneer.hdl.bus.AxiLiteRegisterFile;
import veneer.hdl.bus.RegisterDecl;

/**
 * The standard control block of an RTL kernel behind the Role's AXI4-Lite port: start, status,
 * a done interrupt with enable and status, a kernel id, the cycle count of the last run and
 * 32-bit arguments. Built on {@link AxiLiteRegisterFile}; the offsets are the constants below.
 *
 * <pre>{@code
 * KernelControl ctl = instance("ctl", new KernelControl(role.ctrl.addrWidth, 7, 0x5641_4444L));
 * Bundle.connect(role.ctrl, ctl.s);
 * when(ctl.start, () -> ...);       // one-cycle pulse, only while idle
 * ctl.busy.assign(running);
 * ctl.done.assign(finishedNow);     // one-cycle pulse: sets STATUS.done and the interrupt
 * role.irq.assign(ctl.irq.asBits());
 * }</pre>
 */
public final class KernelControl extends Module {
  /** Write 1 to bit 0 to start (ignored while busy). */
  public static final int CONTROL = 0x00;
  /** Bit 0 busy, bit 1 done (since the last start), bit 2 error (since the last start). */
  public static final int STATUS = 0x04;
  /** Bit 0 enables the done interrupt. */
  public static final int IRQ_ENABLE = 0x08;
  /** Bit 0: a run finished and the interrupt was not yet cleared. */
  public static final int IRQ_STATUS = 0x0C;
  /** Write 1 to bit 0 to clear IRQ_STATUS. */
  public static final int IRQ_CLEAR = 0x10;
  /** The kernel's constant identifier. */
  public static final int KERNEL_ID = 0x14;
  /** Cycles from start to done of the last run. */
  public static final int CYCLES = 0x18;
  /** Argument {@code i} is at {@code ARGS + 4 * i}. */
  public static final int ARGS = 0x20;

  /** The control port (the kernel connects the Role's {@code ctrl} to it). */
  public final AxiLite s;
  /** Start pulse: one cycle, only when not busy. */
  public final Bool start;
  /** Driven by the kernel: running. */
  public final Bool busy;
  /** Driven by the kernel: one-cycle pulse when a run ends. */
  public final Bool done;
  /** Driven by the kernel: one-cycle pulse (with or before done) when a run failed. */
  public final Bool error;
  /** The done interrupt: pending and enabled. */
  public final Bool irq;
  private final List<UInt> args = new ArrayList<>();

  /**
   * @param addrWidth address bits of the control port
   * @param argCount number of 32-bit argument registers
   * @param kernelId the value KERNEL_ID reads
   */
  public KernelControl(int addrWidth, int argCount, long kernelId) {
    super("KernelControl_" + argCount);
    if (argCount < 0 || ARGS + 4L * argCount > (1L << addrWidth)) {
      throw new IllegalArgumentException("a kernel control block with " + argCount + " arguments does not fit a "
          + addrWidth + "-bit control space (expected 0 to " + (((1L << addrWidth) - ARGS) / 4) + ")");
    }
    if (kernelId < 0 || kernelId > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("a kernel id is a 32-bit unsigned number, found " + kernelId);
    }
    s = slave("s", () -> new AxiLite(addrWidth, RoleParams.CTRL_DATA_WIDTH));
    start = output("start", Bool());
    busy = input("busy", Bool());
    done = input("done", Bool());
    error = input("error", Bool());
    irq = output("irq", Bool());

    List<RegisterDecl> decls = new ArrayList<>(List.of(
        RegisterDecl.pulse("control", CONTROL, 1),
        RegisterDecl.readOnly("status", STATUS, 3),
        RegisterDecl.readWrite("irq_enable", IRQ_ENABLE, 1, 0),
        RegisterDecl.readOnly("irq_status", IRQ_STATUS, 1),
        RegisterDecl.pulse("irq_clear", IRQ_CLEAR, 1),
        RegisterDecl.readOnly("kernel_id", KERNEL_ID, 32),
        RegisterDecl.readOnly("cycles", CYCLES, 32)));
    for (int i = 0; i < argCount; i++) {
      decls.add(RegisterDecl.readWrite("arg" + i, ARGS + 4L * i, 32, 0));
    }
    AxiLiteRegisterFile regs = instance("regs", new AxiLiteRegisterFile("KernelRegs_" + argCount, addrWidth,
        RoleParams.CTRL_DATA_WIDTH, decls));
    Bundle.connect(s, regs.s);

    Bool startNow = regs.port("control").bit(0).and(busy.not());
    start.assign(startNow);
    Bool doneFlag = reg("done_flag", Bool(), 0);
    Bool errorFlag = reg("error_flag", Bool(), 0);
    Bool pending = reg("pending", Bool(), 0);
    UInt cycles = reg("cycle_count", UInt(32), 0);
    when(startNow, () -> {
      doneFlag.assign(0);
      errorFlag.assign(0);
      cycles.assign(0);
    }).elsewhen(busy, () -> cycles.assign(cycles.add(1)));
    when(error, () -> errorFlag.assign(1));
    when(done, () -> doneFlag.assign(1));
    // A run that ends in the same cycle as a clear still raises the interrupt.
    when(regs.port("irq_clear").bit(0), () -> pending.assign(0));
    when(done, () -> pending.assign(1));

    regs.port("status").assign(errorFlag.cat(doneFlag, busy));
    regs.port("irq_status").assign(pending.asUInt());
    regs.port("kernel_id").assign(lit(kernelId, UInt(32)));
    regs.port("cycles").assign(cycles);
    irq.assign(pending.and(regs.port("irq_enable").bit(0)));
    for (int i = 0; i < argCount; i++) {
      UInt a = output("arg" + i, UInt(32));
      a.assign(regs.port("arg" + i));
      args.add(a);
    }
  }

  /** Argument register {@code i}. */
  public UInt arg(int i) {
    if (i < 0 || i >= args.size()) {
      throw new IllegalArgumentException("this kernel has arguments 0 to " + (args.size() - 1) + ", found " + i);
    }
    return args.get(i);
  }
}
