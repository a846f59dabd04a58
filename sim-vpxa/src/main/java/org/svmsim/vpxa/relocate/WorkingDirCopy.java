package org.svmsim.vpxa.relocate;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.perf.DatastorePerformance;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.kernel.vmfs.VmfsVolume;

/** Step 1: vpxa copies the VM's working directory (vmx, nvram, logs; not the disks) to the destination. */
final class WorkingDirCopy {
  /** vpxa opens, copies and closes each file: a fixed cost per file on top of the bytes. */
  static final long PER_FILE_NANOS = 5 * VirtualTime.MILLISECOND;

  private WorkingDirCopy() {}

  /**
   * The files step 1 copies: the VM's directory without its disks (the VMX copies those through the
   * mirror), its swap file (the shadow VMX creates its own) and lock files.
   */
  static List<VmfsFile> workingDirectory(VmfsVolume source, String directory) {
    List<VmfsFile> files = new ArrayList<>();
    for (VmfsFile f : source.list(directory)) {
      String p = f.path();
      if (!p.endsWith(".vmdk") && !p.endsWith(".vswp") && !p.endsWith(".lck")) {
        files.add(f);
      }
    }
    return files;
  }

  /** What the copy takes: the bytes at the destination's bandwidth, plus the per-file cost. */
  static long duration(List<VmfsFile> files, DatastorePerformance destination) {
    long bandwidth = Math.min(destination.bytesPerSecond(), VirtualTime.MAX_BANDWIDTH);
    long nanos = 0;
    for (VmfsFile f : files) {
      nanos += VirtualTime.transfer(f.sizeBytes(), bandwidth) + PER_FILE_NANOS;
    }
    return nanos;
  }

  /** Creates the copies (thick, as vpxa writes them); on ENOSPC removes those made and rethrows. */
  static void copy(List<VmfsFile> files, VmfsVolume destination) throws NoSpaceException {
    List<String> made = new ArrayList<>();
    try {
      for (VmfsFile f : files) {
        destination.createFile(f.path(), f.sizeBytes(), false);
        made.add(f.path());
      }
    } catch (NoSpaceException e) {
      made.forEach(destination::deleteFile);
      throw e;
    }
  }
}
