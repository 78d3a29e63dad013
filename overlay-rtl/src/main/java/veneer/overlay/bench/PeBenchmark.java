package veneer.overlay.bench;

import static veneer.isa.Opcode.ADD;
import static veneer.isa.Opcode.ADDI;
import static veneer.isa.Opcode.BNE;
import static veneer.isa.Opcode.CSRRS;
import static veneer.isa.Opcode.ECALL;
import static veneer.isa.Opcode.LUI;
import static veneer.isa.Opcode.LW;
import static veneer.isa.Opcode.MUL;
import static veneer.isa.Opcode.OR;
import static veneer.isa.Opcode.SLLI;
import static veneer.isa.Opcode.SUB;
import static veneer.isa.Opcode.XOR;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import veneer.isa.Encoder;
import veneer.isa.elf.ElfFile;
import veneer.isa.elf.ElfWriter;
import veneer.isa.pe.PeCsr;
import veneer.isa.pe.PeMemoryMap;
import veneer.overlay.run.PeRunOptions;
import veneer.overlay.run.PeRunResult;
import veneer.overlay.run.PeRunner;
import veneer.sim.Backend;

/**
 * Instructions per cycle of one PE on two loops, every thread running the same loop:
 * <ul>
 *   <li>compute: 8 instructions an iteration (ALU, shift, MUL, branch), no memory access;</li>
 *   <li>dram: one global-memory load and 15 other instructions an iteration, with the DRAM
 *       model answering after a given latency — the other threads' work hides the wait.</li>
 * </ul>
 * The programs are encoded here with {@link Encoder}, so the bench needs no external tool.
 * Cycle counts are simulated, hence deterministic.
 *
 * <pre>{@code
 * PeBenchmark.Result r = PeBenchmark.compute(8, Backend.JVM);
 * double ipc = r.ipc();
 * }</pre>
 */
public final class PeBenchmark {
  /** Iterations of each loop, per thread. */
  public static final int ITERATIONS = 200;

  private PeBenchmark() {}

  /** One measurement. */
  public record Result(String loop, int threads, int latency, long cycles, long retired) {
    public double ipc() {
      return (double) retired / cycles;
    }
  }

  /** The compute loop on {@code threads} threads. */
  public static Result compute(int threads, Backend backend) {
    return run("compute", computeLoop(), threads, 10, backend);
  }

  /** The DRAM loop on {@code threads} threads with a DRAM read latency of {@code latency} cycles. */
  public static Result dram(int threads, int latency, Backend backend) {
    return run("dram", dramLoop(), threads, latency, backend);
  }

  private static Result run(String name, int[] code, int threads, int latency, Backend backend) {
    ByteBuffer text = ByteBuffer.allocate(code.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int w : code) {
      text.putInt(w);
    }
    byte[] elf = new ElfWriter().text(PeMemoryMap.IMEM_BASE, text.array()).entry(PeMemoryMap.IMEM_BASE).toBytes();
    PeRunOptions options = PeRunOptions.defaults().withThreads(threads).withBackend(backend)
        .withMemoryLatency(latency).withMaxCycles(5_000_000);
    PeRunResult r = new PeRunner(options).run(ElfFile.parse(elf), new PrintStream(OutputStream.nullOutputStream()));
    if (r.reason() != PeRunResult.Reason.ALL_STOPPED) {
      throw new IllegalStateException(name + " loop did not finish: " + r.summary());
    }
    return new Result(name, threads, latency, r.cycles(), r.perf().get("retired"));
  }

  /** x5 counts down; x6..x11 are busy work; each thread exits with ECALL. */
  static int[] computeLoop() {
    List<Integer> c = new ArrayList<>();
    c.add(Encoder.i(ADDI, 5, 0, ITERATIONS));
    int loop = c.size();
    c.add(Encoder.r(ADD, 6, 6, 5));
    c.add(Encoder.r(XOR, 7, 7, 6));
    c.add(Encoder.i(SLLI, 8, 7, 3));
    c.add(Encoder.r(SUB, 9, 8, 6));
    c.add(Encoder.r(OR, 10, 9, 7));
    c.add(Encoder.r(MUL, 11, 10, 5));
    c.add(Encoder.i(ADDI, 5, 5, -1));
    c.add(Encoder.b(BNE, 5, 0, (loop - c.size()) * 4));
    c.add(Encoder.encode(ECALL, 0, 0, 0, 0));
    return c.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Each thread walks its own words of global memory: one load, 15 other instructions. */
  static int[] dramLoop() {
    List<Integer> c = new ArrayList<>();
    c.add(Encoder.csr(CSRRS, 12, PeCsr.THREAD_ID, 0));
    c.add(Encoder.i(SLLI, 12, 12, 2));
    c.add(Encoder.u(LUI, 13, PeMemoryMap.GLOBAL_BASE));
    c.add(Encoder.r(ADD, 13, 13, 12));
    c.add(Encoder.i(ADDI, 5, 0, ITERATIONS));
    int loop = c.size();
    c.add(Encoder.i(LW, 6, 13, 0));
    for (int k = 0; k < 6; k++) {
      c.add(Encoder.r(XOR, 7, 7, 5));
      c.add(Encoder.i(SLLI, 8, 7, 1));
    }
    c.add(Encoder.r(ADD, 9, 9, 6));
    c.add(Encoder.i(ADDI, 13, 13, 64));
    c.add(Encoder.i(ADDI, 5, 5, -1));
    c.add(Encoder.b(BNE, 5, 0, (loop - c.size()) * 4));
    c.add(Encoder.encode(ECALL, 0, 0, 0, 0));
    return c.stream().mapToInt(Integer::intValue).toArray();
  }
}
