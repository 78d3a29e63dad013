package veneer.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code static void} method as a kernel: one call of the method is one work-item.
 *
 * <pre>{@code
 * @Kernel
 * static void add(int[] a, int[] b, int[] c) {
 *     int i = WorkItem.globalId(0);
 *     if (i < c.length) c[i] = a[i] + b[i];
 * }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Kernel {
}
