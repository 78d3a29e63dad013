package veneer.compiler;

import veneer.compiler.backend.ArgumentLayout;
import veneer.compiler.backend.TrapSites;
import veneer.isa.Disassembler;
import veneer.isa.elf.ElfFile;
import veneer.isa.elf.ElfSegment;
import veneer.isa.pe.PeMemoryMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kernel compiled for the PE: the ELF32 executable, its argument layout, the table of trap
 * sites, whether it runs in team mode (barriers or {@code @Local}), and the text of each stage.
 *
 * <pre>{@code
 * CompiledKernel k = KernelCompiler.compile(VectorAdd.class, "add", CompileOptions.defaults());
 * Files.write(Path.of("add.elf"), k.elf());
 * System.out.println(k.asm());
 * }</pre>
 */
public final class CompiledKernel {
  private final String name;
  private final byte[] elf;
  private final ArgumentLayout layout;
  private final List<TrapSites.Site> sites;
  private final boolean teamMode;
  private final String ir;
  private final int[] code;
  private final Map<String, Integer> symbols;
  private final Map<String, Long> timings;
  private final int coarsening;
  private final String coarseningRefusal;

  public CompiledKernel(String name, byte[] elf, ArgumentLayout layout, List<TrapSites.Site> sites, boolean teamMode,
              String ir, int[] code, Map<String, Integer> symbols, Map<String, Long> timings) {
    this(name, elf, layout, sites, teamMode, ir, code, symbols, timings, 1, "not compiled by KernelCompiler");
  }

  /**
   * As above, plus the work-item coarsening factor the code uses and, when it is 1, why the kernel
   * was not coarsened.
   */
  public CompiledKernel(String name, byte[] elf, ArgumentLayout layout, List<TrapSites.Site> sites, boolean teamMode,
              String ir, int[] code, Map<String, Integer> symbols, Map<String, Long> timings,
              int coarsening, String coarseningRefusal) {
    this.coarsening = coarsening;
    this.coarseningRefusal = coarseningRefusal;
    this.name = name;
    this.elf = elf.clone();
    this.layout = layout;
    this.sites = List.copyOf(sites);
    this.teamMode = teamMode;
    this.ir = ir;
    this.code = code.clone();
    this.symbols = new LinkedHashMap<>(symbols);
    this.timings = new LinkedHashMap<>(timings);
  }

  /** {@code Class.method}. */
  public String name() {
    return name;
  }

  /** The ELF32 RISC-V executable. */
  public byte[] elf() {
    return elf.clone();
  }

  public ArgumentLayout layout() {
    return layout;
  }

  /** Trap sites by index: what a failure record's site number means. */
  public List<TrapSites.Site> trapSites() {
    return sites;
  }

  /** Whether work-items run in teams of one work-group (the kernel has barriers or {@code @Local} arrays). */
  public boolean teamMode() {
    return teamMode;
  }

  /**
   * Work-items one loop step of a hardware thread runs (1: not coarsened); see docs/compiler.md,
   * "Work-item coarsening". The host launches as usual: the kernel derives its blocks from the global size.
   */
  public int coarsening() {
    return coarsening;
  }

  /** Why the kernel runs one work-item per step ("" when {@link #coarsening()} is above 1). */
  public String coarseningRefusal() {
    return coarseningRefusal;
  }

  /** The IR after the standard passes and the back end's preparation. */
  public String ir() {
    return ir;
  }

  /** Code size in bytes. */
  public int codeBytes() {
    return code.length * 4;
  }

  /**
   * What a host loads into every PE's instruction memory: the ELF's .text and the trap-site table
   * (.rodata) as words from address 0. A compiled kernel has no .data or .bss: its only writable
   * state is the context blocks and stacks in the scratchpad, which the start-up code initialises, so
   * nothing has to be written into the scratchpad (the PE array has no host path there).
   */
  public int[] imemImage() {
    ElfFile f = ElfFile.parse(elf);
    int end = 0;
    for (ElfSegment s : f.loadSegments()) {
      if (s.vaddr() < PeMemoryMap.IMEM_BASE || s.vaddr() + s.memSize() > PeMemoryMap.SCRATCHPAD_BASE
          || s.memSize() != s.fileSize()) {
        throw new IllegalStateException("kernel " + name + " has a segment at 0x" + Long.toHexString(s.vaddr())
            + " of " + s.memSize() + " bytes outside instruction memory; a device can only load IMEM");
      }
      end = (int) Math.max(end, s.vaddr() + s.memSize());
    }
    int[] words = new int[(end + 3) / 4];
    for (ElfSegment s : f.loadSegments()) {
      byte[] d = s.data();
      for (int i = 0; i < d.length; i++) {
        int a = (int) s.vaddr() + i;
        words[a / 4] |= (d[i] & 0xFF) << (8 * (a % 4));
      }
    }
    return words;
  }

  /** The address every thread starts at. */
  public int entryPc() {
    return (int) ElfFile.parse(elf).entry();
  }

  /** Function symbols and their addresses. */
  public Map<String, Integer> symbols() {
    return symbols;
  }

  /** Nanoseconds per stage (front end, passes, prep, select, allocate, link, elf), in order. */
  public Map<String, Long> timings() {
    return timings;
  }

  /** Disassembly, objdump style: {@code address: word  text}, with a line per symbol. */
  public String asm() {
    List<Map.Entry<String, Integer>> syms = new ArrayList<>(symbols.entrySet());
    syms.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
    StringBuilder sb = new StringBuilder();
    int s = 0;
    for (int i = 0; i < code.length; i++) {
      int pc = 4 * i;
      while (s < syms.size() && syms.get(s).getValue() == pc) {
        sb.append(String.format("%08x <%s>:%n", pc, syms.get(s).getKey()));
        s++;
      }
      sb.append(String.format("%8x:\t%08x\t%s%n", pc, code[i], Disassembler.disassemble(code[i], pc)));
    }
    return sb.toString();
  }
}
