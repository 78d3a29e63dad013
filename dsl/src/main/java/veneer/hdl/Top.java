package veneer.hdl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a module class as a top-level design: {@code ./veneer verilog --list} lists it and
 * {@code ./veneer verilog --top} builds it. Its public constructor takes no arguments or only
 * {@link Param}-annotated ones.
 *
 * <pre>{@code
 * @Top(description = "an 8-lane LFSR/ALU datapath")
 * public final class Lanes extends Module {
 *   public Lanes(@Param(name = "lanes", defaultValue = "8") int lanes) { ... }
 * }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Top {
  /** One line saying what the design is. */
  String description() default "";

  /**
   * {@code name=value} overrides used by the repository's lint and synthesis tests, which run
   * every design through Verilator, Icarus and Yosys: for example smaller memories, since
   * Yosys's generic synthesis turns every memory bit into a flip-flop.
   */
  String[] testParams() default {};
}
