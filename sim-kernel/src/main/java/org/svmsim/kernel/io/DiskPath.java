package org.svmsim.kernel.io;

import org.svmsim.kernel.storage.BlockStore;

/**
 * Where a VMX's virtual disk sends its I/O: straight to a VMFS file, or through an SVM mirror device.
 * The kernel acknowledges each I/O with a {@code GuestIoCompleted} fact when the datastore I/Os it takes complete.
 */
public interface DiskPath {
  void submit(GuestIo io);

  /** The content the guest sees. */
  BlockStore store();
}
