package veneer.hdl.ir;

/**
 * A clock and its synchronous, active-high reset, named by the ports that carry them. Registers
 * and memory ports name their domain by index, so several domains with explicit crossings can be
 * added without changing the IR.
 */
public record ClockDomain(String name, String clockPort, String resetPort) {}
