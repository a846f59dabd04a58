package org.svmsim.vmx.log;

import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.log.EsxTime;
import org.svmsim.kernel.log.LineBuffer;

/** One VM's vmware.log while it is rendered: its lines and where it will live. */
final class VmLog {
  private final EsxTime time;
  private final LineBuffer lines = new LineBuffer();
  private DatastoreId home;

  VmLog(EsxTime time) {
    this.time = time;
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
