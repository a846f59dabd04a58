package org.svmsim.kernel.copy;

import java.util.function.LongFunction;
import org.svmsim.kernel.storage.BlockStore;

/**
 * What one copy pass copies, chunk by chunk, and what each method does as a chunk lands: the mirror
 * releases the writes it held, dirty block tracking only moves on, snapshot consolidation copies grains.
 * Clock-free: the kernel's {@link CopyJobs} decides when each step happens, JMH may drive it directly.
 */
public interface CopyPlan {
  /** Sectors this pass will copy in all, for progress. */
  long sectors();

  /**
   * Reads the next chunk, of at most {@code maxSectors} contiguous sectors, into the copier's buffer; null
   * when the pass has nothing left. The content is taken now: later writes do not change it.
   */
  BlockStore.Slice next(long maxSectors);

  /** The chunk last returned by {@link #next} is on the destination. */
  void landed(BlockStore.Slice chunk);

  /** The pass is given up with a chunk maybe in flight: the source stays as it is. */
  void abandon();

  /** A plan of {@code sectors} whose steps are the given functions. */
  static CopyPlan of(long sectors, LongFunction<BlockStore.Slice> next, Runnable landed,
      Runnable abandon) {
    return new CopyPlan() {
      @Override
      public long sectors() {
        return sectors;
      }

      @Override
      public BlockStore.Slice next(long maxSectors) {
        return next.apply(maxSectors);
      }

      @Override
      public void landed(BlockStore.Slice chunk) {
        landed.run();
      }

      @Override
      public void abandon() {
        abandon.run();
      }
    };
  }
}
