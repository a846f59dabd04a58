package org.svmsim.kernel.vmfs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;

/**
 * Each migrating VM's host log (the {@code .hlog} in its directory) as the VMX last wrote it: where the
 * migration goes and whether its switchover committed. It is on the datastore, so it survives a power
 * loss, and the host that boots again reads it to tell which copy of the disks is complete: the source
 * until the switchover committed, the destination after. hostd removes it once it has resolved the
 * migration. svmsim keeps no file for it (it would change every run's file list), only this record.
 */
public final class HostLogs {
  /** How far the migration got. */
  public enum State {
    MIGRATING,
    COMMITTED
  }

  /** One VM's host log. */
  public record Entry(DatastoreId source, DatastoreId destination, State state) {}

  private final Map<VmId, Entry> logs = new LinkedHashMap<>();

  public void migrating(VmId vm, DatastoreId source, DatastoreId destination) {
    logs.put(vm, new Entry(source, destination, State.MIGRATING));
  }

  /** The VM runs on the destination now. */
  public void committed(VmId vm) {
    Entry e = logs.get(vm);
    if (e != null) {
      logs.put(vm, new Entry(e.source(), e.destination(), State.COMMITTED));
    }
  }

  /** The migration is resolved (failed, or its success taken over by hostd). */
  public void resolved(VmId vm) {
    logs.remove(vm);
  }

  public Optional<Entry> of(VmId vm) {
    return Optional.ofNullable(logs.get(vm));
  }
}
