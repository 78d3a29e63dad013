package veneer.overlay.run;

/** The PE and the reference model disagreed; the message shows both sides. */
public final class LockstepDivergence extends RuntimeException {
  public LockstepDivergence(String message) {
    super(message);
  }
}
