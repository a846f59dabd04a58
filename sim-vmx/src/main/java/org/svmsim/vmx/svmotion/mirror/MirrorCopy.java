package org.svmsim.vmx.svmotion.mirror;

import org.svmsim.kernel.device.DeviceBusyException;
import org.svmsim.kernel.device.OpenMode;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.svm.SvmMirrorDevice;
import org.svmsim.vmx.svmotion.DiskCopy;
import org.svmsim.vmx.svmotion.DiskMove;

/**
 * Mirror mode (ESXi 5.0 and later) on one disk: an SVM mirror device between the source and the
 * destination, the VMX's disk reopened through its node, exactly one copy pass; nothing is left to copy
 * when the VM is stunned. The write rules live in the kernel ({@code copy/mirror}).
 */
public final class MirrorCopy implements DiskCopy {
  private final DiskMove move;
  private SvmMirrorDevice device;
  private boolean throughNode;

  public MirrorCopy(DiskMove move) {
    this.move = move;
  }

  @Override
  public void prepare() {
    device = move.kernel().svm().makeDevice(move.vmx().config().world(), move.source(), move.sourceFlat(),
        move.source().content(move.sourceFlat().path()), move.destination(), move.destinationFlat(),
        move.destination().content(move.destinationFlat().path()));
  }

  @Override
  public void reopen() {
    move.disk().close();
    try {
      move.kernel().devices().open(move.vmx().config().world(), device.name(), OpenMode.EXCLUSIVE);
    } catch (DeviceBusyException ex) {
      throw new IllegalStateException("the VMX could not open its own mirror node " + device.name(), ex);
    }
    move.disk().open(move.destinationDescriptorPath(), move.destinationFlat(), device, device.path());
    throughNode = true;
  }

  @Override
  public BlockStore sourceView() {
    return move.source().content(move.sourceFlat().path());
  }

  @Override
  public void startCopy() {
    move.kernel().copies().pass(move.job(), device.copyPlan());
  }

  @Override
  public void onPassCompleted(KernelEvent.CopyPassCompleted e) {
    move.converged();
  }

  /** Every guest write since the copy began is on both disks: nothing to copy while stunned. */
  @Override
  public void whileStunned() {
    move.finalCopyDone();
  }

  @Override
  public void switchedOver() {
    closeNode();
  }

  @Override
  public void teardown() {
    destroy();
  }

  @Override
  public void abandon() {
    if (device != null) {
      device.abandonCopy();
    }
    if (throughNode) {
      closeNode();
      move.openOnSource();
    }
    destroy();
  }

  private void closeNode() {
    move.disk().close();
    move.kernel().devices().close(move.vmx().config().world(), device.name());
    throughNode = false;
  }

  private void destroy() {
    if (device != null) {
      move.kernel().svm().destroy(device);
      device = null;
    }
  }
}
