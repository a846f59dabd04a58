package org.svmsim.vmx.svmotion.dbt;

import org.svmsim.kernel.cbt.CbtFilter;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.copy.dbt.DbtCopy;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.vmx.svmotion.DiskCopy;
import org.svmsim.vmx.svmotion.DiskMove;

/**
 * Dirty block tracking (ESX 4.x) on one disk: change tracking on the source, the disk reopened through
 * its cbt node, a first pass over the whole disk and then passes over what the guest dirtied, until the
 * dirty set is small enough to copy while stunned; when passes stop shrinking, the scenario's policy
 * fails the migration or forces the stunned copy of whatever is left (DOMAIN.md section 3).
 */
public final class DbtDiskCopy implements DiskCopy {
  static final String NOT_CONVERGING = "vim.fault.Timedout";

  private final DiskMove move;
  private CbtFilter filter;
  private boolean reopened;

  public DbtDiskCopy(DiskMove move) {
    this.move = move;
  }

  @Override
  public void prepare() {
    filter = move.kernel().cbt().start(move.vmx().config().world(), move.source(), move.sourceFlat(),
        move.destination().content(move.destinationFlat().path()), move.options().dbt());
  }

  @Override
  public void reopen() {
    move.disk().close();
    move.bus().publish(new VmxEvent.ChangeTrackingOpened(move.vm(), move.disk().scsi(), filter.path(),
        filter.blockBytes()));
    move.disk().open(move.sourceDescriptorPath(), move.sourceFlat(), filter, null);
    reopened = true;
  }

  @Override
  public BlockStore sourceView() {
    return move.source().content(move.sourceFlat().path());
  }

  @Override
  public void startCopy() {
    move.kernel().copies().pass(move.job(), filter.passPlan());
  }

  @Override
  public void onPassCompleted(KernelEvent.CopyPassCompleted e) {
    DbtCopy.PassEnd end = filter.endPass();
    VmxEvent.NextStep next = switch (end.next()) {
      case PASS -> VmxEvent.NextStep.PASS;
      case FINAL -> VmxEvent.NextStep.FINAL;
      case FORCED_FINAL -> VmxEvent.NextStep.FORCED_FINAL;
      case FAIL -> VmxEvent.NextStep.FAIL;
      case DONE -> VmxEvent.NextStep.DONE;
    };
    move.bus().publish(new VmxEvent.CopyPassEnded(move.vm(), move.disk().scsi(), Method.DBT, e.pass(),
        end.stunned(), end.copiedBytes(), end.dirtyBytes() + end.deferredBytes(), next));
    switch (next) {
      case PASS -> move.kernel().copies().pass(move.job(), filter.passPlan());
      case FINAL, FORCED_FINAL -> move.converged();
      case FAIL -> move.fail(NOT_CONVERGING, "the dirty block copy did not converge after " + e.pass()
          + " passes (" + end.dirtyBytes() + " bytes still dirty); the VM stays on the source");
      case DONE -> move.finalCopyDone();
    }
  }

  @Override
  public void whileStunned() {
    filter.beginFinalPass();
    move.kernel().copies().pass(move.job(), filter.passPlan());
  }

  @Override
  public void switchedOver() {
    closeTracking();
  }

  @Override
  public void teardown() {
    stop();
  }

  @Override
  public void abandon() {
    if (filter != null) {
      filter.abandon();
    }
    if (reopened) {
      closeTracking();
      move.openOnSource();
    }
    stop();
  }

  private void closeTracking() {
    move.disk().close();
    move.bus().publish(new VmxEvent.ChangeTrackingClosed(move.vm(), move.disk().scsi(),
        move.sourceFlat().handle().value()));
    reopened = false;
  }

  private void stop() {
    if (filter != null) {
      move.kernel().cbt().stop(filter);
      filter = null;
    }
  }
}
