package veneer.compiler.frontend;

import veneer.kernel.Kernel;

import java.util.List;
import java.util.function.IntUnaryOperator;

import static veneer.kernel.WorkItem.globalId;

/** One kernel per construct the compiler refuses; each offending line carries a marker comment. */
@SuppressWarnings("all")
final class Refused {
  static int counter;
  static int[] table = {1, 2, 3};

  private Refused() {
  }

  @Kernel
  static void allocObject(int[] a) {
    Object o = new Object(); // REFUSE:new
    a[0] = o.hashCode();
  }

  @Kernel
  static void allocArray(int[] a) {
    int[] t = new int[4]; // REFUSE:newarray
    a[0] = t[0];
  }

  @Kernel
  static void virtualCall(int[] a) {
    a[0] = a.clone().length; // REFUSE:virtual
  }

  @Kernel
  static void interfaceCall(int[] a, List<Integer> l) {
    a[0] = 1;
  }

  @Kernel
  static void string(int[] a) {
    String s = "veneer"; // REFUSE:string
    a[0] = 1;
  }

  @Kernel
  static void concat(int[] a, int x) {
    use("x=" + x); // REFUSE:concat
  }

  static void use(String s) {
  }

  @Kernel
  static void throwing(int[] a) {
    if (a[0] < 0) {
      throw new IllegalStateException(); // REFUSE:athrow
    }
  }

  @Kernel
  static void throwOnly(int[] a) {
    throw null; // REFUSE:athrowOnly
  }

  @Kernel
  static void monitor(int[] a) {
    synchronized (a) { // REFUSE:monitor
      a[0]++;
    }
  }

  @Kernel
  static synchronized void syncMethod(int[] a) {
    a[0] = 1; // REFUSE:syncMethod
  }

  @Kernel
  static void floating(int[] a) {
    float f = a[0]; // REFUSE:float
    a[0] = (int) (f * 2);
  }

  @Kernel
  static void doubles(int[] a) {
    a[0] = (int) Math.sqrt(a[0]); // REFUSE:double
  }

  @Kernel
  static void staticWrite(int[] a) {
    counter = a[0]; // REFUSE:putstatic
  }

  @Kernel
  static void staticRead(int[] a) {
    a[0] = table[0]; // REFUSE:getstatic
  }

  @Kernel
  static void reflection(int[] a) throws Exception {
    a[0] = Refused.class.getModifiers(); // REFUSE:reflection
  }

  @Kernel
  static void lambda(int[] a) {
    IntUnaryOperator f = x -> x + 1; // REFUSE:lambda
    a[0] = 1;
  }

  @Kernel
  static void catching(int[] a) {
    try {
      a[0] = 1; // REFUSE:catch
    } catch (RuntimeException e) {
      a[0] = 2;
    }
  }

  @Kernel
  static void floatParam(int[] a, float scale) {
    a[0] = 1; // REFUSE:floatParam
  }

  @Kernel
  static void nested(int[][] a) {
    a[0][0] = 1; // REFUSE:nested
  }

  @Kernel
  static void jdkCall(int[] a) {
    a[0] = Integer.parseInt("1"); // REFUSE:jdk
  }

  @Kernel
  static int returnsValue(int[] a) {
    return a[0]; // REFUSE:returns
  }

  static void notAKernel(int[] a) {
    a[0] = 1; // REFUSE:notKernel
  }
}
