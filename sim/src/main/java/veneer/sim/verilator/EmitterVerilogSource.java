package veneer.sim.verilator;

import veneer.hdl.ir.Design;
import veneer.hdl.verilog.VerilogEmitter;

/** The Verilog of {@link VerilogEmitter}, the same text {@code VerilogEmitter.writeTo} writes. */
final class EmitterVerilogSource implements VerilogSource {
  @Override
  public Files of(Design design) {
    return new Files(VerilogEmitter.topName(design), VerilogEmitter.emit(design));
  }
}
