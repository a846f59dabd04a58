package org.svmsim.kernel.copy.mirror;

/** Counters of one mirror pass, reported by the driver at teardown (one per stripe, summed by the pass). */
public final class MirrorStats {
  long sourceOnly;
  long mirrored;
  long split;
  long held;
  long copiedSectors;
  long mirroredSectors;

  void add(MirrorStats o) {
    sourceOnly += o.sourceOnly;
    mirrored += o.mirrored;
    split += o.split;
    held += o.held;
    copiedSectors += o.copiedSectors;
    mirroredSectors += o.mirroredSectors;
  }

  void count(Route route) {
    switch (route.kind()) {
      case SOURCE_ONLY -> sourceOnly++;
      case MIRRORED -> mirrored++;
      case SPLIT -> split++;
      case WAIT_FOR_CHUNK -> throw new IllegalStateException("a held write is never applied as held");
    }
  }

  public long sourceOnly() {
    return sourceOnly;
  }

  /** Writes that went to both disks in full. */
  public long mirrored() {
    return mirrored;
  }

  /** Writes whose copied part went to both disks. */
  public long split() {
    return split;
  }

  /** Writes that waited for the chunk under copy (they are also counted by their final route). */
  public long held() {
    return held;
  }

  /** Sectors guest writes put on the destination as well as the source. */
  public long mirroredSectors() {
    return mirroredSectors;
  }

  public long copiedSectors() {
    return copiedSectors;
  }
}
