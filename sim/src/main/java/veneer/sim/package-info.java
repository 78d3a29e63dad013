/**
 * One simulator API ({@link veneer.sim.Simulator}) with two back ends: the in-JVM simulator and
 * Verilator, chosen by {@link veneer.sim.Backend}.
 */
package veneer.sim;
