package veneer.hdl.ir;

/**
 * One signal of a module: its width, an optional name from the Java code, where it was created,
 * and its single driver. Nets are identified by their index in {@link ModuleIr#nets()}.
 */
public record Net(int id, int width, String name, SourceLoc loc, Driver driver) {
  public boolean named() {
    return name != null;
  }
}
