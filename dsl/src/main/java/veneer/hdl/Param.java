package veneer.hdl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A constructor parameter of a {@link Top} design, settable with {@code --param name=value}.
 * Supported types: int, long, boolean, String and enums.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {
  String name();

  String defaultValue();
}
