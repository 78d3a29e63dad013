/**
 * The host runtime: devices, management and user functions, buffers, kernels and signed images.
 */
package veneer.runtime;
