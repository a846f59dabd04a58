package org.svmsim.kernel.copy.snapshot;

import org.svmsim.kernel.storage.BlockStore;

/**
 * One child redo log ({@code <vm>-000001-delta.vmdk}): the grains the guest wrote since it was created.
 * Its content is kept in a store of the disk's size, addressed by disk sector (sparse for an
 * {@code ExtentStore}); the {@link GrainMap} says which grains it holds and in what order a sparse extent
 * would have appended them, so {@link #bytes()} is the delta file's data size.
 */
public final class RedoLog {
  private final int number;
  private final long grainSectors;
  private final BlockStore content;
  private final GrainMap grains;

  RedoLog(int number, long grainSectors, BlockStore content) {
    this.number = number;
    this.grainSectors = grainSectors;
    this.content = content;
    this.grains = new GrainMap((content.capacitySectors() + grainSectors - 1) / grainSectors);
  }

  /** 1 for {@code -000001-delta.vmdk}, and so on up the chain. */
  public int number() {
    return number;
  }

  public boolean holds(long grain) {
    return grains.allocated(grain);
  }

  public GrainMap grains() {
    return grains;
  }

  public BlockStore content() {
    return content;
  }

  public long grainSectors() {
    return grainSectors;
  }

  /** The sectors of grains {@code [from, to)} on the disk, the last grain clipped to its end. */
  public long sectorsOf(long from, long to) {
    return Math.min(content.capacitySectors(), to * grainSectors) - from * grainSectors;
  }

  /** The grains' data in bytes (the delta's size without its metadata). */
  public long bytes() {
    long full = (long) grains.count() * grainSectors;
    long last = grains.grains() - 1;
    long tail = grains.grains() * grainSectors - content.capacitySectors();
    return (grains.allocated(last) ? full - tail : full) * BlockStore.SECTOR;
  }
}
