package veneer.sim.flat;

/**
 * Where one module instance landed in a {@link FlatNetlist}: the flattener gives an instance and
 * everything below it consecutive net ids and memory indexes, so the instance's subtree is the
 * net range {@code [firstNet, endNet)} and the memory range {@code [firstMemory, endMemory)}.
 * The in-JVM compiler uses this to find repeated instances (16 PEs of one module) and compile
 * their logic once.
 *
 * @param path the instance path ({@code "role.array.pe3"}; {@code ""} for the top)
 * @param module the module's name in the HDL (the same for every parameter set of one class)
 */
public record FlatInstance(String path, String module, int firstNet, int endNet, int firstMemory, int endMemory) {
  /** Whether {@code net} belongs to this instance or one below it. */
  public boolean holds(int net) {
    return net >= firstNet && net < endNet;
  }
}
