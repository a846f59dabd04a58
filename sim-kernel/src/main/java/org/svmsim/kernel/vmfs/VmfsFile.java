package org.svmsim.kernel.vmfs;

import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.DiskHandle;

/** A file on a VMFS volume; {@code path} is relative to the volume ({@code W1_2/W1_2.vmdk}). */
public record VmfsFile(DatastoreId volume, String path, DiskHandle handle, long sizeBytes,
    long allocatedBytes, boolean thin) {
  /** /vmfs/volumes/uuid/path. */
  public String fullPath() {
    return volume.resolve(path);
  }
}
