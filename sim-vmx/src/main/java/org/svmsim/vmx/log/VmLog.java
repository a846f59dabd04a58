package org.svmsim.vmx.log;

import java.util.ArrayDeque;
import java.util.Deque;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.log.EsxTime;
import org.svmsim.kernel.log.LineBuffer;

/**
 * One VM's vmware.log while it is rendered: its lines in the host's layout, where it will live, and
 * lines due a little after the fact that caused them (the ESXi 8 {@code CPT: vm was stunned for}).
 */
final class VmLog {
  private record Due(long nanos, String thread, VmwareCatalog entry, Object[] args) {}

  private final EsxTime time;
  private final VmwareLayout layout;
  private final String worker;
  private final LineBuffer lines = new LineBuffer();
  private final Deque<Due> due = new ArrayDeque<>();
  private DatastoreId home;
  /** The VMX's migration state (MigrateSetState), 0 when no migration runs. */
  int migrateState;

  VmLog(EsxTime time, VmwareLayout layout, int workerTid) {
    this.time = time;
    this.layout = layout;
    this.worker = layout.worker(workerTid);
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
    flush(nanos);
    String t = VmwareCatalog.Threads.WORKER0.equals(thread) ? worker : thread;
    lines.line(layout.line(time.format(nanos), t, entry.level(), entry.template().render(args)));
  }

  /** A line at {@code nanos}, later than now: written once the log reaches that time. */
  void later(long nanos, VmwareCatalog entry, Object... args) {
    due.addLast(new Due(nanos, entry.thread(), entry, args));
  }

  /** The migration moves to {@code state}, as MigrateSetState logs it. */
  void migrateState(long nanos, int state) {
    add(nanos, VmwareCatalog.SET_STATE, migrateState, state);
    migrateState = state;
  }

  private void flush(long nanos) {
    while (!due.isEmpty() && due.peekFirst().nanos() <= nanos) {
      Due d = due.pollFirst();
      String t = VmwareCatalog.Threads.WORKER0.equals(d.thread()) ? worker : d.thread();
      lines.line(layout.line(time.format(d.nanos()), t, d.entry().level(), d.entry().template().render(d.args())));
    }
  }

  String path(VmId vm) {
    return path(home, vm);
  }

  /** {@code vmfs/volumes/<uuid>/<vm>/vmware.log}, relative to the output root. */
  static String path(DatastoreId home, VmId vm) {
    return home.path().substring(1) + "/" + vm + "/vmware.log";
  }

  String text() {
    flush(Long.MAX_VALUE);
    return lines.toString();
  }
}
