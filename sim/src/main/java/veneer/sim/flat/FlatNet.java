package veneer.sim.flat;

import veneer.hdl.ir.SourceLoc;

/**
 * One net of a flat netlist.
 *
 * @param name the hierarchical name ({@code "core.alu.sum"}), or null for an unnamed expression
 */
public record FlatNet(int id, int width, String name, SourceLoc loc, FlatDriver driver) {
  public boolean named() {
    return name != null;
  }
}
