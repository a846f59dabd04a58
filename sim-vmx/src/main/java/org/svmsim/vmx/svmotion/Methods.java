package org.svmsim.vmx.svmotion;

import org.svmsim.kernel.config.Method;
import org.svmsim.vmx.svmotion.dbt.DbtDiskCopy;
import org.svmsim.vmx.svmotion.mirror.MirrorCopy;
import org.svmsim.vmx.svmotion.snapshot.SnapshotDiskCopy;

/** Each method's {@link DiskCopy}, built from the one list of methods. */
final class Methods {
  private Methods() {}

  static DiskCopy forDisk(Method method, DiskMove move) {
    return switch (method) {
      case MIRROR -> new MirrorCopy(move);
      case DBT -> new DbtDiskCopy(move);
      case SNAPSHOT -> new SnapshotDiskCopy(move);
    };
  }
}
