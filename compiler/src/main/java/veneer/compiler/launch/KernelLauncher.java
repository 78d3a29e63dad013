package veneer.compiler.launch;

import veneer.compiler.CompiledKernel;
import veneer.compiler.backend.ArgumentLayout;
import veneer.compiler.backend.TrapSites;
import veneer.isa.elf.ElfFile;
import veneer.isa.pe.ArrayGlobalMemory;
import veneer.isa.pe.PeConfig;
import veneer.isa.pe.PeMemoryMap;
import veneer.isa.pe.PeModel;
import veneer.isa.pe.RunResult;
import veneer.isa.pe.ThreadStatus;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a compiled kernel on the reference PE model ({@link PeModel}), the functional back end:
 * lays the arrays out in global memory (each after its length word), fills the argument block
 * per {@link ArgumentLayout}, runs T hardware threads, copies the arrays back into the Java
 * arrays and reads the failure records of the threads' context blocks.
 *
 * <pre>{@code
 * CompiledKernel k = KernelCompiler.compile(VectorAdd.class, "add", CompileOptions.defaults());
 * KernelLauncher.runOrThrow(k, WorkRange.of(16), 4, a, b, c);   // throws KernelTrapException on a Java failure
 * }</pre>
 */
public final class KernelLauncher {
    /** Instruction budget of one launch, so that a broken kernel cannot hang a test. */
    public static final long DEFAULT_BUDGET = 500_000_000L;

    /** What a launch did: the failure if any, and the instructions the PE issued. */
    public record Result(Optional<KernelFailure> failure, long instructions) {
    }

    private KernelLauncher() {
    }

    /** Runs and returns the failure (the one with the lowest work-item), if any. */
    public static Optional<KernelFailure> run(CompiledKernel k, WorkRange range, int threads, Object... args) {
        return launch(k, PeConfig.defaults().withThreads(threads), range, DEFAULT_BUDGET, args).failure();
    }

    /** Runs and throws {@link KernelTrapException} if the kernel failed. */
    public static void runOrThrow(CompiledKernel k, WorkRange range, int threads, Object... args) {
        Optional<KernelFailure> f = run(k, range, threads, args);
        if (f.isPresent()) {
            throw new KernelTrapException(k.name(), f.get());
        }
    }

    private record Placed(Object array, int address, int elemBytes) {
    }

    /** Full control: PE configuration and instruction budget. */
    public static Result launch(CompiledKernel k, PeConfig config, WorkRange range, long budget, Object... args) {
        ArgumentLayout layout = k.layout();
        if (args.length != layout.params().size()) {
            throw new IllegalArgumentException("kernel " + k.name() + " takes " + layout.params().size()
                    + " arguments, found " + args.length);
        }
        int t = config.threads();
        int groupItems = range.groupSize();
        int teams = t / groupItems;
        if (k.teamMode() && teams == 0) {
            throw new IllegalArgumentException("kernel " + k.name() + " uses barriers or @Local arrays, so a work-group of "
                    + groupItems + " items must fit in one PE's " + t + " hardware threads");
        }
        int[] words = new int[PeMemoryMap.KERNEL_ARGS_WORDS];
        for (int d = 0; d < 3; d++) {
            words[ArgumentLayout.GLOBAL_SIZE + d] = range.globalSize(d);
            words[ArgumentLayout.LOCAL_SIZE + d] = range.localSize(d);
            words[ArgumentLayout.NUM_GROUPS + d] = range.groupCount(d);
        }
        words[ArgumentLayout.TOTAL_GROUPS] = range.groupCount();
        words[ArgumentLayout.GROUP_ITEMS] = groupItems;
        words[ArgumentLayout.TEAMS] = Math.max(teams, 1);
        int ctxBytes = PeMemoryMap.MAX_THREADS * 32;
        int stackBytes = ((config.scratchpadBytes() - ctxBytes) / t) & ~15;
        words[ArgumentLayout.STACK_TOP] = PeMemoryMap.SCRATCHPAD_BASE + config.scratchpadBytes();
        words[ArgumentLayout.STACK_BYTES] = stackBytes;
        words[ArgumentLayout.ROWS] = range.globalSize(1) * range.globalSize(2);
        // global memory: every array after its length word
        List<Placed> placed = new ArrayList<>();
        long size = 16;
        for (int i = 0; i < args.length; i++) {
            ArgumentLayout.Slot s = layout.params().get(i);
            if (s.kind() == ArgumentLayout.Kind.ARRAY && args[i] != null) {
                size += 8 + round4(bytesOf(args[i]));
            } else if (s.kind() == ArgumentLayout.Kind.LOCAL_ARRAY) {
                requireArray(k, s, args[i]);
                size += (long) Math.max(teams, 1) * (4 + round4(bytesOf(args[i]))) + 8;
            }
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("kernel arguments need " + size + " bytes of global memory; at most 2 GiB fit");
        }
        ArrayGlobalMemory mem = new ArrayGlobalMemory((int) size);
        int next = 16;
        for (int i = 0; i < args.length; i++) {
            ArgumentLayout.Slot s = layout.params().get(i);
            Object a = args[i];
            switch (s.kind()) {
                case SCALAR -> words[s.word()] = scalar(k, s, a);
                case LONG -> {
                    if (!(a instanceof Long l)) {
                        throw wrongArgument(k, s, a);
                    }
                    words[s.word()] = (int) (long) l;
                    words[s.word() + 1] = (int) (l >>> 32);
                }
                case ARRAY -> {
                    if (a == null) {
                        words[s.word()] = 0;
                        words[s.word() + 1] = 0;
                        break;
                    }
                    requireArray(k, s, a);
                    int len = java.lang.reflect.Array.getLength(a);
                    store(mem, next, len);
                    int addr = next + 4;
                    write(mem, addr, a);
                    placed.add(new Placed(a, addr, elemBytes(a)));
                    words[s.word()] = PeMemoryMap.GLOBAL_BASE + addr;
                    words[s.word() + 1] = len;
                    next = addr + round4(bytesOf(a));
                }
                case LOCAL_ARRAY -> {
                    int len = java.lang.reflect.Array.getLength(a);
                    int stride = 4 + round4(bytesOf(a));
                    for (int team = 0; team < Math.max(teams, 1); team++) {
                        store(mem, next + team * stride, len);
                    }
                    words[s.word()] = PeMemoryMap.GLOBAL_BASE + next + 4;
                    words[s.word() + 1] = stride;
                    words[s.word() + 2] = len;
                    next += Math.max(teams, 1) * stride;
                }
            }
        }
        PeModel pe = new PeModel(config, mem);
        pe.load(ElfFile.parse(k.elf()));
        for (int w = 0; w < words.length; w++) {
            pe.setKernelArg(w, words[w]);
        }
        RunResult r = pe.run(budget);
        if (r.reason() == RunResult.StopReason.BUDGET_EXHAUSTED) {
            throw new IllegalStateException("kernel " + k.name() + " did not finish within " + budget + " instructions");
        }
        for (int th = 0; th < t; th++) {
            RunResult.ThreadResult tr = r.threads().get(th);
            if (tr.status() != ThreadStatus.EXITED || tr.exitCode() != 0) {
                throw new IllegalStateException("kernel " + k.name() + ": hardware thread " + th + " stopped with " + tr.status()
                        + (tr.fault() != null ? " " + tr.fault() : " exit code " + tr.exitCode())
                        + "; a compiled kernel must only end by its exit");
            }
        }
        KernelFailure first = null;
        for (int th = 0; th < t; th++) {
            int ctx = PeMemoryMap.SCRATCHPAD_BASE + 32 * th;
            int site = pe.readWord(ctx);
            if (site != 0) {
                int item = pe.readWord(ctx + 4);
                TrapSites.Site s = k.trapSites().get(site - 1);
                if (first == null || item < first.workItem()) {
                    first = new KernelFailure(s.kind(), s.file(), s.line(), item);
                }
            }
        }
        for (Placed p : placed) {
            read(mem, p.address, p.array);
        }
        return new Result(Optional.ofNullable(first), r.instructions());
    }

    private static int round4(long n) {
        return (int) ((n + 3) & ~3L);
    }

    private static void requireArray(CompiledKernel k, ArgumentLayout.Slot s, Object a) {
        if (a == null || !a.getClass().isArray() || !a.getClass().getComponentType().descriptorString().equals(s.javaType().substring(1))) {
            throw wrongArgument(k, s, a);
        }
    }

    private static IllegalArgumentException wrongArgument(CompiledKernel k, ArgumentLayout.Slot s, Object a) {
        return new IllegalArgumentException("argument " + s.name() + " of kernel " + k.name() + " must be " + s.javaType()
                + (s.kind() == ArgumentLayout.Kind.LOCAL_ARRAY ? " (not null: it gives the @Local array's length)" : "")
                + ", found " + (a == null ? "null" : a.getClass().getSimpleName()));
    }

    private static int scalar(CompiledKernel k, ArgumentLayout.Slot s, Object a) {
        if (a instanceof Integer i && s.javaType().equals("I")) {
            return i;
        } else if (a instanceof Short x && s.javaType().equals("S")) {
            return x;
        } else if (a instanceof Byte x && s.javaType().equals("B")) {
            return x;
        } else if (a instanceof Character x && s.javaType().equals("C")) {
            return x;
        } else if (a instanceof Boolean x && s.javaType().equals("Z")) {
            return x ? 1 : 0;
        }
        throw wrongArgument(k, s, a);
    }

    private static int elemBytes(Object a) {
        if (a instanceof long[]) {
            return 8;
        } else if (a instanceof int[]) {
            return 4;
        } else if (a instanceof short[] || a instanceof char[]) {
            return 2;
        }
        return 1;
    }

    private static long bytesOf(Object a) {
        return (long) java.lang.reflect.Array.getLength(a) * elemBytes(a);
    }

    private static void store(ArrayGlobalMemory m, int off, int v) {
        m.store(off, 4, v);
    }

    private static void write(ArrayGlobalMemory m, int off, Object a) {
        if (a instanceof int[] x) {
            for (int i = 0; i < x.length; i++) {
                m.store(off + 4L * i, 4, x[i]);
            }
        } else if (a instanceof long[] x) {
            for (int i = 0; i < x.length; i++) {
                m.store(off + 8L * i, 4, (int) x[i]);
                m.store(off + 8L * i + 4, 4, (int) (x[i] >>> 32));
            }
        } else if (a instanceof short[] x) {
            for (int i = 0; i < x.length; i++) {
                m.store(off + 2L * i, 2, x[i]);
            }
        } else if (a instanceof char[] x) {
            for (int i = 0; i < x.length; i++) {
                m.store(off + 2L * i, 2, x[i]);
            }
        } else if (a instanceof byte[] x) {
            for (int i = 0; i < x.length; i++) {
                m.store(off + i, 1, x[i]);
            }
        } else if (a instanceof boolean[] x) {
            for (int i = 0; i < x.length; i++) {
                m.store(off + i, 1, x[i] ? 1 : 0);
            }
        }
    }

    private static void read(ArrayGlobalMemory m, int off, Object a) {
        if (a instanceof int[] x) {
            for (int i = 0; i < x.length; i++) {
                x[i] = m.load(off + 4L * i, 4);
            }
        } else if (a instanceof long[] x) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (m.load(off + 8L * i, 4) & 0xffffffffL) | (long) m.load(off + 8L * i + 4, 4) << 32;
            }
        } else if (a instanceof short[] x) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (short) m.load(off + 2L * i, 2);
            }
        } else if (a instanceof char[] x) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (char) m.load(off + 2L * i, 2);
            }
        } else if (a instanceof byte[] x) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (byte) m.load(off + i, 1);
            }
        } else if (a instanceof boolean[] x) {
            for (int i = 0; i < x.length; i++) {
                x[i] = m.load(off + i, 1) != 0;
            }
        }
    }
}
