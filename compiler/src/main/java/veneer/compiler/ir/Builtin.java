package veneer.compiler.ir;

/** The work-item built-ins of {@link veneer.kernel.WorkItem} that read a value (all take a dimension). */
public enum Builtin {
  GLOBAL_ID("globalId"), LOCAL_ID("localId"), GROUP_ID("groupId"),
  GLOBAL_SIZE("globalSize"), LOCAL_SIZE("localSize"), NUM_GROUPS("numGroups");

  private final String javaName;

  Builtin(String javaName) {
    this.javaName = javaName;
  }

  /** The method name in {@link veneer.kernel.WorkItem}. */
  public String javaName() {
    return javaName;
  }

  /** The built-in with this method name, or null. */
  public static Builtin byJavaName(String name) {
    for (Builtin b : values()) {
      if (b.javaName.equals(name)) {
        return b;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return javaName;
  }
}
