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

  /** A guest write: {@code tag} names its content. */
  public record GuestWrite(long id, long lba, long sectors, long tag) {}

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

  /** The chunk reached the destination; returns the held writes, now applied in arrival order. */
  public List<Applied> finishChunk() {
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
      released.add(new Applied(w, apply(w, regions.route(w.lba(), w.sectors())), true));
    }
    return released;
  }

  /** Routes and applies a guest write; a write held for the chunk in flight returns {@code null}. */
  public Applied write(GuestWrite w) {
    Route route = regions.route(w.lba(), w.sectors());
    if (route.kind() == Route.Kind.WAIT_FOR_CHUNK) {
      held.add(w);
      stats.held++;
      return null;
    }
    return new Applied(w, apply(w, route), false);
  }

  private Route apply(GuestWrite w, Route route) {
    source.write(w.lba(), w.sectors(), w.tag());
    if (route.mirroredSectors() > 0) {
      destination.write(route.mirrorStart(), route.mirroredSectors(), w.tag());
    }
    stats.count(route);
    return route;
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
