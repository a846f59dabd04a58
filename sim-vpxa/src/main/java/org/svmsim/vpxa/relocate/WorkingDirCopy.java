package org.svmsim.vpxa.relocate;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.perf.DatastorePerformance;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.kernel.vmfs.VmfsVolume;

/** Step 1: vpxa copies the VM's working directory (vmx, nvram, logs; not the disks) to the destination. */
final class WorkingDirCopy {
  /**
   * vpxa opens, copies and closes each file: a cost per file on top of the bytes, about this much (the
   * seed's log fits 5 ms); each file draws 0.5 to 3 times it (a guess: an open and a close on VMFS).
   */
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

  /**
   * What the copy takes: the bytes at the destination's bandwidth, plus each file's cost, drawn from
   * {@code random}, or exactly {@link #PER_FILE_NANOS} when {@code random} is null (the seed's delays).
   */
  static long duration(List<VmfsFile> files, DatastorePerformance destination, SimRandom random) {
    long bandwidth = Math.min(destination.bytesPerSecond(), VirtualTime.MAX_BANDWIDTH);
    long nanos = 0;
    for (VmfsFile f : files) {
      long perFile = random == null ? PER_FILE_NANOS
          : Math.round(PER_FILE_NANOS * (0.5 + 2.5 * random.nextDouble()) / VirtualTime.MICROSECOND)
              * VirtualTime.MICROSECOND;
      nanos += VirtualTime.transfer(f.sizeBytes(), bandwidth) + perFile;
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
