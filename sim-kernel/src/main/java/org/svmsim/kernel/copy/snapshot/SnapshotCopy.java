package org.svmsim.kernel.copy.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.svmsim.kernel.copy.ChunkBuffer;
import org.svmsim.kernel.storage.BlockStore;

/**
 * A snapshot-based copy (ESX 3.5), all its rounds. Creating it takes the snapshot: the source becomes the
 * read-only parent of a child redo log that receives the guest's writes. Round 0 copies the parent to the
 * destination; the child is then re-parented onto the copy. Each later round puts a new child on top (the
 * guest writes there) and consolidates the oldest child into the destination, grain range by grain range;
 * once the newest child is small enough, the VM is stunned and it is consolidated too. Timing-free:
 * callers decide when each step happens.
 *
 * <p>The source chain (the source disk under every child ever made) stays intact and reads what the VM
 * wrote throughout, because consolidation only copies children and never drops one from it: a failed
 * migration returns it from {@link #abandon} and the VM keeps running on it. Thread-safety: see
 * {@link DiskChain}; the copier reads only read-only layers, except in the stunned final round.
 */
public final class SnapshotCopy {
  private final BlockStore source;
  private final BlockStore destination;
  private final SnapshotPolicy policy;
  private final DiskChain chain;
  private final List<RedoLog> everyChild = new ArrayList<>();
  private final List<RoundEnd> rounds = new ArrayList<>();
  private volatile Stage stage = Stage.COPY_PARENT; // read by guest writers
  private long cursor;
  private final ChunkBuffer buffer = new ChunkBuffer();
  private int stalls;

  private enum Stage { COPY_PARENT, CONSOLIDATE, FINAL, DONE, ABANDONED }

  /** What comes after a round. */
  public enum Next {
    /** Another unstunned round: {@link #beginRound}, which puts a new child on top. */
    ROUND,
    /** The newest child is small enough: stun, then {@link #beginFinalRound}. */
    FINAL,
    /** The rounds do not converge: the migration fails and the VM stays on the source chain. */
    FAIL,
    /** The last child is consolidated: the destination holds the VM's disk. */
    DONE
  }

  /**
   * One finished round: 0 copied the parent, each later one consolidated a child ({@code copiedBytes} is
   * that child's size, a round's {@code redoLogBytes}); {@code newestChildBytes} is what the guest wrote
   * meanwhile, what the next round must consolidate.
   */
  public record RoundEnd(int round, boolean stunned, long copiedBytes, long newestChildBytes, Next next) {}

  /** Takes the snapshot: the source is read-only from here on. */
  public SnapshotCopy(BlockStore source, BlockStore destination, SnapshotPolicy policy,
      LongFunction<BlockStore> childStores) {
    if (source.capacitySectors() != destination.capacitySectors()) {
      throw new IllegalArgumentException("source has " + source.capacitySectors()
          + " sectors, destination " + destination.capacitySectors());
    }
    this.source = source;
    this.destination = destination;
    this.policy = policy;
    this.chain = new DiskChain(source, policy.grainSectors(), childStores);
    everyChild.add(chain.addChild());
  }

  /** The chain the VM reads and writes right now. */
  public DiskChain chain() {
    return chain;
  }

  /** A guest write, to the newest child; returns the grains it allocated. A stunned VM issues none. */
  public int write(long lba, long sectors, long tag) {
    if (stage == Stage.FINAL || stage == Stage.ABANDONED) {
      throw new IllegalStateException(stage == Stage.FINAL ? "the VM is stunned for the last consolidation"
          : "the copy was abandoned: write the source chain");
    }
    return chain.write(lba, sectors, tag);
  }

  public BlockStore.Slice read(long lba, long sectors) {
    return chain.read(lba, sectors);
  }

  /**
   * Reads the next piece of this round, at most {@code maxSectors} (round 0: the parent; later: one run of
   * the oldest child's grains), into the copy buffer; returns its length, 0 when the round is done.
   */
  public long beginChunk(long maxSectors) {
    buffer.checkEmpty();
    long capacity = source.capacitySectors();
    if (maxSectors <= 0 || cursor >= capacity || stage == Stage.DONE || stage == Stage.ABANDONED) {
      return 0;
    }
    long start;
    long runEnd;
    BlockStore from;
    if (stage == Stage.COPY_PARENT) {
      start = cursor;
      runEnd = capacity;
      from = source;
    } else {
      RedoLog target = chain.children().get(0);
      long gs = policy.grainSectors();
      long g = target.grains().nextAllocated(cursor / gs);
      if (g < 0) {
        cursor = capacity;
        return 0;
      }
      start = Math.max(cursor, g * gs);
      long reach = (start + maxSectors + gs - 1) / gs; // no need to look further than the chunk goes
      runEnd = Math.min(capacity, target.grains().nextFree(g, reach) * gs);
      from = target.content();
    }
    long len = Math.min(maxSectors, runEnd - start);
    // A data mover's read: the layer is read-only, and the bytes are checked by the final comparison, so
    // they go over unverified (verifying every sector was most of a consolidation's time).
    buffer.hold(from.readForCopy(start, len));
    cursor = start + len;
    return len;
  }

  /** The chunk in flight reached the destination. */
  public void finishChunk() {
    buffer.land(destination);
  }

  /** Ends the round whose copy is done and decides what comes next. */
  public RoundEnd endRound() {
    if (!buffer.isEmpty() || cursor < source.capacitySectors() || stage == Stage.DONE
        || stage == Stage.ABANDONED) {
      throw new IllegalStateException("round " + rounds.size() + " is not finished: call beginChunk until 0");
    }
    long copied = buffer.passSectors() * BlockStore.SECTOR;
    RoundEnd end;
    if (stage == Stage.COPY_PARENT) {
      chain.reparent(destination);
      end = decide(copied);
    } else {
      chain.dropOldest();
      if (stage == Stage.FINAL) {
        stage = Stage.DONE;
        end = new RoundEnd(rounds.size(), true, copied, 0, Next.DONE);
      } else {
        end = decide(copied);
      }
    }
    rounds.add(end);
    cursor = 0;
    buffer.newPass();
    return end;
  }

  private RoundEnd decide(long copiedBytes) {
    long child = chain.newest().bytes();
    stalls = child < copiedBytes ? 0 : stalls + 1;
    int round = rounds.size();
    Next next = child <= policy.stunnedBytes() ? Next.FINAL
        : round >= policy.maxRounds() || stalls >= policy.stallRounds() ? Next.FAIL : Next.ROUND;
    return new RoundEnd(round, false, copiedBytes, child, next);
  }

  /** Starts an unstunned round: a new child on top takes the writes; the oldest is consolidated. */
  public void beginRound() {
    expect(Next.ROUND);
    everyChild.add(chain.addChild());
    stage = Stage.CONSOLIDATE;
  }

  /** The VM is stunned: the last child is consolidated; writes now fail. */
  public void beginFinalRound() {
    expect(Next.FINAL);
    stage = Stage.FINAL;
  }

  private void expect(Next due) {
    Next last = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1).next();
    if (last != due || stage == Stage.FINAL || stage == Stage.ABANDONED || stage == Stage.DONE) {
      throw new IllegalStateException("a " + due + " is not due after " + last);
    }
    if (stage == Stage.CONSOLIDATE && chain.children().size() > 1) {
      throw new IllegalStateException("the last round is not ended");
    }
  }

  /**
   * Gives up the copy: the chunk in flight is dropped and the VM continues on the source chain, which
   * holds every write. Returns that chain, for the VM's further I/O.
   */
  public DiskChain abandon() {
    buffer.drop();
    stage = Stage.ABANDONED;
    return sourceChain();
  }

  /** The source disk under every child made so far: what the VM would run on if the copy failed now. */
  public DiskChain sourceChain() {
    return new DiskChain(chain, source, everyChild);
  }

  public boolean done() {
    return stage == Stage.DONE;
  }

  public boolean stunned() {
    return stage == Stage.FINAL;
  }

  public boolean inFlight() {
    return !buffer.isEmpty();
  }

  /** The chunk {@link #beginChunk} last read, still in flight; null when none is. */
  public BlockStore.Slice inFlightChunk() {
    return buffer.inFlight();
  }

  public List<RoundEnd> rounds() {
    return List.copyOf(rounds);
  }

  /** The bytes of every consolidated child, all rounds: the summary's {@code redoLogBytes}. */
  public long redoLogBytes() {
    return rounds.stream().filter(r -> r.round() > 0).mapToLong(RoundEnd::copiedBytes).sum();
  }

  public long copiedSectors() {
    return buffer.totalSectors();
  }

  /** Where the destination first differs from what the VM sees, or -1: checked at switchover. */
  public long firstDifference() {
    return new DiskChain(destination, policy.grainSectors(), c -> null).firstDifference(chain);
  }

  public BlockStore source() {
    return source;
  }

  public BlockStore destination() {
    return destination;
  }

  public SnapshotPolicy policy() {
    return policy;
  }
}
