package org.svmsim.kernel.copy.dbt;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.copy.ChunkBuffer;
import org.svmsim.kernel.storage.BlockStore;

/**
 * A dirty-block-tracking copy over real content, all its passes: the first copies the whole disk, each later
 * one the blocks the guest dirtied during the one before, and the last, with the VM stunned, what is left.
 * Guest writes always land on the source (which so stays complete whatever happens) and mark their blocks
 * in a {@link ChangeBitmap}; nothing is ever held. A write to the chunk being copied is marked too, so the
 * next pass carries it: the chunk was read before the write. Every write is marked, even one to a block the
 * current pass has still to copy (the tracker does not know where the copier is), as a change bitmap does.
 * Timing-free: callers decide when each step happens.
 *
 * <p>Threads, and why no lock: one copier thread owns the pass state (cursor, current set, buffer) and any
 * number of guest writers call {@link #write} at once. A writer writes the source, then marks its blocks in
 * the shared dirty bitmap ({@link ChangeBitmap#markWritten}: lock-free, and in the hot case, a block written
 * again, no atomic update at all); the copier takes the dirty set word by word atomically
 * ({@link ChangeBitmap#moveTo}) at each pass boundary, before any read of that pass. Mark-after-write and
 * take-before-read make every race harmless: a write that lands while the copier reads its blocks (the
 * copy may even be torn, part old and part new bytes) is marked after it landed, so its mark is in a set
 * taken after that read, and its blocks are copied again, then or at the stunned final pass, which waits
 * for the writes in flight. A copy of old content is never the last. Hence no region lock on either side:
 *
 * <ul>
 *   <li>Against the copier, a lock would only keep its reads untorn, and a torn read is re-copied anyway:
 *       the copier reads with {@link BlockStore#readForCopy}, which does not verify the bytes it hands
 *       over (the final comparison does).
 *   <li>Between guest writers: writes to disjoint sectors need nothing (the stores allow them at once);
 *       the order of two overlapping writes in flight together is the guest's business, as on a real
 *       disk, and the plain path does not order them either. Whatever the source holds once both landed
 *       is what the next pass copies: both marked their blocks after landing.
 * </ul>
 *
 * <p>So the stores must allow a read and a write of the same sectors at once (returning any mix of old
 * and new bytes, never breaking): the stores of real bytes do; {@code ExtentStore}, the simulation's, is
 * for one thread, and in the simulation everything runs on the event loop's thread in event order.
 */
public final class DbtCopy {
  private final BlockStore source;
  private final BlockStore destination;
  private final DbtPolicy policy;
  private final ChangeBitmap current; // the set this pass copies: the copier's own
  private final ChangeBitmap dirty; // marked by guest writes during this pass: shared
  private final ChangeBitmap repeats; // blocks written twice this pass, when hot blocks are deferred: shared
  private final ChangeBitmap hot; // the repeats of a finished pass: the copier's own
  private final ChangeBitmap deferred; // null without hot-block deferral
  private final List<PassEnd> passes = new ArrayList<>();
  private int pass = 1;
  private volatile boolean stunned;
  private volatile boolean done;
  private int stalls;
  private long cursor; // sector: everything of the current set below it is copied or in flight
  private final ChunkBuffer buffer = new ChunkBuffer();

  /** What comes after a pass. */
  public enum Next {
    /** Another unstunned pass over the blocks dirtied during this one. */
    PASS,
    /** The dirty set is under the threshold: stun, then {@link #beginFinalPass}. */
    FINAL,
    /** The passes did not converge and the policy says force: stun and copy everything left anyway. */
    FORCED_FINAL,
    /** The passes did not converge and the policy says fail: the VM stays on the source. */
    FAIL,
    /** The final pass is done: the destination equals the source. */
    DONE
  }

  /**
   * One finished pass: its number (1 is the whole disk; the final pass has its own number), what it copied,
   * what the guest dirtied meanwhile (the next pass's set, hot blocks excluded), what is deferred in all.
   */
  public record PassEnd(int pass, boolean stunned, long copiedBytes, long dirtyBytes, long deferredBytes,
      Next next) {}

  public DbtCopy(BlockStore source, BlockStore destination, DbtPolicy policy) {
    if (source.capacitySectors() != destination.capacitySectors()) {
      throw new IllegalArgumentException("source has " + source.capacitySectors()
          + " sectors, destination " + destination.capacitySectors());
    }
    this.source = source;
    this.destination = destination;
    this.policy = policy;
    long capacity = source.capacitySectors();
    this.current = new ChangeBitmap(capacity, policy.blockSectors());
    this.current.set(0, current.blocks());
    this.dirty = new ChangeBitmap(capacity, policy.blockSectors());
    this.repeats = policy.deferHotBlocks() ? new ChangeBitmap(capacity, policy.blockSectors()) : null;
    this.hot = policy.deferHotBlocks() ? new ChangeBitmap(capacity, policy.blockSectors()) : null;
    this.deferred = policy.deferHotBlocks() ? new ChangeBitmap(capacity, policy.blockSectors()) : null;
  }

  /**
   * Reads the next piece of this pass's set, at most {@code maxSectors} within one run of dirty blocks,
   * into the copy buffer; returns its length, 0 when the pass has nothing left (then {@link #endPass}).
   */
  public long beginChunk(long maxSectors) {
    buffer.checkEmpty();
    if (done || maxSectors <= 0 || cursor >= source.capacitySectors()) {
      return 0;
    }
    long bs = policy.blockSectors();
    long block = current.nextSet(cursor / bs);
    if (block < 0) {
      cursor = source.capacitySectors();
      return 0;
    }
    long start = Math.max(cursor, block * bs);
    long reach = (Math.max(cursor, block * bs) + maxSectors + bs - 1) / bs; // no need to look further
    long runEnd = Math.min(source.capacitySectors(), current.nextClear(block, reach) * bs);
    long len = Math.min(maxSectors, runEnd - start);
    buffer.hold(source.readForCopy(start, len)); // may race a write: that write marks its blocks again
    cursor = start + len;
    return len;
  }

  /** The chunk in flight reached the destination. */
  public void finishChunk() {
    buffer.land(destination);
  }

  /** Gives up the copy (failed or cancelled): the chunk in flight is dropped; the source is complete. */
  public void abandon() {
    buffer.drop();
    done = true;
  }

  /**
   * A guest write: applied to the source, its blocks marked dirty. Returns how many blocks it newly dirtied,
   * what the bitmap update cost. A stunned VM issues no writes. Safe from any number of threads.
   */
  public long write(long lba, long sectors, long tag) {
    if (stunned || done) {
      throw new IllegalStateException(stunned ? "the VM is stunned for the final pass: no guest write"
          : "the copy is over: write the disk the VM runs on");
    }
    long first = dirty.firstBlock(lba, sectors);
    long last = dirty.lastBlock(lba, sectors) + 1;
    source.write(lba, sectors, tag); // first the bytes,
    return repeats == null ? dirty.markWritten(first, last) : dirty.set(first, last, repeats); // then the mark
  }

  /** Ends the pass whose set is exhausted and decides what comes next. */
  public PassEnd endPass() {
    if (!buffer.isEmpty() || done || cursor < source.capacitySectors()) {
      throw new IllegalStateException("pass " + pass + " is not finished: call beginChunk until it returns 0");
    }
    long copiedBytes = buffer.passSectors() * BlockStore.SECTOR;
    PassEnd end;
    if (stunned) {
      done = true;
      end = new PassEnd(pass, true, copiedBytes, 0, 0, Next.DONE);
    } else {
      deferHotBlocks();
      current.clearAll();
      dirty.moveTo(current); // a write marking meanwhile lands in this pass's set or in the next one's
      if (deferred != null) {
        current.andNot(deferred);
      }
      long next = current.dirtyBytes();
      stalls = next < copiedBytes ? 0 : stalls + 1; // shrinking: less dirty than this pass copied
      end = new PassEnd(pass, false, copiedBytes, next, deferredSectors() * BlockStore.SECTOR, decide(next));
    }
    passes.add(end);
    pass++;
    cursor = 0;
    buffer.newPass();
    return end;
  }

  private Next decide(long nextBytes) {
    if (nextBytes <= policy.finalPassBytes()) {
      return Next.FINAL;
    }
    if (pass >= policy.maxPasses() || stalls >= policy.stallPasses()) {
      return policy.giveUp() == DbtPolicy.GiveUp.FAIL ? Next.FAIL : Next.FORCED_FINAL;
    }
    return Next.PASS;
  }

  /** Blocks written twice in the pass join the deferred set, while it has room. */
  private void deferHotBlocks() {
    if (repeats == null) {
      return;
    }
    hot.clearAll();
    repeats.moveTo(hot);
    long room = policy.maxDeferredBytes() / BlockStore.SECTOR / policy.blockSectors() - deferred.count();
    for (long b = hot.nextSet(0); b >= 0 && room > 0; b = hot.nextSet(b + 1)) {
      room -= deferred.set(b, b + 1);
    }
  }

  /** The VM is stunned: the last pass copies the dirty set and every deferred block; writes now fail. */
  public void beginFinalPass() {
    Next next = passes.isEmpty() ? null : passes.get(passes.size() - 1).next();
    if (next != Next.FINAL && next != Next.FORCED_FINAL) {
      throw new IllegalStateException("no final pass is due after " + next);
    }
    stunned = true;
    // Writes acknowledged between the pass's end and the stun (on real threads there are some) marked the
    // dirty set: the final pass copies them too.
    dirty.moveTo(current);
    if (deferred != null) {
      current.or(deferred);
      deferred.clearAll();
    }
  }

  /** Where the two disks first differ, or -1: checked at switchover, never assumed. */
  public long firstDifference() {
    return source.firstDifference(destination);
  }

  /** Sectors of this pass's set not copied yet (a chunk in flight counts as copied). */
  public long passRemainingSectors() {
    return current.dirtySectors() - buffer.passSectors() - buffer.inFlightSectors();
  }

  /** Sectors the guest dirtied during this pass: the next pass's set, before hot blocks are taken out. */
  public long dirtySectors() {
    return dirty.dirtySectors();
  }

  /** Sectors deferred to the final pass. */
  public long deferredSectors() {
    return deferred == null ? 0 : deferred.dirtySectors();
  }

  /** The number of the pass under way (the first is 1). */
  public int pass() {
    return pass;
  }

  public boolean stunned() {
    return stunned;
  }

  public boolean done() {
    return done;
  }

  public boolean inFlight() {
    return !buffer.isEmpty();
  }

  /** The chunk {@link #beginChunk} last read, still in flight; null when none is. */
  public BlockStore.Slice inFlightChunk() {
    return buffer.inFlight();
  }

  public List<PassEnd> passes() {
    return List.copyOf(passes);
  }

  /** Bytes dirtied during each finished unstunned pass, in order: the summary's {@code dirtyBytesPerPass}. */
  public long[] dirtyBytesPerPass() {
    return passes.stream().filter(p -> !p.stunned()).mapToLong(PassEnd::dirtyBytes).toArray();
  }

  public long copiedSectors() {
    return buffer.totalSectors();
  }

  public DbtPolicy policy() {
    return policy;
  }

  public BlockStore source() {
    return source;
  }

  public BlockStore destination() {
    return destination;
  }

  /** Whether a block is due to be copied again: in the next pass's set or deferred. For tests. */
  boolean due(long block) {
    return current.get(block) || deferred != null && deferred.get(block);
  }

  /** What the bitmaps cost the heap. */
  public long bitmapBytes() {
    return current.memoryBytes() + dirty.memoryBytes()
        + (repeats == null ? 0 : repeats.memoryBytes() + hot.memoryBytes() + deferred.memoryBytes());
  }
}
