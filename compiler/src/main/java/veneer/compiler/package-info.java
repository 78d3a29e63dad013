/**
 * The kernel compiler: Java bytecode to RV32IM, and the RV32IM assembler.
 */
package veneer.compiler;
