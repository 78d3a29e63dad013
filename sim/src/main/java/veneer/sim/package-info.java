/**
 * One simulator API with two back ends: the in-JVM simulator and Verilator.
 */
package veneer.sim;
