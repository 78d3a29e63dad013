package veneer.compiler.ir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JDK helpers a kernel may call ({@code Math.min}, {@code Integer.bitCount}, ...). Each evaluates
 * exactly as the JDK does (the interpreter and constant folding call the JDK method itself); the
 * back end lowers each to RV32IM code. Those that divide are preceded by a div-zero check.
 */
public enum Intrinsic {
  IMIN("min", "II", 'I', a -> Math.min((int) a[0], (int) a[1]), "java/lang/Math", "java/lang/Integer"),
  IMAX("max", "II", 'I', a -> Math.max((int) a[0], (int) a[1]), "java/lang/Math", "java/lang/Integer"),
  IABS("abs", "I", 'I', a -> Math.abs((int) a[0]), "java/lang/Math"),
  LMIN("min", "JJ", 'J', a -> Math.min(a[0], a[1]), "java/lang/Math", "java/lang/Long"),
  LMAX("max", "JJ", 'J', a -> Math.max(a[0], a[1]), "java/lang/Math", "java/lang/Long"),
  LABS("abs", "J", 'J', a -> Math.abs(a[0]), "java/lang/Math"),
  ISUM("sum", "II", 'I', a -> Integer.sum((int) a[0], (int) a[1]), "java/lang/Integer"),
  IBITCOUNT("bitCount", "I", 'I', a -> Integer.bitCount((int) a[0]), "java/lang/Integer"),
  LBITCOUNT("bitCount", "J", 'I', a -> Long.bitCount(a[0]), "java/lang/Long"),
  ICLZ("numberOfLeadingZeros", "I", 'I', a -> Integer.numberOfLeadingZeros((int) a[0]), "java/lang/Integer"),
  LCLZ("numberOfLeadingZeros", "J", 'I', a -> Long.numberOfLeadingZeros(a[0]), "java/lang/Long"),
  ICTZ("numberOfTrailingZeros", "I", 'I', a -> Integer.numberOfTrailingZeros((int) a[0]), "java/lang/Integer"),
  LCTZ("numberOfTrailingZeros", "J", 'I', a -> Long.numberOfTrailingZeros(a[0]), "java/lang/Long"),
  IROTL("rotateLeft", "II", 'I', a -> Integer.rotateLeft((int) a[0], (int) a[1]), "java/lang/Integer"),
  IROTR("rotateRight", "II", 'I', a -> Integer.rotateRight((int) a[0], (int) a[1]), "java/lang/Integer"),
  LROTL("rotateLeft", "JI", 'J', a -> Long.rotateLeft(a[0], (int) a[1]), "java/lang/Long"),
  LROTR("rotateRight", "JI", 'J', a -> Long.rotateRight(a[0], (int) a[1]), "java/lang/Long"),
  IREVERSE("reverse", "I", 'I', a -> Integer.reverse((int) a[0]), "java/lang/Integer"),
  LREVERSE("reverse", "J", 'J', a -> Long.reverse(a[0]), "java/lang/Long"),
  IREVERSEBYTES("reverseBytes", "I", 'I', a -> Integer.reverseBytes((int) a[0]), "java/lang/Integer"),
  LREVERSEBYTES("reverseBytes", "J", 'J', a -> Long.reverseBytes(a[0]), "java/lang/Long"),
  ISIGNUM("signum", "I", 'I', a -> Integer.signum((int) a[0]), "java/lang/Integer"),
  LSIGNUM("signum", "J", 'I', a -> Long.signum(a[0]), "java/lang/Long"),
  IHIGHESTONEBIT("highestOneBit", "I", 'I', a -> Integer.highestOneBit((int) a[0]), "java/lang/Integer"),
  ILOWESTONEBIT("lowestOneBit", "I", 'I', a -> Integer.lowestOneBit((int) a[0]), "java/lang/Integer"),
  LHIGHESTONEBIT("highestOneBit", "J", 'J', a -> Long.highestOneBit(a[0]), "java/lang/Long"),
  LLOWESTONEBIT("lowestOneBit", "J", 'J', a -> Long.lowestOneBit(a[0]), "java/lang/Long"),
  ICOMPARE("compare", "II", 'I', a -> Integer.compare((int) a[0], (int) a[1]), "java/lang/Integer"),
  LCOMPARE("compare", "JJ", 'I', a -> Long.compare(a[0], a[1]), "java/lang/Long"),
  ICOMPAREU("compareUnsigned", "II", 'I', a -> Integer.compareUnsigned((int) a[0], (int) a[1]), "java/lang/Integer"),
  LCOMPAREU("compareUnsigned", "JJ", 'I', a -> Long.compareUnsigned(a[0], a[1]), "java/lang/Long"),
  IDIVU("divideUnsigned", "II", 'I', a -> Integer.divideUnsigned((int) a[0], (int) a[1]), "java/lang/Integer"),
  IREMU("remainderUnsigned", "II", 'I', a -> Integer.remainderUnsigned((int) a[0], (int) a[1]), "java/lang/Integer"),
  LDIVU("divideUnsigned", "JJ", 'J', a -> Long.divideUnsigned(a[0], a[1]), "java/lang/Long"),
  LREMU("remainderUnsigned", "JJ", 'J', a -> Long.remainderUnsigned(a[0], a[1]), "java/lang/Long"),
  IFLOORDIV("floorDiv", "II", 'I', a -> Math.floorDiv((int) a[0], (int) a[1]), "java/lang/Math"),
  IFLOORMOD("floorMod", "II", 'I', a -> Math.floorMod((int) a[0], (int) a[1]), "java/lang/Math"),
  LFLOORDIV("floorDiv", "JJ", 'J', a -> Math.floorDiv(a[0], a[1]), "java/lang/Math"),
  LFLOORMOD("floorMod", "JJ", 'J', a -> Math.floorMod(a[0], a[1]), "java/lang/Math"),
  ITOUNSIGNEDLONG("toUnsignedLong", "I", 'J', a -> Integer.toUnsignedLong((int) a[0]), "java/lang/Integer"),
  BTOUNSIGNEDINT("toUnsignedInt", "B", 'I', a -> Byte.toUnsignedInt((byte) a[0]), "java/lang/Byte"),
  STOUNSIGNEDINT("toUnsignedInt", "S", 'I', a -> Short.toUnsignedInt((short) a[0]), "java/lang/Short");

  /** The evaluation rule. */
  private interface Rule {
    long apply(long[] args);
  }

  private static final Map<String, Intrinsic> BY_KEY = new HashMap<>();

  static {
    for (Intrinsic i : values()) {
      for (String owner : i.owners) {
        BY_KEY.put(owner + "." + i.javaName + i.descriptor(), i);
      }
    }
  }

  private final String javaName;
  private final String args;
  private final char result;
  private final Rule rule;
  private final List<String> owners;

  Intrinsic(String javaName, String args, char result, Rule rule, String... owners) {
    this.javaName = javaName;
    this.args = args;
    this.result = result;
    this.rule = rule;
    this.owners = List.of(owners);
  }

  /** The intrinsic for a static call {@code owner.name desc}, or null if it is not one. */
  public static Intrinsic lookup(String owner, String name, String desc) {
    return BY_KEY.get(owner + "." + name + desc);
  }

  /** JVM method descriptor, e.g. {@code (II)I}. */
  public String descriptor() {
    return "(" + args + ")" + result;
  }

  /** Number of operands. */
  public int arity() {
    return args.length();
  }

  /** Register type of operand {@code i}. */
  public IrType argType(int i) {
    return args.charAt(i) == 'J' ? IrType.I64 : IrType.I32;
  }

  /** Register type of the result. */
  public IrType resultType() {
    return result == 'J' ? IrType.I64 : IrType.I32;
  }

  /** True if the last operand is a divisor: the front end puts a div-zero check before it. */
  public boolean divides() {
    return javaName.startsWith("divide") || javaName.startsWith("remainder") || javaName.startsWith("floor");
  }

  /** Evaluates with Java semantics; i32 operands and result are sign-extended longs. */
  public long apply(long... operands) {
    long r = rule.apply(operands);
    return result == 'J' ? r : (int) r;
  }

  @Override
  public String toString() {
    return javaName;
  }
}
