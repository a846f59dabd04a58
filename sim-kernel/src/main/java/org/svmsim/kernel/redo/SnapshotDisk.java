package org.svmsim.kernel.redo;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.copy.CopyPlan;
import org.svmsim.kernel.copy.snapshot.DiskChain;
import org.svmsim.kernel.copy.snapshot.RedoLog;
import org.svmsim.kernel.copy.snapshot.SnapshotCopy;
import org.svmsim.kernel.io.DiskPath;
import org.svmsim.kernel.io.GuestAck;
import org.svmsim.kernel.io.GuestIo;
import org.svmsim.kernel.io.IoRoute;
import org.svmsim.kernel.perf.IoCompletion;
import org.svmsim.kernel.perf.IoStatus;
import org.svmsim.kernel.perf.IoStream;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.storage.BlockStore;

/**
 * A disk under a snapshot for a snapshot-based copy (ESX 3.5): the source is the read-only parent, the
 * guest's writes go to the newest redo log and reads resolve through the chain ({@code copy/snapshot},
 * clock-free). What the guest pays for the indirection: a grain-table lookup per layer a read searches,
 * and for a write that allocates grains, the copy-on-write read of the rest of a partly written grain and
 * a grain-table update on the redo log's datastore. After a failure the VM keeps running here, on the
 * source chain, which holds every write.
 */
public final class SnapshotDisk implements DiskPath {
  /** An in-memory grain directory lookup per layer a read searches; a guess, like the filter cost of CBT. */
  static final long LOOKUP_NANOS = 500;
  /** A grain-table entry's sector, written when a grain is allocated. */
  static final long GRAIN_TABLE_BYTES = BlockStore.SECTOR;

  private final Bus bus;
  private final SnapshotCopy copy;
  private final IoStream onSource;
  private final IoStream onDestination;
  private final List<String> deltaFiles;
  private DiskChain sourceChain;
  private boolean reparented;

  SnapshotDisk(Bus bus, SnapshotCopy copy, IoStream onSource, IoStream onDestination, List<String> deltaFiles) {
    this.bus = bus;
    this.copy = copy;
    this.onSource = onSource;
    this.onDestination = onDestination;
    this.deltaFiles = deltaFiles;
  }

  private DiskChain chain() {
    return sourceChain != null ? sourceChain : copy.chain();
  }

  @Override
  public BlockStore store() {
    return new ChainView(this::chain);
  }

  @Override
  public void submit(GuestIo io) {
    DiskChain chain = chain();
    long issuedAt = bus.now();
    if (!io.write()) {
      GuestAck ack = new GuestAck(bus, io, IoRoute.DIRECT, false, issuedAt, 1);
      long grain = io.lba() / chain.grainSectors();
      int searched = 1;
      boolean inChild = false;
      List<RedoLog> children = chain.children();
      for (int i = children.size() - 1; i >= 0 && !inChild; i--, searched++) {
        inChild = children.get(i).holds(grain);
      }
      // Grains the redo logs hold are on the source; the base is the source, or the copy once re-parented.
      IoStream to = inChild || !reparented || sourceChain != null ? onSource : onDestination;
      bus.wakeAt(issuedAt + searched * LOOKUP_NANOS, () -> to.read(io.bytes(), ack, 0));
      return;
    }
    long grainBytes = chain.grainSectors() * BlockStore.SECTOR;
    int allocated;
    try {
      allocated = sourceChain != null ? sourceChain.write(io.lba(), io.sectors(), io.tag())
          : copy.write(io.lba(), io.sectors(), io.tag());
    } catch (RuntimeException e) {
      new GuestAck(bus, io, IoRoute.DIRECT, false, issuedAt, 1).failNow(IoStatus.of(e));
      return;
    }
    if (allocated == 0) {
      onSource.write(io.bytes(), new GuestAck(bus, io, IoRoute.DIRECT, false, issuedAt, 1), 0);
      return;
    }
    // A new grain: read what the write does not cover from below, then write the grain and its table entry.
    long grainsBytes = allocated * grainBytes;
    long fill = Math.max(0, grainsBytes - io.bytes());
    GuestAck ack = new GuestAck(bus, io, IoRoute.DIRECT, false, issuedAt, 2);
    // A failed copy-on-write read fails the guest's write: the grain cannot be completed.
    IoCompletion write = (token, arrivedAt, status) -> {
      if (!status.ok()) {
        ack.failNow(status);
        return;
      }
      onSource.write(grainsBytes, ack, 0);
      onSource.write(GRAIN_TABLE_BYTES, ack, 0);
    };
    if (fill > 0) {
      onSource.read(fill, write, 0);
    } else {
      write.ioCompleted(0, issuedAt, IoStatus.OK);
    }
  }

  /** The round under way, for the copy job: the parent first, then one redo log a round. */
  public CopyPlan roundPlan() {
    long sectors = copy.rounds().isEmpty() ? copy.source().capacitySectors()
        : chainOldestSectors();
    return CopyPlan.of(sectors, max -> copy.beginChunk(max) > 0 ? copy.inFlightChunk() : null,
        copy::finishChunk, this::abandon);
  }

  private long chainOldestSectors() {
    List<RedoLog> children = copy.chain().children();
    return children.isEmpty() ? 0 : children.get(0).bytes() / BlockStore.SECTOR;
  }

  /** The round's copy is done: after the parent, the chain is re-parented onto the copy. */
  public SnapshotCopy.RoundEnd endRound() {
    SnapshotCopy.RoundEnd end = copy.endRound();
    reparented = true;
    return end;
  }

  /** An unstunned round: a new redo log takes the writes, the oldest is consolidated. */
  public void beginRound() {
    copy.beginRound();
  }

  /** The VM is stunned: the last redo log is consolidated. */
  public void beginFinalRound() {
    copy.beginFinalRound();
  }

  /** The copy is given up: from now on the VM runs on the source chain, which holds every write. */
  public void abandon() {
    if (sourceChain == null) {
      sourceChain = copy.abandon();
    }
  }

  /** The redo logs' files made so far on the source (descriptor and delta of each), relative paths. */
  public List<String> files() {
    return new ArrayList<>(deltaFiles);
  }

  /** The redo log the guest writes now: 1 for {@code -000001-delta.vmdk}. */
  public int newestChild() {
    RedoLog n = chain().newest();
    return n == null ? 0 : n.number();
  }
}
