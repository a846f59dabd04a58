package org.svmsim.vmx.log;

import java.util.HashSet;
import java.util.Set;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.log.EsxTime;
import org.svmsim.kernel.log.LineBuffer;
import org.svmsim.kernel.sim.SimRandom;

/** One VM's vmware.log while it is rendered: its lines, where it will live, its cosmetic randomness. */
final class VmLog {
  private final EsxTime time;
  private final LineBuffer lines = new LineBuffer();
  private final SimRandom random;
  // Looked up only, never iterated, so HashSet order cannot reach the log.
  private final Set<String> mirrored = new HashSet<>();
  private DatastoreId home;

  VmLog(EsxTime time, SimRandom random) {
    this.time = time;
    this.random = random;
  }

  /** The VM lives on {@code home} now: its source VMX started there, or a Storage vMotion moved it. */
  void home(DatastoreId home) {
    this.home = home;
  }

  /** A shadow VMX alone does not move the VM; it only places the log if nothing else has. */
  void homeIfUnknown(DatastoreId home) {
    if (this.home == null) {
      this.home = home;
    }
  }

  /** Remembers whether {@code scsi}'s current open went through a mirror node. */
  void openedThroughMirror(String scsi, boolean mirrorNode) {
    if (mirrorNode) {
      mirrored.add(scsi);
    } else {
      mirrored.remove(scsi);
    }
  }

  boolean openedThroughMirror(String scsi) {
    return mirrored.contains(scsi);
  }

  SimRandom random() {
    return random;
  }

  void add(long nanos, VmwareCatalog entry, Object... args) {
    addOn(nanos, entry.thread(), entry, args);
  }

  void addOn(long nanos, String thread, VmwareCatalog entry, Object... args) {
    lines.line(entry.line(time.format(nanos), thread, args));
  }

  String path(VmId vm) {
    return path(home, vm);
  }

  /** {@code vmfs/volumes/<uuid>/<vm>/vmware.log}, relative to the output root. */
  static String path(DatastoreId home, VmId vm) {
    return home.path().substring(1) + "/" + vm + "/vmware.log";
  }

  String text() {
    return lines.toString();
  }
}
