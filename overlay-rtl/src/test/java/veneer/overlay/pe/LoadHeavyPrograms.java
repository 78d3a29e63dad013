package veneer.overlay.pe;

import static veneer.isa.Opcode.ADD;
import static veneer.isa.Opcode.ADDI;
import static veneer.isa.Opcode.BNE;
import static veneer.isa.Opcode.CSRRS;
import static veneer.isa.Opcode.ECALL;
import static veneer.isa.Opcode.LUI;
import static veneer.isa.Opcode.LW;
import static veneer.isa.Opcode.SLLI;
import static veneer.isa.Opcode.SW;
import static veneer.isa.Opcode.XOR;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import veneer.isa.Encoder;
import veneer.isa.elf.ElfFile;
import veneer.isa.elf.ElfWriter;
import veneer.isa.pe.PeCsr;
import veneer.isa.pe.PeMemoryMap;

/**
 * Load-heavy test programs for the PE, encoded with {@link Encoder} (no tool needed), every
 * thread on its own 1 KiB slice of each array:
 * <ul>
 *   <li>{@link #vectorAdd}: {@code c[i] = a[i] + b[i]}, eight elements an iteration in the
 *       shape of the array's vecadd16.S (8 loads of a, 8 of b, 8 adds, 8 stores, 5 loop
 *       instructions: 37 instructions, 16 of them global loads);</li>
 *   <li>{@link #writeHeavy}: 9 global loads (one to x0) and 24 register-writing ALU
 *       instructions an iteration, so that S3 rarely leaves the register-file write port free for a load's
 *       data: the case the S0 hold-back rule exists for.</li>
 * </ul>
 *
 * <pre>{@code
 * ElfFile elf = LoadHeavyPrograms.vectorAdd(32);
 * }</pre>
 */
final class LoadHeavyPrograms {
  static final long A = PeMemoryMap.GLOBAL_BASE & 0xFFFF_FFFFL;
  static final long B = A + 0x1_0000;
  static final long C = A + 0x2_0000;
  /** Bytes of each array per thread (up to 16 threads in 64 KiB). */
  static final int SLICE = 1024;

  private LoadHeavyPrograms() {}

  /** Vector add, {@code iterations} x 8 elements per thread (at most 32 iterations). */
  static ElfFile vectorAdd(int iterations) {
    List<Integer> c = prologue(iterations);
    int loop = c.size();
    for (int k = 0; k < 8; k++) {
      c.add(Encoder.i(LW, 16 + k, 13, 4 * k));
    }
    for (int k = 0; k < 8; k++) {
      c.add(Encoder.i(LW, 24 + k, 14, 4 * k));
    }
    for (int k = 0; k < 8; k++) {
      c.add(Encoder.r(ADD, 16 + k, 16 + k, 24 + k));
    }
    for (int k = 0; k < 8; k++) {
      c.add(Encoder.s(SW, 15, 16 + k, 4 * k));
    }
    c.add(Encoder.i(ADDI, 13, 13, 32));
    c.add(Encoder.i(ADDI, 14, 14, 32));
    c.add(Encoder.i(ADDI, 15, 15, 32));
    c.add(Encoder.i(ADDI, 5, 5, -1));
    c.add(Encoder.b(BNE, 5, 0, (loop - c.size()) * 4));
    return epilogue(c);
  }

  /** 8 loads of a (their sum kept in x9) among 24 ALU instructions and a load to x0, {@code iterations} times per thread. */
  static ElfFile writeHeavy(int iterations) {
    List<Integer> c = prologue(iterations);
    int loop = c.size();
    for (int k = 0; k < 8; k++) {
      c.add(Encoder.i(LW, 16 + k, 13, 4 * k));
      c.add(Encoder.r(XOR, 7, 7, 5));
      c.add(Encoder.i(SLLI, 8, 7, 1));
      c.add(Encoder.r(ADD, 10, 10, 8));
    }
    c.add(Encoder.i(LW, 0, 13, 0)); // to x0: its write-back must leave the scoreboard alone (BNE reads x0)
    for (int k = 0; k < 8; k++) {
      c.add(Encoder.r(ADD, 9, 9, 16 + k));
    }
    c.add(Encoder.i(ADDI, 13, 13, 32));
    c.add(Encoder.i(ADDI, 5, 5, -1));
    c.add(Encoder.b(BNE, 5, 0, (loop - c.size()) * 4));
    return epilogue(c);
  }

  /** x13, x14, x15: this thread's slice of a, b, c; x5: the iteration count. */
  private static List<Integer> prologue(int iterations) {
    if (iterations < 1 || iterations * 32 > SLICE) {
      throw new IllegalArgumentException("iterations must be 1.." + SLICE / 32 + ", got " + iterations);
    }
    List<Integer> c = new ArrayList<>();
    c.add(Encoder.csr(CSRRS, 12, PeCsr.THREAD_ID, 0));
    c.add(Encoder.i(SLLI, 12, 12, Integer.numberOfTrailingZeros(SLICE)));
    c.add(Encoder.u(LUI, 13, (int) A));
    c.add(Encoder.r(ADD, 13, 13, 12));
    c.add(Encoder.u(LUI, 14, (int) B));
    c.add(Encoder.r(ADD, 14, 14, 12));
    c.add(Encoder.u(LUI, 15, (int) C));
    c.add(Encoder.r(ADD, 15, 15, 12));
    c.add(Encoder.i(ADDI, 5, 0, iterations));
    return c;
  }

  /** ECALL with a0 = 0, and a and b filled with distinct words. */
  private static ElfFile epilogue(List<Integer> c) {
    c.add(Encoder.i(ADDI, 10, 0, 0));
    c.add(Encoder.encode(ECALL, 0, 0, 0, 0));
    ByteBuffer text = ByteBuffer.allocate(c.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
    c.forEach(text::putInt);
    ByteBuffer data = ByteBuffer.allocate(0x2_0000).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 0x2_0000 / 4; i++) {
      data.putInt(i < 0x1_0000 / 4 ? 7 * i + 3 : 1_000_000 + 11 * i);
    }
    byte[] elf = new ElfWriter().text(PeMemoryMap.IMEM_BASE, text.array()).data(A, data.array())
        .entry(PeMemoryMap.IMEM_BASE).toBytes();
    return ElfFile.parse(elf);
  }
}
