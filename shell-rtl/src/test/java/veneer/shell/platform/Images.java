package veneer.shell.platform;

import veneer.runtime.image.PartialBitstream;
import veneer.runtime.image.ShellInterfaceId;
import veneer.shell.ShellConfig;

/** Partial bitstreams for the simulated platform, built with the runtime's image library. */
final class Images {
  private Images() {}

  static final String SHELL_ID = ShellConfig.DEFAULT_INTERFACE_ID.toString(16);

  static byte[] image(long variant, String shellId, byte[] data) {
    return PartialBitstream.builder().variantId(variant).shellInterfaceId(ShellInterfaceId.parse(shellId))
        .data(data).build().toBytes();
  }

  /** A good image of {@code variant} with 96 bytes of deterministic configuration data. */
  static byte[] image(long variant) {
    return image(variant, SHELL_ID, data(96, variant));
  }

  static byte[] data(int n, long salt) {
    byte[] d = new byte[n];
    for (int i = 0; i < n; i++) {
      d[i] = (byte) (i * 37 + salt);
    }
    return d;
  }

  /** The same image with one data byte flipped: the CRC no longer matches. */
  static byte[] badCrc(long variant) {
    byte[] b = image(variant);
    b[40] ^= 0x01;
    return b;
  }

  /** A good image built for another Shell (last hex digit changed). */
  static byte[] wrongShell(long variant) {
    String other = SHELL_ID.substring(0, SHELL_ID.length() - 1)
        + (SHELL_ID.endsWith("1") ? "2" : "1");
    return image(variant, other, data(96, variant));
  }
}
