package veneer.cli;

import static veneer.kernel.WorkItem.globalId;

import veneer.kernel.Kernel;

/**
 * The tiny kernel whose launches {@code bench e2e} counts: one work-item adds one to a counter
 * that stays on the device, so after {@code n} launches the counter reads {@code n} and proves
 * every launch ran.
 */
final class LaunchCounter {
  private LaunchCounter() {}

  @Kernel
  static void count(int[] counter) {
    counter[globalId(0)] += 1;
  }
}
