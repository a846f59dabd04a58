package org.svmsim.kernel.io;

import org.svmsim.kernel.id.VmId;

/**
 * One guest I/O as the VMX hands it to the kernel; {@code tag} names a write's content, {@code disk} is the
 * VMX's disk index, handed back on completion.
 */
public record GuestIo(VmId vm, int disk, long id, boolean write, long lba, long sectors, long tag) {
  public long bytes() {
    return sectors * org.svmsim.kernel.storage.BlockStore.SECTOR;
  }
}
