package veneer.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.hdl.Elaborator;
import veneer.shell.role.RoleParams;
import veneer.shell.role.VectorAddKernel;

/** What a Shell can be built from, and the messages for what it cannot. */
class ShellConfigTest {
  private static final VariantSpec VADD = new VariantSpec(1, VectorAddKernel::new);

  private static String refused(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void badConfigurationsAreRefusedWithWhatWasExpected() {
    assertTrue(refused(() -> ShellConfig.defaults(List.of())).contains("at least one Role variant"));
    assertTrue(refused(() -> ShellConfig.defaults(List.of(new VariantSpec(0, VectorAddKernel::new))))
        .contains("variant id 0"));
    assertTrue(refused(() -> ShellConfig.defaults(List.of(VADD, new VariantSpec(1, VectorAddKernel::new))))
        .contains("0x1 is used twice"));
    assertTrue(refused(() -> new VariantSpec(1L << 32, VectorAddKernel::new)).contains("unsigned 32-bit"));
    ShellConfig d = ShellConfig.defaults(List.of(VADD));
    String narrow = refused(() -> new ShellConfig(d.interfaceId(), RoleParams.defaults().withCtrlAddrWidth(8),
        d.variants(), d.dram(), d.dramTiming(), d.tlpWidth(), d.resetCycles(), d.maxBursts(), false));
    assertTrue(narrow.contains("12 to 31 bits, found 8"), narrow);
    String id = refused(() -> d.withInterfaceId(java.math.BigInteger.ONE.shiftLeft(128)));
    assertTrue(id.contains("128-bit"), id);
    String w = refused(() -> new ShellConfig(d.interfaceId(), d.role(), d.variants(), d.dram(), d.dramTiming(), 256,
        d.resetCycles(), d.maxBursts(), false));
    assertTrue(w.contains("TLP beat is 512 bits") && w.contains("found 256"), w);
    String irq = refused(() -> new ShellConfig(d.interfaceId(), RoleParams.defaults().withInterrupts(9),
        d.variants(), d.dram(), d.dramTiming(), d.tlpWidth(), d.resetCycles(), d.maxBursts(), false));
    assertTrue(irq.contains("vectors for 8 Role interrupt lines, found a Role with 9"), irq);
    String timeout = refused(() -> d.withDma(new veneer.shell.dma.DmaConfig(32, 512, 4)));
    assertTrue(timeout.contains("16 to 2^31 - 1 cycles, found 4"), timeout);
  }

  @Test
  void theDefaultShellElaboratesWithTheDmaSlotAsManagerZero() {
    ShellConfig c = ShellConfig.defaults(List.of(VADD));
    assertEquals(2, c.interconnect().masters(), "the DMA slot and the Role's one DRAM port");
    assertEquals(0x1000, c.roleBarSize());
    Shell shell = new Shell(c);
    Elaborator.elaborate(shell);
    assertTrue(shell.probes().isEmpty(), "no probes unless asked for");
  }
}
