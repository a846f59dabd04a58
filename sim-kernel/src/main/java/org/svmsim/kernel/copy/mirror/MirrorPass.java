package org.svmsim.kernel.copy.mirror;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.svmsim.kernel.copy.RegionLocks;
import org.svmsim.kernel.storage.BlockStore;

/**
 * One mirror-mode copy pass over real content: the copier copies a chunk of the source to the destination,
 * and moves on; guest writes are routed by {@link MirrorRegions}. A write that touches the
 * chunk in flight is held and applied, mirrored, once that chunk is on the destination (the usual design;
 * the exact serialisation in ESXi is not public). Timing-free: callers decide when each step happens.
 *
 * <p>Threads: one copier ({@link #beginChunk}, {@link #finishChunk}, {@link #abandon}) and any number of
 * guest writers ({@link #write}) may call at once. Shared state is guarded by {@link RegionLocks}, striped
 * by region: a writer holds the stripes of its sectors while it routes and applies (so overlapping writes
 * reach both disks in the same order), and keeps its held writes and its counters in those stripes (so
 * finding whether a write overlaps a held one looks at its own stripes only, never at every held write).
 * The copier takes every stripe only for the two instants it moves the cursor: when a chunk starts (every
 * write touching it is held from that instant on) and when it lands (then applies the held writes, in
 * arrival order, before any later write to their sectors can pass). In between, without locks, the chunk
 * is copied from the source to the destination in one bulk copy ({@link BlockStore#copyTo}): no write
 * reaches the chunk on either disk while it is in flight, so what lands is the chunk as it was when it
 * started, moved once, with no copy buffer in between.
 *
 * <p>Why a write keeps its stripes even with no chunk in flight (unlike dirty-block tracking, whose writes
 * take no lock): nothing here copies a block twice, so no race may be left for a later pass to repair. A
 * write routed to the source only must be over before the copier starts a chunk over its sectors (else
 * that chunk could copy the old bytes, for good), and a chunk can start at any instant; two overlapping
 * mirrored writes must reach both disks in the same order (else the disks end different, though each is
 * a valid outcome for the guest), which only something they both take can ensure. A stripe is one
 * compare-and-set and one release store ({@link RegionLocks}), within the 2x target. A lock-free variant
 * would need a writer to re-read the cursor after its source write (behind a fence) and mirror again when
 * a chunk overtook it, plus an order between overlapping mirrored writes: not done.
 */
public final class MirrorPass {
  private final BlockStore source;
  private final BlockStore destination;
  private final MirrorRegions regions;
  private final RegionLocks locks;
  private final Stripe[] stripes;
  private final AtomicLong arrivals = new AtomicLong();
  private long copiedSectors;

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

  /** A held write, its completion handle, and its place in arrival order. */
  private record Held(long arrival, GuestWrite write, Consumer<Applied> whenApplied, long stripes) {}

  /** One stripe's share of the pass: the held writes touching its regions and its writers' counters. */
  private static final class Stripe {
    final List<Held> held = new ArrayList<>(0);
    final MirrorStats stats = new MirrorStats();
  }

  public MirrorPass(BlockStore source, BlockStore destination) {
    this(source, destination, new RegionLocks());
  }

  public MirrorPass(BlockStore source, BlockStore destination, RegionLocks locks) {
    if (source.capacitySectors() != destination.capacitySectors()) {
      throw new IllegalArgumentException("source has " + source.capacitySectors()
          + " sectors, destination " + destination.capacitySectors());
    }
    this.source = source;
    this.destination = destination;
    this.regions = new MirrorRegions(source.capacitySectors());
    this.locks = locks;
    this.stripes = new Stripe[locks.stripes()];
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Stripe();
    }
  }

  /**
   * Starts copying the next chunk of at most {@code maxSectors}: from now on every write touching it is
   * held. Returns its length, 0 when the pass is done.
   */
  public long beginChunk(long maxSectors) {
    long all = locks.lockAll();
    try {
      return regions.beginChunk(maxSectors);
    } finally {
      locks.unlock(all);
    }
  }

  /**
   * {@link #beginChunk}, returning the chunk's place ({@link BlockStore.Slice#extent}: its content moves when
   * it lands), or null when the pass is done.
   */
  public BlockStore.Slice beginChunkSlice(long maxSectors) {
    long len = beginChunk(maxSectors);
    return len > 0 ? BlockStore.Slice.extent(regions.chunkStart(), len) : null;
  }

  /**
   * The chunk reaches the destination (copied now, source to destination); the held writes are applied,
   * mirrored, in arrival order, then each one's completion handle is called, in the copier's thread.
   * Returns them.
   */
  public List<Applied> finishChunk() {
    if (!regions.inFlight()) {
      throw new IllegalStateException("no chunk in flight");
    }
    long start = regions.chunkStart();
    long len = regions.chunkEnd() - start;
    source.copyTo(start, len, destination);
    copiedSectors += len;
    List<Held> held;
    List<Applied> released;
    long all = locks.lockAll();
    try {
      regions.chunkCopied();
      held = takeHeld();
      released = new ArrayList<>(held.size());
      for (Held h : held) {
        // The chunk is copied, so nothing is in flight: every held write now routes to a final kind.
        GuestWrite w = h.write();
        released.add(new Applied(w, apply(w, regions.route(w.lba(), w.sectors()), h.stripes()), true));
      }
    } finally {
      locks.unlock(all);
    }
    complete(held, released);
    return released;
  }

  /**
   * Gives up the pass (the copy failed or was cancelled): the chunk in flight is dropped and every held
   * write goes to the source only, which stays complete. Returns those writes, applied, after calling their
   * completion handles.
   */
  public List<Applied> abandon() {
    List<Held> held;
    List<Applied> released;
    long all = locks.lockAll();
    try {
      regions.abandonChunk();
      held = takeHeld();
      released = new ArrayList<>(held.size());
      for (Held h : held) {
        GuestWrite w = h.write();
        source.write(w.lba(), w.sectors(), w.tag());
        stripeStats(h.stripes()).sourceOnly++;
        released.add(new Applied(w, Route.SOURCE, true));
      }
    } finally {
      locks.unlock(all);
    }
    complete(held, released);
    return released;
  }

  /**
   * Routes and applies a guest write. {@code whenApplied} is its completion handle, called exactly once:
   * at once, in the caller's thread, when the write is applied now (returns true), or when the chunk it
   * waits for lands, in the copier's thread (returns false: held). A write that overlaps a held write is
   * held behind it, so overlapping writes reach the disks in issue order.
   */
  public boolean write(GuestWrite w, Consumer<Applied> whenApplied) {
    long bits = locks.lock(w.lba(), w.sectors());
    Applied applied;
    try {
      Route route = regions.route(w.lba(), w.sectors());
      if (route.kind() == Route.Kind.WAIT_FOR_CHUNK || overlapsHeld(w, bits)) {
        Held h = new Held(arrivals.incrementAndGet(), w, whenApplied, bits);
        for (long b = bits; b != 0; b &= b - 1) {
          stripes[Long.numberOfTrailingZeros(b)].held.add(h);
        }
        stripeStats(bits).held++;
        return false;
      }
      applied = new Applied(w, apply(w, route, bits), false);
    } finally {
      locks.unlock(bits);
    }
    whenApplied.accept(applied);
    return true;
  }

  /** Called with the stripes of {@code w} locked: only their held writes can overlap it. */
  private boolean overlapsHeld(GuestWrite w, long bits) {
    for (long b = bits; b != 0; b &= b - 1) {
      for (Held h : stripes[Long.numberOfTrailingZeros(b)].held) {
        GuestWrite o = h.write();
        if (w.lba() < o.lba() + o.sectors() && o.lba() < w.lba() + w.sectors()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Called with every stripe locked: the held writes, each once, in arrival order; the stripes are emptied. */
  private List<Held> takeHeld() {
    IdentityHashMap<Held, Boolean> seen = null;
    List<Held> out = List.of();
    for (Stripe s : stripes) {
      if (s.held.isEmpty()) {
        continue;
      }
      if (seen == null) {
        seen = new IdentityHashMap<>();
        out = new ArrayList<>();
      }
      for (Held h : s.held) {
        if (seen.put(h, Boolean.TRUE) == null) {
          out.add(h);
        }
      }
      s.held.clear();
    }
    if (out.size() > 1) {
      out.sort(Comparator.comparingLong(Held::arrival));
    }
    return out;
  }

  private static void complete(List<Held> held, List<Applied> released) {
    for (int i = 0; i < held.size(); i++) {
      held.get(i).whenApplied().accept(released.get(i));
    }
  }

  /** Called with the write's stripes locked. */
  private Route apply(GuestWrite w, Route route, long bits) {
    source.write(w.lba(), w.sectors(), w.tag());
    MirrorStats stats = stripeStats(bits);
    if (route.mirroredSectors() > 0) {
      destination.write(route.mirrorStart(), route.mirroredSectors(), w.tag());
      stats.mirroredSectors += route.mirroredSectors();
    }
    stats.count(route);
    return route;
  }

  /** A write's counters live in the lowest of its stripes, which it holds. */
  private MirrorStats stripeStats(long bits) {
    return stripes[Long.numberOfTrailingZeros(bits)].stats;
  }

  public BlockStore source() {
    return source;
  }

  public BlockStore destination() {
    return destination;
  }

  /** The copy cursor: read it from the copier's thread (or with nothing running). */
  public MirrorRegions regions() {
    return regions;
  }

  /** The pass's counters, summed over the stripes: exact once nothing runs, a recent view otherwise. */
  public MirrorStats stats() {
    MirrorStats sum = new MirrorStats();
    for (Stripe s : stripes) {
      sum.add(s.stats);
    }
    sum.copiedSectors = copiedSectors;
    return sum;
  }

  /** Writes held right now; read it from the copier's thread (or with nothing running). */
  public int heldWrites() {
    long all = locks.lockAll();
    try {
      IdentityHashMap<Held, Boolean> seen = new IdentityHashMap<>();
      for (Stripe s : stripes) {
        for (Held h : s.held) {
          seen.put(h, Boolean.TRUE);
        }
      }
      return seen.size();
    } finally {
      locks.unlock(all);
    }
  }

  /** Where the two disks first differ, or -1: checked at switchover, never assumed. */
  public long firstDifference() {
    return source.firstDifference(destination);
  }
}
