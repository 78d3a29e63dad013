package veneer.sim.random;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import veneer.hdl.Data;
import veneer.hdl.HdlType;
import veneer.hdl.Module;

/**
 * Several generated designs under one top, so that one Verilator build covers all of them. Each
 * design {@code i} is the instance {@code u<i>}; its ports appear on the top as
 * {@code d<i>_<port>}.
 *
 * <pre>{@code
 * RandomBatch top = new RandomDesignGenerator(7, RandomDesignOptions.defaults()).batch(0, 20);
 * Design d = Elaborator.elaborate(top);
 * top.designIndexOf("d3_o5");    // 3
 * }</pre>
 */
public final class RandomBatch extends Module {
  private final int first;
  private final int count;
  private final List<String> inputs = new ArrayList<>();
  private final List<String> outputs = new ArrayList<>();

  RandomBatch(RandomDesignGenerator gen, int first, int count) {
    super("RandBatch" + first + "_" + count);
    if (count < 1) {
      throw new IllegalArgumentException("a batch needs at least one design, found " + count);
    }
    this.first = first;
    this.count = count;
    for (int i = first; i < first + count; i++) {
      RandomModule d = instance("u" + i, gen.designModule(i));
      for (Data<?> in : d.inputs()) {
        inputs.add(passIn("d" + i + "_" + in.name(), in));
      }
      for (Data<?> out : d.outputs()) {
        outputs.add(passOut("d" + i + "_" + out.name(), out));
      }
    }
  }

  private <T extends Data<T>> String passIn(String name, Data<T> childInput) {
    HdlType<T> t = childInput.type();
    T top = input(name, t);
    childInput.assign(top);
    return name;
  }

  @SuppressWarnings("unchecked")
  private <T extends Data<T>> String passOut(String name, Data<T> childOutput) {
    HdlType<T> t = childOutput.type();
    T top = output(name, t);
    top.assign((T) childOutput);
    return name;
  }

  /** The first design's index. */
  public int first() {
    return first;
  }

  /** How many designs. */
  public int count() {
    return count;
  }

  /** The top's data input names, design by design. */
  public List<String> inputNames() {
    return Collections.unmodifiableList(inputs);
  }

  /** The top's data output names, design by design. */
  public List<String> outputNames() {
    return Collections.unmodifiableList(outputs);
  }

  /** The design index a top port belongs to ({@code d12_o3} -> 12). */
  public static int designIndexOf(String port) {
    int u = port.indexOf('_');
    if (!port.startsWith("d") || u < 2) {
      throw new IllegalArgumentException("'" + port + "' is not a batch port (expected d<index>_<name>)");
    }
    return Integer.parseInt(port.substring(1, u));
  }
}
