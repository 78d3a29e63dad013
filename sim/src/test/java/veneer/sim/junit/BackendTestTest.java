package veneer.sim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import veneer.sim.Backend;

class BackendTestTest {
  private static final List<String> RUNS = new ArrayList<>();

  @BackendTest
  void runsOncePerConfiguredBackEnd(Backend backend, TestInfo info) {
    RUNS.add(backend + " " + info.getDisplayName());
  }

  @AfterAll
  static void everyConfiguredBackEndRanWithItsNameShown() {
    List<Backend> configured = BackendInvocations.configured();
    assertEquals(configured.size(), RUNS.size(), RUNS.toString());
    for (int i = 0; i < configured.size(); i++) {
      String name = configured.get(i).name().toLowerCase(Locale.ROOT);
      assertTrue(RUNS.get(i).startsWith(configured.get(i) + " ") && RUNS.get(i).endsWith("[" + name + "]"),
          RUNS.get(i));
    }
  }

  @Test
  void theListIsParsedAndCheckedClearly() {
    String old = System.getProperty(BackendInvocations.PROPERTY);
    try {
      System.setProperty(BackendInvocations.PROPERTY, " verilator , jvm,jvm ");
      assertEquals(List.of(Backend.VERILATOR, Backend.JVM), BackendInvocations.configured());
      System.setProperty(BackendInvocations.PROPERTY, "jvm,iverilog");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, BackendInvocations::configured);
      assertTrue(e.getMessage().contains("iverilog"), e.getMessage());
    } finally {
      if (old == null) {
        System.clearProperty(BackendInvocations.PROPERTY);
      } else {
        System.setProperty(BackendInvocations.PROPERTY, old);
      }
    }
  }
}
