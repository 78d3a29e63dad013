package veneer.hdl.bus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * A bank of control and status registers behind an AXI4-Lite subordinate port {@code s}, built
 * from a list of {@link RegisterDecl}s. Each register becomes a port of this module named after
 * it: an output for read-write and pulse registers, an input for read-only ones.
 *
 * <p>Writes wait until both the address and the data have arrived, then answer on {@code b};
 * reads answer on {@code r} one cycle after the address. Unmapped addresses, and writes to
 * read-only registers, answer SLVERR and change nothing.
 *
 * <pre>{@code
 * AxiLiteRegisterFile regs = instance("regs", new AxiLiteRegisterFile("CtrlRegs", 12, 32, List.of(
 *     RegisterDecl.readWrite("ctrl", 0x0, 32, 0),
 *     RegisterDecl.readOnly("status", 0x4, 8),
 *     RegisterDecl.pulse("start", 0x8, 1))));
 * Bundle.connect(bar, regs.s);
 * regs.port("status").assign(status);
 * when(regs.port("start").bit(0), () -> ...);
 * }</pre>
 */
public final class AxiLiteRegisterFile extends Module {
  /** AXI response codes used here. */
  static final int OKAY = 0;
  static final int SLVERR = 2;

  /** The bus port. */
  public final AxiLite s;
  private final Map<String, UInt> ports = new LinkedHashMap<>();
  private final List<RegisterDecl> registers;

  /**
   * @param name the Verilog module name
   * @param addrWidth bits of byte address on {@code s}
   * @param dataWidth 32 or 64
   */
  public AxiLiteRegisterFile(String name, int addrWidth, int dataWidth, List<RegisterDecl> registers) {
    super(name);
    this.registers = List.copyOf(registers);
    int bytes = dataWidth / 8;
    int lsb = Integer.numberOfTrailingZeros(bytes);
    checkLayout(addrWidth, dataWidth, lsb);
    s = slave("s", () -> new AxiLite(addrWidth, dataWidth));

    // Write side: hold the address and the data until both are here, then answer once.
    Bool awFull = reg("aw_full", Bool(), 0);
    UInt awAddr = reg("aw_addr", UInt(addrWidth));
    Bool wFull = reg("w_full", Bool(), 0);
    Bits wData = reg("w_data", Bits(dataWidth));
    Bits wStrb = reg("w_strb", Bits(bytes));
    Bool bValid = reg("b_valid", Bool(), 0);
    Bits bResp = reg("b_resp", Bits(2), 0);
    s.aw.ready.assign(awFull.not());
    s.w.ready.assign(wFull.not());
    s.b.valid.assign(bValid);
    s.b.resp.assign(bResp);
    when(s.aw.fire(), () -> {
      awFull.assign(1);
      awAddr.assign(s.aw.addr);
    });
    when(s.w.fire(), () -> {
      wFull.assign(1);
      wData.assign(s.w.data);
      wStrb.assign(s.w.strb);
    });
    when(s.b.fire(), () -> bValid.assign(0));
    Bool doWrite = awFull.and(wFull).and(bValid.not());
    Bits byteMask = byteMask(wStrb);

    // Read side: one answer per address, registered.
    Bool rValid = reg("r_valid", Bool(), 0);
    Bits rData = reg("r_data", Bits(dataWidth));
    Bits rResp = reg("r_resp", Bits(2), 0);
    s.ar.ready.assign(rValid.not());
    s.r.valid.assign(rValid);
    s.r.data.assign(rData);
    s.r.resp.assign(rResp);
    when(s.r.fire(), () -> rValid.assign(0));

    Bool writeOk = lit(0, Bool());
    Bool readHit = lit(0, Bool());
    Bits readValue = lit(0, Bits(dataWidth));
    for (RegisterDecl r : this.registers) {
      long word = r.offset() >> lsb;
      Bool writeHit = awAddr.bits(addrWidth - 1, lsb).eq(word);
      Bool arHit = s.ar.addr.bits(addrWidth - 1, lsb).eq(word);
      readHit = readHit.or(arHit);
      UInt value;
      switch (r.access()) {
        case READ_WRITE -> {
          value = reg(r.name() + "_q", UInt(r.width()), r.resetValue());
          Bits merged = value.asBits().resize(dataWidth).and(byteMask.not()).or(wData.and(byteMask));
          UInt next = merged.asUInt().truncate(r.width());
          when(doWrite.and(writeHit), () -> value.assign(next));
          UInt port = output(r.name(), UInt(r.width()));
          port.assign(value);
          ports.put(r.name(), port);
          writeOk = writeOk.or(writeHit);
        }
        case READ_ONLY -> {
          value = input(r.name(), UInt(r.width()));
          ports.put(r.name(), value);
        }
        case WRITE_1_TO_PULSE -> {
          UInt pulse = reg(r.name() + "_q", UInt(r.width()), 0);
          UInt written = wData.and(byteMask).asUInt().truncate(r.width());
          pulse.assign(0);
          when(doWrite.and(writeHit), () -> pulse.assign(written));
          UInt port = output(r.name(), UInt(r.width()));
          port.assign(pulse);
          ports.put(r.name(), port);
          writeOk = writeOk.or(writeHit);
          value = lit(0, UInt(r.width()));
        }
        default -> throw new IllegalStateException(r.access().toString());
      }
      readValue = readValue.or(arHit.mux(value.asBits().resize(dataWidth), 0));
    }
    Bool writeAccepted = writeOk;
    when(doWrite, () -> {
      awFull.assign(0);
      wFull.assign(0);
      bValid.assign(1);
      bResp.assign(writeAccepted.mux(lit(OKAY, Bits(2)), SLVERR));
    });
    Bool readOk = readHit;
    Bits readData = readValue;
    when(s.ar.fire(), () -> {
      rValid.assign(1);
      rData.assign(readData);
      rResp.assign(readOk.mux(lit(OKAY, Bits(2)), SLVERR));
    });
  }

  /**
   * The port of register {@code name}: an output carrying a read-write register's value or a
   * pulse register's pulses, or the input that a read-only register shows on the bus.
   */
  public UInt port(String name) {
    UInt p = ports.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no register '" + name + "' in " + baseName()
          + "; registers are " + ports.keySet());
    }
    return p;
  }

  /** The registers, as declared. */
  public List<RegisterDecl> registers() {
    return registers;
  }

  /** One 8-bit field of ones per set strobe bit: {@code strb} spread over the data word. */
  private Bits byteMask(Bits strb) {
    List<Bits> bytes = new ArrayList<>();
    for (int i = strb.width() - 1; i >= 0; i--) {
      bytes.add(strb.bit(i).mux(lit(0xFF, Bits(8)), 0));
    }
    Bits top = bytes.get(0);
    return bytes.size() == 1 ? top : top.cat(bytes.subList(1, bytes.size()).toArray(new Bits[0])).asBits();
  }

  private void checkLayout(int addrWidth, int dataWidth, int lsb) {
    if (addrWidth <= lsb) {
      throw new IllegalArgumentException("register file " + baseName() + ": a " + addrWidth
          + "-bit address cannot select " + dataWidth + "-bit words; expected more than " + lsb + " bits");
    }
    Map<Long, String> used = new HashMap<>();
    long limit = 1L << Math.min(addrWidth, 62);
    for (RegisterDecl r : registers) {
      if (r.width() > dataWidth) {
        throw new IllegalArgumentException("register '" + r.name() + "' is " + r.width()
            + " bits, wider than the " + dataWidth + "-bit bus");
      }
      if (r.offset() % (dataWidth / 8) != 0) {
        throw new IllegalArgumentException("register '" + r.name() + "' at offset 0x"
            + Long.toHexString(r.offset()) + " is not aligned to " + dataWidth / 8 + " bytes");
      }
      if (r.offset() >= limit) {
        throw new IllegalArgumentException("register '" + r.name() + "' at offset 0x"
            + Long.toHexString(r.offset()) + " is outside the " + addrWidth + "-bit address space");
      }
      String other = used.put(r.offset(), r.name());
      if (other != null) {
        throw new IllegalArgumentException("registers '" + other + "' and '" + r.name()
            + "' share offset 0x" + Long.toHexString(r.offset()));
      }
    }
  }
}
