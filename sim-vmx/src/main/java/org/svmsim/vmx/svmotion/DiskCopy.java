package org.svmsim.vmx.svmotion;

import java.util.List;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.storage.BlockStore;

/**
 * What one method does to one disk, between the migration's shared steps: the migration creates the
 * destination disk, drives the phases, stuns, checks, switches over, fails and cleans up; the method
 * decides how guest I/O is routed meanwhile and which passes the kernel's copy job runs. One small
 * implementation per method, in {@code svmotion/mirror}, {@code svmotion/dbt}, {@code svmotion/snapshot}.
 */
public interface DiskCopy {
  /** Phase 6: set up the method's kernel side (the mirror device, change tracking, the snapshot). */
  void prepare();

  /** Phase 7: reopen the disk so that guest I/O takes the method's path. */
  void reopen();

  /** What the copy job reads as the source: what the guest sees of its disk. */
  BlockStore sourceView();

  /** Phase 8: start the copy passes; call {@link DiskMove#converged} once the VM may be stunned. */
  void startCopy();

  /** A pass of this disk's copy job ended. */
  void onPassCompleted(KernelEvent.CopyPassCompleted e);

  /**
   * The VM is stunned and no guest I/O is in flight: copy what is left, then call {@link
   * DiskMove#finalCopyDone}. The switchover limit is running.
   */
  void whileStunned();

  /** The VM now runs on the shadow VMX: close the method's path (the migration opens the destination). */
  void switchedOver();

  /** Phase 10: remove the method's kernel side. */
  void teardown();

  /**
   * The migration failed: put the guest's I/O back on the complete source (the copy job is already
   * cancelled) and remove the method's kernel side.
   */
  void abandon();

  /** Source files, besides the disk's own, that a successful migration leaves to delete (relative paths). */
  default List<String> extraSourceFiles() {
    return List.of();
  }
}
