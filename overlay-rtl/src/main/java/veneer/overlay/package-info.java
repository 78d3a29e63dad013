/**
 * The overlay: multithreaded RV32IM processing elements and the PE array, written in the Veneer HDL.
 */
package veneer.overlay;
