package org.svmsim.kernel.copy;

import org.svmsim.kernel.storage.BlockStore;

/**
 * The copier's buffer for the methods whose source may change while a chunk is in flight (DBT, the
 * snapshot's consolidation): at most one chunk, read at its start (a {@link BlockStore.Slice}: later
 * writes do not change it) and written to the destination when it lands, with the sectors landed this pass
 * and in all. The mirror needs none: it holds the writes to its chunk and copies it in place.
 * Owned by the copier's thread.
 */
public final class ChunkBuffer {
  private BlockStore.Slice chunk;
  private long passSectors;
  private long totalSectors;

  /** Throws unless no chunk is in flight: a copier starts the next chunk only once the last one landed. */
  public void checkEmpty() {
    if (chunk != null) {
      throw new IllegalStateException("chunk [" + chunk.lba() + ", " + (chunk.lba() + chunk.sectors())
          + ") is still in flight");
    }
  }

  /** A chunk just read is in flight. */
  public void hold(BlockStore.Slice read) {
    checkEmpty();
    chunk = read;
  }

  /** The chunk in flight lands on {@code destination}; returns its length in sectors. */
  public long land(BlockStore destination) {
    if (chunk == null) {
      throw new IllegalStateException("no chunk in flight");
    }
    destination.write(chunk);
    long sectors = chunk.sectors();
    passSectors += sectors;
    totalSectors += sectors;
    chunk = null;
    return sectors;
  }

  /** The chunk in flight, if any, is dropped (the copy was given up). */
  public void drop() {
    chunk = null;
  }

  /** A new pass (round) begins: its count of landed sectors starts at zero. */
  public void newPass() {
    passSectors = 0;
  }

  /** The chunk in flight, or null. */
  public BlockStore.Slice inFlight() {
    return chunk;
  }

  public boolean isEmpty() {
    return chunk == null;
  }

  /** Sectors of the chunk in flight, 0 when none is. */
  public long inFlightSectors() {
    return chunk == null ? 0 : chunk.sectors();
  }

  /** Sectors landed in this pass. */
  public long passSectors() {
    return passSectors;
  }

  /** Sectors landed in all passes. */
  public long totalSectors() {
    return totalSectors;
  }
}
