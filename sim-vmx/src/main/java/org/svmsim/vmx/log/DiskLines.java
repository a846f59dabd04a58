package org.svmsim.vmx.log;

import static org.svmsim.vmx.log.VmwareCatalog.*;

import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.storage.BlockStore;

/** The DiskLib and virtual SCSI lines of opening and closing a disk. */
final class DiskLines {
  private static final int HEADS = 255;
  private static final int SECTORS_PER_TRACK = 63;

  private DiskLines() {}

  /**
   * A power-on open goes through the descriptor and its flat extent on the vmx thread; a reopen through
   * the mirror node happens on vcpu-0 while the guest runs (seed).
   */
  static void opened(VmLog log, long t, VmxEvent.DiskOpened e) {
    String thread;
    if (e.mirrorNode()) {
      thread = Threads.VCPU0;
      log.add(t, MIRROR_NODE_OPENING, e.node());
    } else {
      thread = Threads.VMX;
      long bytes = e.capacitySectors() * BlockStore.SECTOR;
      if (e.deltaFile() != null) {
        // A snapshot's chain opens its delta first: flags 1041, hd = 0, Type 8, as in
        // real-lines/vmware_virtuallyhyper-esxi50-consolidation-unstun.log.
        log.add(t, DISKLIB_VMFS_OPENED, e.deltaFile(), 1041, e.deltaBytes(), 0, 8);
      }
      // hd is the VMFS file handle, in decimal.
      log.add(t, DISKLIB_VMFS_OPENED, e.flatFile(), 10, bytes, e.handle().value(), 3);
      log.add(t, DISKLIB_LINK_OPENED, e.fileName(), e.capacitySectors(), size(bytes));
      log.add(t, DISKLIB_LIB_OPENED, e.fileName());
      log.add(t, DISK_OPEN, e.scsi(), e.fileName());
    }
    log.addOn(t, thread, VIRTUAL_DEV_CREATING, e.scsi());
    log.addOn(t, thread, DISK_INFO, e.scsi(), e.createType(), e.capacitySectors(), e.numLinks(),
        e.allocationType());
    log.addOn(t, thread, FS_BACKEND);
    log.addOn(t, thread, GEOMETRY, e.scsi(), e.capacitySectors() / (HEADS * SECTORS_PER_TRACK), HEADS,
        SECTORS_PER_TRACK);
  }

  /** Through a mirror node the VMX held the svm device, not the flat file, so VMFS has nothing to close. */
  static void closed(VmLog log, long t, VmxEvent.DiskClosed e) {
    log.add(t, DISK_CLOSING, e.scsi());
    if (!e.mirrorNode()) {
      if (e.deltaFile() != null) {
        // The delta closes before its parent (real-lines/vmware_virtuallyhyper-esxi50-consolidation-unstun.log).
        log.add(t, DISKLIB_VMFS_CLOSED, e.deltaFile());
      }
      log.add(t, DISKLIB_VMFS_CLOSED, e.flatFile());
    }
  }

  /** {@code 16 GB}, or {@code 256 MB} below a gigabyte, rounded down as DiskLib prints it. */
  static String size(long bytes) {
    return bytes >= 1L << 30 ? (bytes >> 30) + " GB" : (bytes >> 20) + " MB";
  }
}
