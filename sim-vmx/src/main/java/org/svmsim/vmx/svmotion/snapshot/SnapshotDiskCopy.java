package org.svmsim.vmx.svmotion.snapshot;

import java.util.List;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.copy.snapshot.SnapshotCopy;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.redo.SnapshotDisk;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.vmx.svmotion.DiskCopy;
import org.svmsim.vmx.svmotion.DiskMove;

/**
 * Snapshot-based copy (ESX 3.5) on one disk: a snapshot makes the source read-only under a redo log, the
 * parent is copied, the redo logs are re-parented onto the copy, and each round consolidates the oldest
 * while a new one takes the writes, until the newest is small enough to consolidate while the VM is
 * stunned (DOMAIN.md section 3). Past the scenario's rounds the migration fails, and the VM keeps
 * running on the source under its redo logs, a chain that holds every write.
 */
public final class SnapshotDiskCopy implements DiskCopy {
  /** The snapshot's name in the VMX's snapshot tree; svmsim's choice. */
  static final String SNAPSHOT_NAME = "svmotion-snapshot";
  static final String NOT_CONVERGING = "vim.fault.Timedout";

  private final DiskMove move;
  private SnapshotDisk snapshot;
  private boolean failed;

  public SnapshotDiskCopy(DiskMove move) {
    this.move = move;
  }

  @Override
  public void prepare() {
    snapshot = move.kernel().redoLogs().take(move.vmx().config().world(), move.source(), move.sourceFlat(),
        move.sourceDescriptorRelative(), move.destination(), move.destinationFlat(), move.options().snapshot());
    move.bus().publish(new VmxEvent.SnapshotTaken(move.vm(), move.disk().scsi(), SNAPSHOT_NAME, 1,
        move.source().id().resolve(snapshot.files().get(1))));
  }

  @Override
  public void reopen() {
    move.disk().close();
    // The guest now writes the child: DiskLib opens its descriptor and delta above the base flat file.
    move.disk().open(move.source().id().resolve(snapshot.files().get(0)), move.sourceFlat(), snapshot, null,
        move.source().id().resolve(snapshot.files().get(1)), freshDeltaBytes(move.disk().config().capacitySectors()));
  }

  @Override
  public BlockStore sourceView() {
    return snapshot.store();
  }

  @Override
  public void startCopy() {
    move.kernel().copies().pass(move.job(), snapshot.roundPlan());
  }

  @Override
  public void onPassCompleted(KernelEvent.CopyPassCompleted e) {
    SnapshotCopy.RoundEnd end = snapshot.endRound();
    if (end.round() == 0) {
      move.bus().publish(new VmxEvent.RedoLogReparented(move.vm(), move.disk().scsi(),
          move.destinationDescriptorPath()));
    }
    VmxEvent.NextStep next = switch (end.next()) {
      case ROUND -> VmxEvent.NextStep.PASS;
      case FINAL -> VmxEvent.NextStep.FINAL;
      case FAIL -> VmxEvent.NextStep.FAIL;
      case DONE -> VmxEvent.NextStep.DONE;
    };
    move.bus().publish(new VmxEvent.CopyPassEnded(move.vm(), move.disk().scsi(), Method.SNAPSHOT, e.pass(),
        end.stunned(), end.copiedBytes(), end.newestChildBytes(), next));
    switch (next) {
      case PASS -> {
        snapshot.beginRound();
        move.kernel().copies().pass(move.job(), snapshot.roundPlan());
      }
      case FINAL -> move.converged();
      case FAIL -> move.fail(NOT_CONVERGING, "the redo log consolidation did not converge after "
          + end.round() + " rounds (" + end.newestChildBytes() + " bytes in the newest redo log); the VM"
          + " stays on the source");
      default -> move.finalCopyDone();
    }
  }

  @Override
  public void whileStunned() {
    snapshot.beginFinalRound();
    move.kernel().copies().pass(move.job(), snapshot.roundPlan());
  }

  @Override
  public void switchedOver() {
    move.disk().close();
  }

  @Override
  public void teardown() {
  }

  /** The VM keeps running on the source chain (its parent and every redo log), which holds every write. */
  @Override
  public void abandon() {
    if (snapshot != null && !failed) {
      failed = true;
      snapshot.abandon();
    }
  }

  /** After a success the source's redo logs go with the source disk. */
  @Override
  public List<String> extraSourceFiles() {
    return snapshot == null ? List.of() : snapshot.files();
  }

  /**
   * The size of a new vmfsSparse delta: its header and grain directory plus a grain table entry (4 bytes)
   * per 512-byte grain of the disk, with no grain written yet. A guess at the layout that gives the
   * real line's order of size (real-lines/vmware_virtuallyhyper-esxi50-consolidation-unstun.log shows
   * 34992128 bytes for a delta).
   */
  static long freshDeltaBytes(long capacitySectors) {
    return 4096 + capacitySectors * 4;
  }
}
