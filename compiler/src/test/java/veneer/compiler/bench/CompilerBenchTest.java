package veneer.compiler.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark runs end to end (compiled and hand-written versions agree with the JVM, or it
 * throws) and the compiled code stays within the instructions-per-element goal.
 */
class CompilerBenchTest {
    @Test
    void compiledKernelsStayWithinTheGoalOfHandWrittenCode() {
        CompilerBench.Report r = CompilerBench.run(4);
        assertEquals(5, r.rows().size());
        for (CompilerBench.Row row : r.rows()) {
            assertTrue(row.ratio() <= CompilerBench.RATIO_GOAL, row.kernel() + ": ratio " + row.ratio() + "\n" + r.table());
            assertTrue(row.handInstructionsPerElement() > 5, row.kernel() + " hand-written code runs its loop");
        }
        String json = r.json();
        assertTrue(json.startsWith("{\"threads\":4,") && json.contains("\"kernels\":[{\"name\":\"vectorAdd\"")
                && json.contains("\"max_ratio\":"), json);
    }
}
