/**
 * The kernel language seen by users: {@link veneer.kernel.Kernel}, {@link veneer.kernel.Local},
 * the {@link veneer.kernel.WorkItem} built-ins, and {@link veneer.kernel.JvmKernelRunner} that runs
 * a kernel as plain Java to give the reference result.
 */
package veneer.kernel;
