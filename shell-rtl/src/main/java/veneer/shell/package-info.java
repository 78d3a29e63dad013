/**
 * The Shell (PCIe endpoint with two physical functions, DMA, DRAM, MSI-X, partial reconfiguration) and the Role boundary.
 */
package veneer.shell;
