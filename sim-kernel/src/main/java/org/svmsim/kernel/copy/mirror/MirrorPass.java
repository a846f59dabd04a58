package org.svmsim.kernel.copy.mirror;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.storage.BlockStore;

/**
 * One mirror-mode copy pass over real content: the copier reads a chunk of the source, writes it to the
 * destination, and moves on; guest writes are routed by {@link MirrorRegions}. A write that touches the
 * chunk in flight is held and applied, mirrored, once that chunk is on the destination (the usual design;
 * the exact serialisation in ESXi is not public). Timing-free: callers decide when each step happens.
 */
public final class MirrorPass {
  private final BlockStore source;
  private final BlockStore destination;
  private final MirrorRegions regions;
  private final ArrayDeque<GuestWrite> held = new ArrayDeque<>();
  private final MirrorStats stats = new MirrorStats();
  private BlockStore.Slice buffer;

  /**
   * A guest write: {@code tag} names its content; {@code owner} and {@code issuedAt} are the caller's
   * bookkeeping, carried through a hold untouched (null and 0 when unused).
   */
  public record GuestWrite(long id, long lba, long sectors, long tag, Object owner, long issuedAt) {
    public GuestWrite(long id, long lba, long sectors, long tag) {
      this(id, lba, sectors, tag, null, 0);
    }
  }

  /** A guest write applied to the disks, with the route it took. */
  public record Applied(GuestWrite write, Route route, boolean wasHeld) {}

  public MirrorPass(BlockStore source, BlockStore destination) {
    if (source.capacitySectors() != destination.capacitySectors()) {
      throw new IllegalArgumentException("source has " + source.capacitySectors()
          + " sectors, destination " + destination.capacitySectors());
    }
    this.source = source;
    this.destination = destination;
    this.regions = new MirrorRegions(source.capacitySectors());
  }

  /** Starts copying the next chunk of at most {@code maxSectors}: reads it into the copy buffer. */
  public long beginChunk(long maxSectors) {
    long len = regions.beginChunk(maxSectors);
    if (len > 0) {
      buffer = source.read(regions.chunkStart(), len);
    }
    return len;
  }

  /** {@link #beginChunk}, returning the chunk's content, or null when the pass is done. */
  public BlockStore.Slice beginChunkSlice(long maxSectors) {
    return beginChunk(maxSectors) > 0 ? buffer : null;
  }

  /** The chunk reached the destination; returns the held writes, now applied in arrival order. */
  public List<Applied> finishChunk() {
    if (!regions.inFlight()) {
      throw new IllegalStateException("no chunk in flight");
    }
    destination.write(buffer);
    stats.copiedSectors += buffer.sectors();
    buffer = null;
    regions.chunkCopied();
    if (held.isEmpty()) {
      return List.of();
    }
    List<Applied> released = new ArrayList<>(held.size());
    while (!held.isEmpty()) {
      GuestWrite w = held.poll();
      // The chunk is copied, so nothing is in flight: every held write now routes to a final kind.
      released.add(new Applied(w, apply(w, regions.route(w.lba(), w.sectors())), true));
    }
    return released;
  }

  /**
   * Gives up the pass (the copy failed or was cancelled): the chunk in flight is dropped and every held
   * write goes to the source only, which stays complete. Returns those writes, applied.
   */
  public List<Applied> abandon() {
    buffer = null;
    regions.abandonChunk();
    List<Applied> released = new ArrayList<>(held.size());
    while (!held.isEmpty()) {
      GuestWrite w = held.poll();
      source.write(w.lba(), w.sectors(), w.tag());
      stats.sourceOnly++;
      released.add(new Applied(w, Route.SOURCE, true));
    }
    return released;
  }

  /**
   * Routes and applies a guest write; a write held for the chunk in flight returns {@code null}. A write
   * that overlaps a held write is held behind it, so overlapping writes reach the disks in issue order.
   */
  public Applied write(GuestWrite w) {
    Route route = regions.route(w.lba(), w.sectors());
    if (route.kind() == Route.Kind.WAIT_FOR_CHUNK || overlapsHeld(w)) {
      held.add(w);
      stats.held++;
      return null;
    }
    return new Applied(w, apply(w, route), false);
  }

  private boolean overlapsHeld(GuestWrite w) {
    for (GuestWrite h : held) {
      if (w.lba() < h.lba() + h.sectors() && h.lba() < w.lba() + w.sectors()) {
        return true;
      }
    }
    return false;
  }

  private Route apply(GuestWrite w, Route route) {
    source.write(w.lba(), w.sectors(), w.tag());
    if (route.mirroredSectors() > 0) {
      destination.write(route.mirrorStart(), route.mirroredSectors(), w.tag());
      stats.mirroredSectors += route.mirroredSectors();
    }
    stats.count(route);
    return route;
  }

  public BlockStore source() {
    return source;
  }

  public BlockStore destination() {
    return destination;
  }

  public MirrorRegions regions() {
    return regions;
  }

  public MirrorStats stats() {
    return stats;
  }

  public int heldWrites() {
    return held.size();
  }

  /** Where the two disks first differ, or -1: checked at switchover, never assumed. */
  public long firstDifference() {
    return source.firstDifference(destination);
  }
}
