package veneer.sim.flat;

import veneer.hdl.ir.SourceLoc;

/**
 * An assertion of a flat netlist: {@code cond} must be high at every clock edge while
 * {@code resetNet} is low ({@code resetNet == -1}: the domain has no reset, always checked).
 *
 * @param instancePath the instance the assertion was written in ("" for the top)
 */
public record FlatAssertion(int cond, String message, int resetNet, SourceLoc loc, String instancePath) {}
