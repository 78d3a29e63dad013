package veneer.hdl.ir;

/**
 * A condition that must hold at every rising edge of its domain's clock while the domain is
 * out of reset. A violation stops the simulation (Verilog: {@code $fatal}) with the message
 * and the Java line; both simulators report it as an exception naming the cycle.
 */
public record Assertion(int cond, String message, int domain, SourceLoc loc) {}
