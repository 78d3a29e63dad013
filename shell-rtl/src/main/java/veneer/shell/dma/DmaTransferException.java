package veneer.shell.dma;

/**
 * A DMA channel refused or failed a descriptor: the channel, the device's error and the
 * transfer. The channel has been cleared (the descriptor skipped) before this is thrown, so it
 * takes the next transfer.
 *
 * <pre>{@code
 * try {
 *   dev.copyToCard(1L << 40, data);
 * } catch (DmaTransferException e) {
 *   System.err.println(e.error() + " on channel " + e.channel());
 * }
 * }</pre>
 */
public final class DmaTransferException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int channel;
  private final DmaError error;

  public DmaTransferException(int channel, DmaError error, String message) {
    super(message);
    this.channel = channel;
    this.error = error;
  }

  /** The channel (0-1 host to card, 2-3 card to host). */
  public int channel() {
    return channel;
  }

  /** What the channel reported. */
  public DmaError error() {
    return error;
  }
}
