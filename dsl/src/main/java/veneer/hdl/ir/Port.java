package veneer.hdl.ir;

/**
 * A module port. For an input, {@code net} is the net with an {@link Driver.Input} driver; for an
 * output, it is the net whose value leaves the module.
 */
public record Port(String name, Direction direction, Kind kind, int width, int net, SourceLoc loc) {
  public enum Direction { INPUT, OUTPUT }

  /** Clock and reset ports are wired implicitly from parent to child; data ports explicitly. */
  public enum Kind { DATA, CLOCK, RESET }

  public boolean isInput() {
    return direction == Direction.INPUT;
  }
}
