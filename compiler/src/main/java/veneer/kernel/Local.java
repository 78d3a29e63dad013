package veneer.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an array parameter of a kernel as work-group scratchpad memory: every work-group sees its
 * own zero-filled array of the length of the array the host passed, shared by the work-items of
 * that group (synchronise with {@link WorkItem#barrier()}).
 *
 * <pre>{@code
 * @Kernel
 * static void sum(int[] in, int[] out, @Local int[] scratch) { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Local {
}
