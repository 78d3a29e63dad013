package veneer.runtime;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import veneer.compiler.CompiledKernel;
import veneer.compiler.backend.ArgumentLayout;
import veneer.compiler.launch.DeviceLaunch;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;

/**
 * One launch, start to end: arguments into device memory, the argument block, start, the
 * completion interrupt, the error summary, the arrays and the failure table back, the counters.
 * The memory layout and argument words come from the compiler's {@link DeviceLaunch}, so host
 * and kernel agree on the ABI by construction.
 */
final class KernelLaunch {
  /** Overlay status bits (docs/overlay-array.md, register {@code status}); bit 0: some thread is running. */
  private static final long STATUS_BUSY = 1;
  private static final long STATUS_ERROR = 1 << 2;
  private static final long STATUS_WRITE_ERROR = 1 << 4;

  private final User user;
  private final CompiledKernel kernel;
  private final WorkRange range;
  private final Object[] args;
  private final long timeoutCycles;

  KernelLaunch(User user, CompiledKernel kernel, WorkRange range, Object[] args, long timeoutCycles) {
    this.user = user;
    this.kernel = kernel;
    this.range = range;
    this.args = args;
    this.timeoutCycles = timeoutCycles;
  }

  LaunchResult run() {
    List<ArgumentLayout.Slot> params = kernel.layout().params();
    if (args.length != params.size()) {
      throw new IllegalArgumentException("kernel " + kernel.name() + " takes " + params.size() + " arguments ("
          + names(params) + "), found " + args.length);
    }
    Overlay overlay = user.overlay();
    // The status read that ended this runtime's previous launch already showed the array idle
    // unless something may have started it since (a timeout, a user register write, an image load).
    if (!user.overlayKnownIdle() && (overlay.read("status") & STATUS_BUSY) != 0) {
      throw new IllegalStateException("cannot launch " + kernel.name() + ": the overlay is still running an earlier"
          + " launch; wait for its interrupt (User.awaitInterrupt) or reset the Role (Management.resetRole())");
    }
    Overlay.Shape shape = overlay.shape();
    int[] imem = kernel.imemImage();
    if (imem.length > shape.imemWords()) {
      throw new IllegalArgumentException("kernel " + kernel.name() + " has " + imem.length + " words of code; the overlay's"
          + " instruction memory holds " + shape.imemWords());
    }
    // The array's scratchpad is as large as its IMEM on every platform (ArrayConfig); the shape register gives the latter.
    DeviceLaunch plan = DeviceLaunch.of(kernel, range, shape.pes(), shape.threads(), 4 * shape.imemWords());

    List<Buffer> temporary = new ArrayList<>();
    try {
      Object[] planArgs = new Object[args.length];
      long[] at = new long[args.length];
      Buffer[] copies = new Buffer[args.length];
      for (int i = 0; i < args.length; i++) {
        Object a = args[i];
        ArgumentLayout.Slot s = params.get(i);
        if (a instanceof DeviceArray d) {
          if (s.kind() != ArgumentLayout.Kind.ARRAY) {
            throw new IllegalArgumentException("argument " + s.name() + " of kernel " + kernel.name() + " is "
                + (s.kind() == ArgumentLayout.Kind.LOCAL_ARRAY ? "a @Local array: pass a Java array of its length" : "a scalar")
                + ", found a DeviceArray");
          }
          requireOpen(s, d);
          planArgs[i] = Array.newInstance(d.componentType(), 0); // type check only; the length is patched below
          at[i] = DeviceLaunch.peAddress(d.buffer().address());
        } else if (a instanceof Buffer) {
          throw new IllegalArgumentException("argument " + s.name() + " of kernel " + kernel.name() + ": expected a Java array"
              + " or a DeviceArray (an array with its length word), found a raw Buffer");
        } else {
          planArgs[i] = a;
          int bytes = plan.imageBytes(i, a);
          if (bytes > 0) {
            Buffer allocation = DeviceArray.lineAligned(user, bytes);
            temporary.add(allocation);
            Buffer b = allocation.slice(DeviceArray.LEAD_BYTES, bytes);
            b.write(0, plan.image(i, a));
            copies[i] = b;
            at[i] = DeviceLaunch.peAddress(b.address());
          }
        }
      }
      Buffer table = user.allocate(plan.failureTableBytes());
      temporary.add(table);
      int[] words = plan.argumentWords(DeviceLaunch.peAddress(table.address()), planArgs, at);
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof DeviceArray d) {
          words[params.get(i).word() + 1] = d.length();
        }
      }

      user.ensureLoaded(kernel, imem);
      overlay.writeArguments(words);
      overlay.write("entry_pc", kernel.entryPc());
      overlay.write("global_size", 0); // compiled kernels split the range by PE id themselves (no dispatcher)
      overlay.write("local_size", 1);
      user.overlayStarting();
      overlay.write("control", 1);
      // A launch that timed out raises its done interrupt when it ends, and a caller who did not
      // wait for it leaves that message queued: a message with the array still busy is such a
      // stale one, and the wait goes on within the same budget.
      long waited = 0;
      long status;
      do {
        long w = user.link().awaitRoleInterrupt(Overlay.DONE_LINE, timeoutCycles - waited);
        if (w < 0) {
          user.forgetLoaded();
          throw new LaunchTimeoutException(kernel.name(), timeoutCycles);
        }
        waited += w;
        status = overlay.read("status");
      } while ((status & STATUS_BUSY) != 0);
      user.overlaySeenIdle();
      if ((status & STATUS_ERROR) != 0) {
        throw fault(overlay);
      }
      if ((status & STATUS_WRITE_ERROR) != 0) {
        throw new MemoryWriteException(kernel.name());
      }
      for (int i = 0; i < args.length; i++) {
        if (copies[i] != null) {
          plan.readBack(i, copies[i].read(), args[i]);
        }
      }
      Optional<KernelFailure> failure = plan.failure(table.readInts(0, plan.failureTableBytes() / 4));
      if (failure.isPresent()) {
        throw new KernelException(kernel.name(), failure.get());
      }
      return new LaunchResult(kernel.name(), range, profile(overlay, waited));
    } finally {
      for (Buffer b : temporary) {
        b.close();
      }
    }
  }

  private void requireOpen(ArgumentLayout.Slot s, DeviceArray d) {
    if (d.buffer().isClosed()) {
      throw new IllegalArgumentException("argument " + s.name() + " of kernel " + kernel.name() + ": the DeviceArray was closed");
    }
  }

  private ThreadFaultException fault(Overlay overlay) {
    long where = overlay.read("error_where");
    long cause = overlay.read("error_cause");
    return new ThreadFaultException(kernel.name(), (int) (where >>> 8 & 0xFF), (int) (where & 0xFF),
        (cause >>> 8 & 0b111) == 3, (int) (cause & 0x1F), overlay.read("error_pc"), overlay.read("error_value"),
        (int) overlay.read("error_count"));
  }

  private static Profile profile(Overlay o, long waited) {
    return new Profile(o.counter("cycles"), waited, o.counter("sum_retired"), o.counter("sum_stall_memory"),
        o.counter("sum_stall_divide"), o.counter("sum_stall_pipeline"), o.counter("sum_stall_writeback"),
        o.counter("mem_line_reads"), o.counter("mem_line_writes"));
  }

  private static String names(List<ArgumentLayout.Slot> params) {
    List<String> n = new ArrayList<>();
    for (ArgumentLayout.Slot s : params) {
      n.add(s.name());
    }
    return String.join(", ", n);
  }
}
