/**
 * Veneer's embedded hardware description language: types, modules, registers, memories, bundles.
 */
package veneer.hdl;
