package veneer.sim.jvm;

import java.math.BigInteger;
import veneer.sim.flat.FlatMemory;
import veneer.sim.flat.FlatNetlist;
import veneer.sim.jvm.kernel.Kernel;
import veneer.sim.jvm.kernel.WideOps;

/** The fast engine: the netlist compiled by {@link KernelCompiler}, state in one {@code long[]}. */
final class CompiledModel implements Model {
  private final StateLayout layout;
  private final Kernel kernel;
  private final int[] memWords;
  private final int generatedClasses;

  private CompiledModel(StateLayout layout, KernelCompiler.Compiled compiled) {
    this.layout = layout;
    this.kernel = compiled.kernel();
    this.generatedClasses = compiled.classes();
    FlatNetlist flat = layout.flat;
    kernel.s = KernelCompiler.initialState(layout);
    kernel.m = new long[flat.memories().size()][];
    memWords = new int[flat.memories().size()];
    for (int i = 0; i < memWords.length; i++) {
      FlatMemory m = flat.memories().get(i);
      memWords[i] = StateLayout.words(m.width());
      kernel.m[i] = new long[m.depth() * memWords[i]];
      if (m.init() != null) {
        for (int a = 0; a < m.depth(); a++) {
          KernelCompiler.storeBig(kernel.m[i], a * memWords[i], m.width(), m.init()[a]);
        }
      }
    }
  }

  static CompiledModel compile(FlatNetlist flat) {
    StateLayout layout = new StateLayout(flat);
    return new CompiledModel(layout, KernelCompiler.compile(layout));
  }

  /** Classes generated for the design: the kernel, its part classes and any caller classes. */
  int generatedClasses() {
    return generatedClasses;
  }

  @Override
  public void settle() {
    kernel.eval();
  }

  @Override
  public void tick() {
    kernel.tick();
  }

  @Override
  public long narrow(int net) {
    return kernel.s[layout.offset[net]];
  }

  @Override
  public BigInteger value(int net) {
    return WideOps.load(kernel.s, layout.offset[net], layout.width(net));
  }

  @Override
  public void setInput(int net, BigInteger value) {
    KernelCompiler.storeBig(kernel.s, layout.offset[net], layout.width(net), value);
  }

  @Override
  public void setInput(int net, long value) {
    kernel.s[layout.offset[net]] = value;
  }

  @Override
  public BigInteger readWord(int memory, int addr) {
    long[] words = new long[memWords[memory]];
    System.arraycopy(kernel.m[memory], addr * words.length, words, 0, words.length);
    return WideOps.load(words, 0, layout.flat.memories().get(memory).width());
  }

  @Override
  public void writeWord(int memory, int addr, BigInteger value) {
    KernelCompiler.storeBig(kernel.m[memory], addr * memWords[memory],
        layout.flat.memories().get(memory).width(), value);
  }
}
