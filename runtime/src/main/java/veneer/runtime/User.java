package veneer.runtime;

import java.util.Objects;
import veneer.compiler.CompileOptions;
import veneer.compiler.CompiledKernel;
import veneer.compiler.KernelCompiler;
import veneer.runtime.link.Link;

/**
 * The user function (PF1): device buffers, kernels on the overlay, the active Role's control
 * registers, and requests to the management side for an image. It can never load an image
 * itself.
 *
 * <pre>{@code
 * User user = dev.user();
 * KernelHandle add = user.kernel(VectorAdd.class, "add");
 * add.launch(WorkRange.of(n), a, b, c);                      // Java arrays: copied in and out
 * try (DeviceArray d = user.array(a)) { ... }                // or kept on the device
 * user.write32(0x00, 1);                                     // an RTL Role's register
 * ImageDecision d = user.requestImage(bytes);                // management decides
 * }</pre>
 */
public final class User {
  /** The user physical function. */
  public static final int FUNCTION = 1;
  private final Link link;
  private final Management management;
  private final Overlay overlay;
  private DeviceMemory memory;
  private CompiledKernel loadedKernel;
  private int loadedAtImage = -1;
  /** The image load at whose Role this runtime last read the array idle, with no start since; -1 if unknown. */
  private int idleAtImage = -1;

  User(Link link, Management management) {
    this.link = link;
    this.management = management;
    this.overlay = new Overlay(link);
  }

  /** Reads the Role register at byte {@code offset}. */
  public long read32(long offset) {
    return link.mmioRead(FUNCTION, 0, offset);
  }

  /** Writes the low 32 bits of {@code value} to the Role register at byte {@code offset}. */
  public void write32(long offset, long value) {
    overlayStarting(); // the write may be the array's start register: its state is no longer known
    link.mmioWrite(FUNCTION, 0, offset, value & 0xFFFF_FFFFL);
  }

  /**
   * Waits for Role interrupt line {@code line} (an MSI-X message of this function); returns the
   * device cycles waited, or -1 when {@code maxCycles} passed first.
   */
  public long awaitInterrupt(int line, long maxCycles) {
    return link.awaitRoleInterrupt(line, maxCycles);
  }

  /** The device memory this function allocates buffers from. */
  public synchronized DeviceMemory memory() {
    if (memory == null) {
      memory = new DeviceMemory(link.deviceMemoryBytes());
    }
    return memory;
  }

  /** A new buffer of {@code bytes} bytes of device DRAM (contents undefined); close it to free it. */
  public Buffer allocate(long bytes) {
    return Buffer.allocate(link, memory(), bytes);
  }

  /** A device copy of a Java kernel array ({@code int[]}, {@code long[]}, ...). */
  public DeviceArray array(Object javaArray) {
    return DeviceArray.of(this, javaArray);
  }

  /** A zero-filled device array of {@code length} elements of {@code component} ({@code int.class}, ...). */
  public DeviceArray array(Class<?> component, int length) {
    return DeviceArray.allocate(this, component, length);
  }

  /** Compiles the {@code @Kernel} method {@code method} of {@code owner} for the overlay. */
  public KernelHandle kernel(Class<?> owner, String method) {
    long t0 = System.nanoTime();
    CompiledKernel k = KernelCompiler.compile(owner, method, CompileOptions.defaults());
    return new KernelHandle(this, k, System.nanoTime() - t0, KernelHandle.DEFAULT_TIMEOUT_CYCLES);
  }

  /** A kernel compiled elsewhere (for example with other {@link CompileOptions}). */
  public KernelHandle kernel(CompiledKernel compiled) {
    return new KernelHandle(this, Objects.requireNonNull(compiled, "compiled"), 0, KernelHandle.DEFAULT_TIMEOUT_CYCLES);
  }

  /**
   * Asks the management side to load {@code imageFile}. The management function verifies it
   * with its own trust store and rollback policy and applies its {@link ImagePolicy}; nothing
   * reaches the configuration port unless it accepts.
   */
  public ImageDecision requestImage(byte[] imageFile) {
    return management.handleUserRequest(Objects.requireNonNull(imageFile, "imageFile").clone());
  }

  Link link() {
    return link;
  }

  Overlay overlay() {
    return overlay;
  }

  /** Writes {@code imem} into every PE's IMEM unless {@code k} is already there since the last image load. */
  synchronized void ensureLoaded(CompiledKernel k, int[] imem) {
    if (loadedKernel == k && loadedAtImage == management.loads()) {
      return;
    }
    loadedKernel = null;
    overlay.loadImem(imem);
    loadedKernel = k;
    loadedAtImage = management.loads();
  }

  /**
   * True when the array was last read idle by this runtime, at the Role of the current image,
   * and nothing could have started it since: then a launch need not read {@code status} again.
   */
  synchronized boolean overlayKnownIdle() {
    return idleAtImage >= 0 && idleAtImage == management.loads();
  }

  /** The array was just read idle ({@code status} busy bit clear). */
  synchronized void overlaySeenIdle() {
    idleAtImage = management.loads();
  }

  /** Something is about to write the array's registers (a start, or a user write): its state becomes unknown. */
  synchronized void overlayStarting() {
    idleAtImage = -1;
  }

  /** After a launch that may still run, IMEM may not be written; load it again next time. */
  synchronized void forgetLoaded() {
    loadedKernel = null;
  }
}
