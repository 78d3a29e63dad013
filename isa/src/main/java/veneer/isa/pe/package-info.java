/**
 * The PE (processing element) programming model: {@link veneer.isa.pe.PeMemoryMap} and
 * {@link veneer.isa.pe.PeCsr} (constants shared with the RTL), and {@link veneer.isa.pe.PeModel},
 * the golden reference instruction-set simulator of a multithreaded RV32IM PE.
 */
package veneer.isa.pe;
