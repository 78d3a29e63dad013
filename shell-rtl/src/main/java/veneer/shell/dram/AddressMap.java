package veneer.shell.dram;

import java.util.Optional;

/**
 * Where the DRAM channels sit in the interconnect's address space. The DRAM occupies
 * {@code [base, base + channels * channelBytes)}; every other address answers DECERR.
 * <ul>
 *   <li>{@link Mode#CONTIGUOUS}: channel {@code c} holds {@code [base + c*channelBytes,
 *       base + (c+1)*channelBytes)}.</li>
 *   <li>{@link Mode#INTERLEAVED}: consecutive {@code granuleBytes} blocks go to channels 0, 1,
 *       ..., channels-1, 0, ... (the channel number is the offset's bits just above the granule).</li>
 * </ul>
 * Granules (and channels) are at least 4 KiB, so an AXI burst, which never crosses a 4 KiB
 * boundary, always stays inside one channel.
 *
 * <pre>{@code
 * AddressMap map = AddressMap.interleaved(0x0, 4, 1 << 24, 4096);
 * map.decode(0x1040);   // channel 1, local address 0x040
 * }</pre>
 */
public record AddressMap(long base, long channelBytes, int channels, Mode mode, long granuleBytes) {
  /** How addresses are spread over the channels. */
  public enum Mode { CONTIGUOUS, INTERLEAVED }

  /** A decoded address: which channel and where inside it. */
  public record Target(int channel, long local) {}

  public AddressMap {
    if (channels < 1) {
      throw new IllegalArgumentException("an address map needs at least one channel, found " + channels);
    }
    if (channelBytes < 4096 || Long.bitCount(channelBytes) != 1) {
      throw new IllegalArgumentException("a channel size must be a power of two of at least 4096 bytes,"
          + " found " + channelBytes);
    }
    if (mode == Mode.INTERLEAVED) {
      if (Integer.bitCount(channels) != 1) {
        throw new IllegalArgumentException("interleaving needs a power-of-two number of channels, found "
            + channels);
      }
      if (granuleBytes < 4096 || Long.bitCount(granuleBytes) != 1 || granuleBytes > channelBytes) {
        throw new IllegalArgumentException("an interleaving granule must be a power of two from 4096 bytes to"
            + " the channel size (" + channelBytes + "), found " + granuleBytes);
      }
    }
    long total = channelBytes * channels;
    if (base < 0 || base % channelBytes != 0 || base % Long.highestOneBit(total) != 0) {
      throw new IllegalArgumentException("the DRAM base address must be a non-negative multiple of the"
          + " channel size and of the largest power of two in the total size; found 0x" + Long.toHexString(base)
          + " for " + channels + " x " + channelBytes + " bytes");
    }
  }

  /** Channels one after another from {@code base}. */
  public static AddressMap contiguous(long base, int channels, long channelBytes) {
    return new AddressMap(base, channelBytes, channels, Mode.CONTIGUOUS, channelBytes);
  }

  /** Channels taking turns every {@code granuleBytes}. */
  public static AddressMap interleaved(long base, int channels, long channelBytes, long granuleBytes) {
    return new AddressMap(base, channelBytes, channels, Mode.INTERLEAVED, granuleBytes);
  }

  /** Bytes of DRAM in all channels. */
  public long totalBytes() {
    return channelBytes * channels;
  }

  /** The first address after the DRAM. */
  public long end() {
    return base + totalBytes();
  }

  /** Bits of the channel-local address. */
  public int localBits() {
    return Long.numberOfTrailingZeros(channelBytes);
  }

  /** Bits of the channel number (at least 1). */
  public int channelBits() {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(channels - 1));
  }

  /** Bits of the granule offset (interleaved) or of the channel size (contiguous). */
  public int granuleBits() {
    return mode == Mode.INTERLEAVED ? Long.numberOfTrailingZeros(granuleBytes) : localBits();
  }

  /** The channel and local address of {@code addr}, or empty where the interconnect answers DECERR. */
  public Optional<Target> decode(long addr) {
    if (addr < base || addr >= end()) {
      return Optional.empty();
    }
    long off = addr - base;
    if (mode == Mode.CONTIGUOUS) {
      return Optional.of(new Target((int) (off / channelBytes), off % channelBytes));
    }
    int g = granuleBits();
    long low = off & (granuleBytes - 1);
    int channel = (int) ((off >>> g) % channels);
    long high = off >>> (g + Integer.numberOfTrailingZeros(channels));
    return Optional.of(new Target(channel, high << g | low));
  }

  /** The global address of byte {@code local} of {@code channel}: the inverse of {@link #decode}. */
  public long encode(int channel, long local) {
    if (mode == Mode.CONTIGUOUS) {
      return base + channel * channelBytes + local;
    }
    int g = granuleBits();
    long low = local & (granuleBytes - 1);
    long high = local >>> g;
    return base + ((high * channels + channel) << g | low);
  }
}
