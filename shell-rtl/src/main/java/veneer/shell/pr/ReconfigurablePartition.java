package veneer.shell.pr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Data;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.shell.role.RoleBoundary;
import veneer.shell.role.RoleParams;
import veneer.shell.role.RoleVariant;

/**
 * The reconfigurable partition as simulated: every Role variant instantiated ({@code v0},
 * {@code v1} ...), one of them selected, and a {@link Decoupler} between the selected one and the
 * Shell-side boundary {@code role}. Only the selected variant is connected: its outputs go to the
 * decoupler, it receives the decoupler's Role-side signals; every other variant is held in reset,
 * gets 0 on every input, and its outputs are ignored. The selected variant is also reset while
 * {@code variant_reset} is high. With no selection the partition stays decoupled.
 *
 * <pre>{@code
 * ReconfigurablePartition rp = instance("rp", new ReconfigurablePartition(p, slots, 8));
 * rp.select.assign(index); rp.selectValid.assign(loaded); rp.decouple.assign(loading);
 * }</pre>
 */
public final class ReconfigurablePartition extends Module {
  /** The partition as the Shell sees it. */
  public final RoleBoundary role;
  public final Bool decouple = input("decouple", Bool());
  /** Index (into the slot list) of the selected variant. */
  public final UInt select;
  /** A variant is selected. */
  public final Bool selectValid = input("select_valid", Bool());
  /** Resets the selected variant while high. */
  public final Bool variantReset = input("variant_reset", Bool());
  /** The decoupler's state: cut off, and cut off with nothing outstanding. */
  public final Bool cut = output("cut", Bool());
  public final Bool isolated = output("isolated", Bool());

  /**
   * @param p the boundary every variant must have
   * @param slots the variants, in index order
   * @param maxBursts outstanding bursts per DRAM port allowed by the decoupler
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public ReconfigurablePartition(RoleParams p, List<VariantSlot> slots, int maxBursts) {
    super("ReconfigurablePartition");
    checkSlots(p, slots);
    role = master("role", () -> new RoleBoundary(p));
    select = input("select", UInt(indexWidth(slots.size())));
    Decoupler decoupler = instance("decoupler", new Decoupler(p, maxBursts));
    Bundle.connect(decoupler.shell, role);
    decoupler.decouple.assign(decouple.or(selectValid.not()));
    cut.assign(decoupler.cutOff);
    isolated.assign(decoupler.isolated);

    List<Bool> chosen = new ArrayList<>();
    List<List<BoundaryLeaves.Leaf>> variantLeaves = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      Bool mine = selectValid.and(select.eq(i));
      chosen.add(mine);
      Bool held = mine.not().or(variantReset);
      RoleVariant v = instance("v" + i, slots.get(i).variant(), held);
      variantLeaves.add(BoundaryLeaves.of(v.role));
    }
    List<BoundaryLeaves.Leaf> inner = BoundaryLeaves.of(decoupler.role);
    for (int k = 0; k < inner.size(); k++) {
      Data toward = (Data) inner.get(k).value();
      if (inner.get(k).fromProducer()) {
        Data picked = lit(0, toward.type());
        for (int i = 0; i < slots.size(); i++) {
          picked = chosen.get(i).mux((Data) variantLeaves.get(i).get(k).value(), picked);
        }
        toward.assign(picked);
      } else {
        for (int i = 0; i < slots.size(); i++) {
          ((Data) variantLeaves.get(i).get(k).value()).assign(chosen.get(i).mux(toward, 0));
        }
      }
    }
  }

  static int indexWidth(int slots) {
    return log2Up(Math.max(2, slots));
  }

  private static void checkSlots(RoleParams p, List<VariantSlot> slots) {
    if (slots.isEmpty()) {
      throw new IllegalArgumentException("a reconfigurable partition needs at least one Role variant");
    }
    Set<Long> ids = new HashSet<>();
    for (VariantSlot s : slots) {
      if (!ids.add(s.variantId())) {
        throw new IllegalArgumentException("variant id " + s.variantId() + " is used by two variants");
      }
      if (!s.variant().params.equals(p)) {
        throw new IllegalArgumentException("variant " + s.variantId() + " (" + s.variant().baseName()
            + ") has the boundary " + s.variant().params + ", but the partition's is " + p);
      }
    }
  }
}
