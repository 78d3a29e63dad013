package veneer.compiler.backend;

/**
 * What a load or store of a coarsened block touches: bytes {@code offset .. offset + bytes - 1}
 * counted from element {@code base} of an array parameter of Java type {@code javaType}, where
 * {@code base} is the block's first work-item. Two accesses can only hit the same memory when
 * their arrays have the same Java type (arrays of different types are different objects; two
 * parameters of one type may be the same array) and their byte ranges overlap, so the
 * {@link Interleaver} may move a load above a store whose tag does not {@link #conflicts} with it.
 *
 * <pre>{@code
 * new MemTag("[I", 0, 4).conflicts(new MemTag("[I", 4, 4));   // false: elements base and base + 1
 * }</pre>
 */
record MemTag(String javaType, int offset, int bytes) {
  /** Whether the two accesses may touch a common byte. */
  boolean conflicts(MemTag o) {
    return javaType.equals(o.javaType) && offset < o.offset + o.bytes && o.offset < offset + bytes;
  }
}
