package veneer.sim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs once per simulator back end named in the system property
 * {@code veneer.backends} (comma separated, default {@code "jvm,verilator"}), with the
 * {@link veneer.sim.Backend} injected as a parameter. Each run's display name ends in the back
 * end, for example {@code counts [jvm]}.
 *
 * <pre>{@code
 * @BackendTest
 * void counts(Backend backend) {
 *   try (Simulator sim = Simulators.open(new Counter(8), backend)) {
 *     sim.reset(1);
 *     sim.poke("enable", 1);
 *     sim.step(3);
 *     assertEquals(3, sim.peek("count"));
 *   }
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(BackendInvocations.class)
public @interface BackendTest {}
