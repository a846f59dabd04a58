package org.svmsim.bench;

import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ByteStore;

/** The disks a benchmark runs on: kinds of {@link BlockStore} that keep real bytes. */
public enum Store {
  /** Heap memory, 1 MiB segments ({@link ByteStore}). */
  MEMORY {
    @Override
    public BlockStore create(long capacitySectors, long initialTag) {
      return new ByteStore(capacitySectors, initialTag);
    }
  };

  public abstract BlockStore create(long capacitySectors, long initialTag);

  /** A disk whose every sector holds real bytes of {@code tag}: no lazily empty segment flatters a copy. */
  public BlockStore filled(long capacitySectors, long tag) {
    BlockStore disk = create(capacitySectors, tag);
    for (long at = 0; at < capacitySectors; at += 2048) {
      disk.write(at, Math.min(2048, capacitySectors - at), tag);
    }
    return disk;
  }
}
