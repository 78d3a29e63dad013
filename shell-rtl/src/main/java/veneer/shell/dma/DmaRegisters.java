package veneer.shell.dma;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.bus.RegisterDecl;
import veneer.shell.mgmt.RegisterMap;
import veneer.shell.mgmt.ShellRegister;

/**
 * The DMA register maps, declared once: the register files are built from these lists and
 * docs/shell-dma.md prints them ({@code DmaRegisterDocTest} keeps the two in sync).
 *
 * <ul>
 *   <li>{@link #CHANNELS}: PF1 BAR4 region {@code dma} (offset 0): per channel a ring (base,
 *       size, head, tail), a run bit, status and error clearing, at {@code 0x100 x channel}.
 *       The user's driver owns its rings.
 *   <li>{@link #WINDOWS}: PF0 BAR0 region {@code dma_window} (offset 0x3000): per channel the
 *       DRAM window its descriptors may touch. Only the management function sets them, so a
 *       tenant's DMA reaches only the DRAM it was given.
 * </ul>
 *
 * <pre>{@code
 * long tailReg = DmaRegisters.CHANNELS.offsetOf("h2c0_tail");
 * }</pre>
 */
public final class DmaRegisters {
  private DmaRegisters() {}

  /** Channel names in channel order: H2C 0, H2C 1, C2H 0, C2H 1. */
  public static final List<String> CHANNEL_NAMES = List.of("h2c0", "h2c1", "c2h0", "c2h1");
  /** PF1 BAR4 offset of the channel registers. */
  public static final long CHANNELS_OFFSET = 0x0000;
  /** PF0 BAR0 offset of the window registers. */
  public static final long WINDOWS_OFFSET = 0x3000;
  /** Bytes of each register region. */
  public static final long REGION_SIZE = 0x1000;

  public static final RegisterMap CHANNELS = new RegisterMap("PF1 (user) BAR4: DMA channels", CHANNELS_OFFSET,
      channelRegisters());
  public static final RegisterMap WINDOWS = new RegisterMap("PF0 (management) BAR0: DMA windows", WINDOWS_OFFSET,
      windowRegisters());

  /** The prefix of channel {@code c}'s registers: "h2c0_" etc. */
  public static String prefix(int c) {
    return CHANNEL_NAMES.get(c) + "_";
  }

  private static List<ShellRegister> channelRegisters() {
    List<ShellRegister> out = new ArrayList<>();
    for (int c = 0; c < CHANNEL_NAMES.size(); c++) {
      String p = prefix(c);
      long o = 0x100L * c;
      String dir = c < 2 ? "host to card" : "card to host";
      out.add(new ShellRegister(RegisterDecl.readWrite(p + "ring_lo", o, 32, 0),
          "Channel " + c + " (" + dir + "): descriptor ring base, host address bits 31:0 (bits 5:0 are ignored: 64-byte aligned)."));
      out.add(new ShellRegister(RegisterDecl.readWrite(p + "ring_hi", o + 0x04, 32, 0), "Ring base bits 63:32."));
      out.add(new ShellRegister(RegisterDecl.readWrite(p + "ring_size", o + 0x08, 16, 0),
          "Descriptors in the ring (1 to 65535; 0 stops the channel). Indices wrap to 0 at this number."));
      out.add(new ShellRegister(RegisterDecl.readWrite(p + "tail", o + 0x0C, 16, 0),
          "Doorbell: index after the last descriptor the host has written. The engine works while head != tail."));
      out.add(new ShellRegister(RegisterDecl.readOnly(p + "head", o + 0x10, 16),
          "Index of the next descriptor the engine will take."));
      out.add(new ShellRegister(RegisterDecl.readWrite(p + "control", o + 0x14, 1, 0), "Bit 0: run."));
      out.add(new ShellRegister(RegisterDecl.readOnly(p + "status", o + 0x18, 32),
          "Bit 0: busy with a descriptor; 1: stopped by an error; 15:8: error code (DmaError); 31:16: head."));
      out.add(new ShellRegister(RegisterDecl.pulse(p + "clear", o + 0x1C, 2),
          "Write 1 to bit 0 to clear the error and retry the failed descriptor, to bit 1 to clear it and skip"
              + " the descriptor."));
      out.add(new ShellRegister(RegisterDecl.readOnly(p + "completed", o + 0x20, 32),
          "Descriptors completed without error."));
    }
    return out;
  }

  private static List<ShellRegister> windowRegisters() {
    List<ShellRegister> out = new ArrayList<>();
    for (int c = 0; c < CHANNEL_NAMES.size(); c++) {
      String p = prefix(c);
      long o = 0x10L * c;
      out.add(new ShellRegister(RegisterDecl.readWrite(p + "win_base_lo", o, 32, 0),
          "Channel " + c + ": first DRAM byte its descriptors may touch, bits 31:0."));
      out.add(new ShellRegister(RegisterDecl.readWrite(p + "win_base_hi", o + 0x4, 32, 0), "Window base bits 63:32."));
      out.add(new ShellRegister(RegisterDecl.readWrite(p + "win_limit_lo", o + 0x8, 32, 0),
          "End of the window (exclusive), bits 31:0. Base = limit = 0 after reset: no DRAM access until PF0 sets it."));
      out.add(new ShellRegister(RegisterDecl.readWrite(p + "win_limit_hi", o + 0xC, 32, 0), "Window limit bits 63:32."));
    }
    return out;
  }

  /** Both maps as Markdown. */
  public static String toMarkdown() {
    return CHANNELS.toMarkdown() + "\n" + WINDOWS.toMarkdown();
  }
}
