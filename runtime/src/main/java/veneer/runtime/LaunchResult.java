package veneer.runtime;

import veneer.kernel.WorkRange;

/**
 * A launch that completed without a failure: its kernel, range and {@link Profile}. (A launch
 * that failed throws instead: {@link KernelException}, {@link ThreadFaultException},
 * {@link LaunchTimeoutException}.)
 *
 * <pre>{@code
 * LaunchResult r = add.launch(WorkRange.of(n), a, b, c);
 * System.out.println(r.kernel() + ": " + r.profile().cycles() + " cycles");
 * }</pre>
 */
public record LaunchResult(String kernel, WorkRange range, Profile profile) {}
