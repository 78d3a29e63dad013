package veneer.shell.pr;

import veneer.shell.role.RoleVariant;

/**
 * One Role variant that a reconfigurable partition holds, with the variant id that images
 * carry for it (word 2 of the configuration-port framing).
 *
 * <pre>{@code
 * List<VariantSlot> slots = List.of(new VariantSlot(1, new VectorAddKernel(p)), new VariantSlot(2, new Other(p)));
 * }</pre>
 *
 * @param variantId unsigned 32-bit id
 * @param variant a fresh, not yet instantiated module
 */
public record VariantSlot(long variantId, RoleVariant variant) {
  public VariantSlot {
    if (variantId < 0 || variantId > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("a variant id is an unsigned 32-bit number, found " + variantId);
    }
    if (variant == null) {
      throw new IllegalArgumentException("variant " + variantId + " has no module");
    }
  }
}
