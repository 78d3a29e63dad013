/**
 * Runnable kernels and host programs; every example is also a test.
 */
package veneer.examples;
