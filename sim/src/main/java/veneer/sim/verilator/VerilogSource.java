package veneer.sim.verilator;

import java.util.Map;
import veneer.hdl.ir.Design;

/**
 * Where a design's Verilog comes from: the emitter in normal use, hand-written text in tests of
 * the back end itself. The top module's ports must be the IR top's ports (same names and widths),
 * and every memory must be an array {@code [0:depth-1]} named like the IR memory, inside instances
 * named like the IR instances, marked {@code /*verilator public_flat_rw*}{@code /}.
 */
interface VerilogSource {
  /** The Verilog files (file name -> text) and the name of the top module among them. */
  record Files(String topModule, Map<String, String> files) {}

  Files of(Design design);
}
