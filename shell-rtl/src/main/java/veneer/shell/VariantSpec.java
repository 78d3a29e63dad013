package veneer.shell;

import java.util.function.Function;
import veneer.shell.role.RoleParams;
import veneer.shell.role.RoleVariant;

/**
 * One Role variant the Shell's partition can be loaded with: the variant id that images carry
 * (word 2 of the configuration-port framing) and how to build a fresh instance for the Shell's
 * Role boundary. A factory rather than a module, because every elaboration of the Shell needs
 * its own, not yet instantiated, module.
 *
 * <pre>{@code
 * VariantSpec vadd = new VariantSpec(1, VectorAddKernel::new);
 * }</pre>
 *
 * @param variantId unsigned 32-bit id, unique within one Shell
 * @param factory builds the variant for the Shell's {@link RoleParams}
 */
public record VariantSpec(long variantId, Function<RoleParams, RoleVariant> factory) {
  public VariantSpec {
    if (variantId < 0 || variantId > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("a variant id is an unsigned 32-bit number, found " + variantId);
    }
    if (factory == null) {
      throw new IllegalArgumentException("variant " + variantId + " has no factory");
    }
  }
}
