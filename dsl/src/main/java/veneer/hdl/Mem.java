package veneer.hdl;

import java.math.BigInteger;
import veneer.hdl.ModuleBuilder.NetKind;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.Memory;
import veneer.hdl.ir.Op;
import veneer.hdl.ir.SourceLoc;

/**
 * A memory declared with {@link Module#mem}. Reads are asynchronous ({@link #read}) or
 * registered ({@link #readSync}); writes happen at the clock edge, under the enclosing
 * {@code when} conditions, optionally with a byte (or other granule) mask. See
 * {@link veneer.hdl.ir.Memory} for read-during-write behaviour.
 *
 * <pre>{@code
 * Mem<Bits> ram = mem("ram", Bits(32), 1024);
 * when(we, () -> ram.write(addr, wdata, strobe));   // strobe: Bits(4), one bit per byte
 * Bits q = ram.readSync(addr);
 * }</pre>
 *
 * @param <T> the kind of word
 */
public final class Mem<T extends Data<T>> {
  private final Module module;
  private final int index;
  private final HdlType<T> type;

  Mem(Module module, int index, HdlType<T> type) {
    this.module = module;
    this.index = index;
    this.type = type;
  }

  private ModuleBuilder.MemB m() {
    return module.builder().mems.get(index);
  }

  /** Words in the memory. */
  public int depth() {
    return m().depth;
  }

  /** Bits of address: exactly this many bits address the memory. */
  public int addrWidth() {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(m().depth - 1));
  }

  /**
   * Declares that no two write ports of this memory write the same address in one cycle. The
   * module then holds an assertion that checks it in simulation (a collision stops it), and the
   * Verilog writes each port in its own {@code always} block, so that synthesis builds no logic
   * to decide which port wins a collision (Yosys gives ports in one block a priority: an address
   * comparator and enable gating, about a dozen LUTs for a 4096-word block RAM). Call it on a
   * memory with two or more write ports, before or after declaring them.
   */
  public Mem<T> exclusiveWrites() {
    SourceLoc at = SourceLocator.here();
    module.checkOpen(at);
    m().exclusiveWrites = true;
    return this;
  }

  /** Initial contents, word 0 first; missing words are zero. */
  public Mem<T> init(long... words) {
    BigInteger[] w = new BigInteger[words.length];
    for (int i = 0; i < words.length; i++) {
      w[i] = BigInteger.valueOf(words[i]);
    }
    return init(w);
  }

  /** Initial contents as unsigned values below {@code 2^width}; negative longs are read as two's complement. */
  public Mem<T> init(BigInteger... words) {
    SourceLoc at = SourceLocator.here();
    module.checkOpen(at);
    ModuleBuilder.MemB mb = m();
    if (words.length > mb.depth) {
      throw new HdlException(at, "memory '" + mb.name + "' has " + mb.depth + " words but "
          + words.length + " initial values were given");
    }
    BigInteger mod = BigInteger.ONE.shiftLeft(mb.width);
    BigInteger[] init = new BigInteger[mb.depth];
    for (int i = 0; i < mb.depth; i++) {
      BigInteger v = i < words.length ? words[i] : BigInteger.ZERO;
      if (v.bitLength() > mb.width && v.signum() >= 0 || v.signum() < 0 && v.bitLength() >= mb.width) {
        throw new HdlException(at, "initial value " + v + " of word " + i + " does not fit "
            + mb.width + " bits of memory '" + mb.name + "'");
      }
      init[i] = v.mod(mod);
    }
    mb.init = init;
    return this;
  }

  /** The word at {@code addr}, combinationally (contents before this cycle's writes). */
  public T read(UInt addr) {
    return addRead(addr, null, false, SourceLocator.here());
  }

  /** The word at {@code addr}, registered: visible in the next cycle. */
  public T readSync(UInt addr) {
    return addRead(addr, null, true, SourceLocator.here());
  }

  /** Like {@link #readSync(UInt)}, reading only in cycles where {@code enable} is high. */
  public T readSync(UInt addr, Bool enable) {
    return addRead(addr, enable, true, SourceLocator.here());
  }

  private T addRead(UInt addr, Bool enable, boolean sync, SourceLoc at) {
    module.checkOpen(at);
    ModuleBuilder b = module.builder();
    int a = checkedAddr(addr, at);
    int en = -1;
    if (sync) {
      int path = b.pathCondition(at);
      int explicit = enable == null ? -1 : enable.netIn(Module.contextOf(at, enable), at);
      en = path < 0 ? explicit : explicit < 0 ? path : b.op(Op.AND, 1, at, 0, path, explicit);
    }
    ModuleBuilder.MemB mb = m();
    int port = mb.reads.size();
    int data = b.add(mb.width, null, at, NetKind.MEM_READ, new Driver.MemRead(index, port));
    mb.reads.add(new Memory.ReadPort(a, en, sync, data, 0, at));
    return type.wrap(module, data);
  }

  /** Writes a whole word at the clock edge, when the enclosing conditions hold. */
  public void write(UInt addr, T data) {
    addWrite(addr, data, null, SourceLocator.here());
  }

  /**
   * Writes the granules of {@code data} whose bit in {@code mask} is set; the granule is
   * {@code width / mask.width()} bits (8 for a byte mask on a 32-bit word).
   */
  public void write(UInt addr, T data, Bits mask) {
    addWrite(addr, data, mask, SourceLocator.here());
  }

  private void addWrite(UInt addr, T data, Bits mask, SourceLoc at) {
    module.checkOpen(at);
    ModuleBuilder b = module.builder();
    ModuleBuilder.MemB mb = m();
    int a = checkedAddr(addr, at);
    if (data.width() != mb.width) {
      throw new HdlException(at, "width mismatch: memory '" + mb.name + "' has " + mb.width
          + "-bit words but the data is " + data.type());
    }
    int d = data.netIn(Module.contextOf(at, data), at);
    int maskNet = -1;
    int granule = mb.width;
    if (mask != null) {
      if (mask.width() < 1 || mb.width % mask.width() != 0) {
        throw new HdlException(at, "a write mask of " + mask.width() + " bits does not divide the "
            + mb.width + "-bit words of memory '" + mb.name + "' into equal granules");
      }
      granule = mb.width / mask.width();
      maskNet = mask.netIn(Module.contextOf(at, mask), at);
    }
    int en = b.pathCondition(at);
    if (en < 0) {
      en = b.constant(1, BigInteger.ONE, at);
    }
    mb.writes.add(new Memory.WritePort(a, d, en, maskNet, granule, 0, at));
  }

  private int checkedAddr(UInt addr, SourceLoc at) {
    Module ctx = Module.contextOf(at, addr);
    if (ctx != module) {
      throw new HdlException(at, "memory '" + m().name + "' belongs to " + module.baseName()
          + "; its address comes from " + ctx.baseName());
    }
    if (addr.width() != addrWidth()) {
      throw new HdlException(at, "width mismatch: memory '" + m().name + "' of " + m().depth
          + " words takes a " + addrWidth() + "-bit address, found " + addr.type());
    }
    return addr.netIn(module, at);
  }
}
