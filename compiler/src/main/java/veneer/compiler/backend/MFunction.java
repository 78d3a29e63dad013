package veneer.compiler.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A machine function: blocks in layout order (entry first), a virtual-register counter and,
 * after allocation, its frame size. The kernel's launch loop with the kernel body inside is one
 * MFunction; every remaining callee (recursive methods, the 64-bit division routine) is another.
 */
public final class MFunction {
  public final String name;
  public final List<MBlock> blocks = new ArrayList<>();
  private final Map<String, MBlock> byLabel = new HashMap<>();
  private int nextVreg = Reg.FIRST_VIRTUAL;
  private int nextLabel;
  /** Bytes at the bottom of the frame for outgoing call arguments. */
  public int outgoingBytes;
  /** Whether the function saves ra (it is a callee that makes calls, or any callee). */
  public final boolean isCallee;
  /** Frame size in bytes, known after allocation. */
  public int frameBytes;
  /** The start-up instructions that set sp: dropped after allocation when the function needs no stack. */
  public final List<MInstr> stackSetup = new ArrayList<>();

  public MFunction(String name, boolean isCallee) {
    this.name = name;
    this.isCallee = isCallee;
  }

  public int newVreg() {
    return nextVreg++;
  }

  public int vregCount() {
    return nextVreg - Reg.FIRST_VIRTUAL;
  }

  /** A new block with a fresh label {@code name.<hint><n>}, appended to the layout. */
  public MBlock newBlock(String hint) {
    MBlock b = new MBlock(name + "." + hint + nextLabel++);
    blocks.add(b);
    byLabel.put(b.label, b);
    return b;
  }

  /** A new block placed right after {@code after} in the layout. */
  public MBlock newBlockAfter(MBlock after, String hint) {
    MBlock b = new MBlock(name + "." + hint + nextLabel++);
    blocks.add(blocks.indexOf(after) + 1, b);
    byLabel.put(b.label, b);
    return b;
  }

  /** A new block named exactly {@code label}. */
  public MBlock namedBlock(String label) {
    MBlock b = new MBlock(label);
    blocks.add(b);
    byLabel.put(label, b);
    return b;
  }

  public MBlock block(String label) {
    return byLabel.get(label);
  }

  /** Adds a block created elsewhere (edge splits) at {@code index}. */
  void insert(int index, MBlock b) {
    blocks.add(index, b);
    byLabel.put(b.label, b);
  }

  String freshLabel(String hint) {
    return name + "." + hint + nextLabel++;
  }
}
