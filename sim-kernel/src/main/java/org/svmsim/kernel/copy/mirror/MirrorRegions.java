package org.svmsim.kernel.copy.mirror;

/**
 * The mirror's view of the one copy pass, and the whole of its routing decision: sectors below the
 * cursor are on the destination, the chunk in flight is being copied, the rest is not copied yet. No
 * clock, no queue: the simulator and the JMH benchmarks run this same code.
 */
public final class MirrorRegions {
  private final long capacity;
  private long copiedUpTo;
  private long chunkEnd = -1;

  public MirrorRegions(long capacitySectors) {
    if (capacitySectors <= 0) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacitySectors);
    }
    this.capacity = capacitySectors;
  }

  /** Marks the next chunk of at most {@code maxSectors} as in flight; returns its length, 0 when done. */
  public long beginChunk(long maxSectors) {
    if (chunkEnd >= 0) {
      throw new IllegalStateException("chunk [" + copiedUpTo + ", " + chunkEnd + ") is still in flight");
    }
    long len = Math.min(maxSectors, capacity - copiedUpTo);
    if (len > 0) {
      chunkEnd = copiedUpTo + len;
    }
    return len;
  }

  /** The chunk in flight is on the destination: the cursor moves past it. */
  public void chunkCopied() {
    if (chunkEnd < 0) {
      throw new IllegalStateException("no chunk in flight");
    }
    copiedUpTo = chunkEnd;
    chunkEnd = -1;
  }

  /** Forgets the chunk in flight without moving the cursor (the copy was given up). */
  public void abandonChunk() {
    chunkEnd = -1;
  }

  /** Routes a guest write of {@code sectors} sectors at {@code lba}. */
  public Route route(long lba, long sectors) {
    long end = lba + sectors;
    if (lba < 0 || sectors <= 0 || end > capacity) {
      throw new IndexOutOfBoundsException(
          "write [" + lba + ", " + end + ") outside a disk of " + capacity + " sectors");
    }
    if (chunkEnd >= 0 && lba < chunkEnd && end > copiedUpTo) {
      return Route.WAIT;
    }
    if (lba >= copiedUpTo) {
      return Route.SOURCE;
    }
    return end <= copiedUpTo
        ? new Route(Route.Kind.MIRRORED, lba, end)
        : new Route(Route.Kind.SPLIT, lba, copiedUpTo);
  }

  public long copiedUpTo() {
    return copiedUpTo;
  }

  public long chunkStart() {
    return chunkEnd < 0 ? -1 : copiedUpTo;
  }

  public long chunkEnd() {
    return chunkEnd;
  }

  public boolean inFlight() {
    return chunkEnd >= 0;
  }

  public boolean complete() {
    return copiedUpTo == capacity;
  }

  public long capacity() {
    return capacity;
  }
}
