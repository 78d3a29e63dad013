package veneer.shell.role;

import veneer.sim.bus.AxiLiteMaster;

/** Writes the vector-add kernel's arguments through its control port. */
final class KernelDriver {
  private final AxiLiteMaster bar;

  KernelDriver(AxiLiteMaster bar) {
    this.bar = bar;
  }

  void vectorAdd(long a, long b, long c, int n) {
    arg64(VectorAddKernel.ARG_A, a);
    arg64(VectorAddKernel.ARG_B, b);
    arg64(VectorAddKernel.ARG_C, c);
    bar.write(KernelControl.ARGS + 4 * VectorAddKernel.ARG_N, n);
  }

  private void arg64(int arg, long value) {
    bar.write(KernelControl.ARGS + 4 * arg, value & 0xFFFF_FFFFL);
    bar.write(KernelControl.ARGS + 4 * (arg + 1), value >>> 32);
  }
}
