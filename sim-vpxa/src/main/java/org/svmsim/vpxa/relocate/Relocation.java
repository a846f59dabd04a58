package org.svmsim.vpxa.relocate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.vpxa.ManagedVm;

/** One running relocate task: its ids, where it moves the VM, and what it has put on the destination. */
final class Relocation {
  final LroIds.Lro lro;
  final ManagedVm vm;
  final DatastoreId source;
  final DatastoreId destination;
  final Method method;
  final MigrationOptions options;
  final long startNanos;
  /** The working-directory files copied in step 1, by their path relative to either volume. */
  List<String> workingDir = List.of();
  /** Every file created in the VM's directory on the destination while the task ran (the VMX's too). */
  final Set<String> createdAtDestination = new LinkedHashSet<>();
  /** The last step started (DOMAIN.md section 2), 0 before step 1. */
  int step;
  /** The task is ending (step 6 or the failure's cleanup began): nothing may end it twice. */
  boolean ending;
  /** The host crashed during the task: hostd's task died with it. */
  boolean afterCrash;

  Relocation(LroIds.Lro lro, ManagedVm vm, DatastoreId source, DatastoreId destination, Method method,
      MigrationOptions options, long startNanos) {
    this.lro = lro;
    this.vm = vm;
    this.source = source;
    this.destination = destination;
    this.method = method;
    this.options = options;
    this.startNanos = startNanos;
  }

  String opId() {
    return lro.opId();
  }
}
