package org.svmsim.kernel.event;

import java.util.List;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.Event;

/** What the host agents (vpxa, hostd) do and are asked to do; hostd.log and vpxa.log come from these. */
public sealed interface AgentEvent extends Event {

  /** Timeline: power the VM on (hostd). */
  record PowerOnVm(VmId vm) implements AgentEvent {}

  /** Timeline: power the VM off (hostd). */
  record PowerOffVm(VmId vm) implements AgentEvent {}

  /** Timeline: relocate the VM's disks and home to {@code destination} (vCenter to vpxa). */
  record RelocateVm(VmId vm, Method method, DatastoreId destination, MigrationOptions options)
      implements AgentEvent {}

  /** hostd knows the VM: registered from its .vmx file. */
  record VmRegistered(VmId vm, String vmxPath, int hostdId, boolean shadow) implements AgentEvent {}

  /** hostd's view of the VM changed (VM_STATE_OFF, VM_STATE_POWERING_ON, VM_STATE_ON, ...). */
  record VmStateChanged(VmId vm, String vmxPath, int hostdId, String from, String to, String opId)
      implements AgentEvent {}

  record VmUnregistered(VmId vm, String vmxPath, int hostdId) implements AgentEvent {}

  /** A hostd task was created (haTask-...). */
  record HostdTaskCreated(String taskId, String opId) implements AgentEvent {}

  /** A hostd task reports progress. */
  record HostdTaskProgress(String taskId, String opId, int percent) implements AgentEvent {}

  /** A hostd task ended. */
  record HostdTaskCompleted(String taskId, String opId, boolean success, String fault)
      implements AgentEvent {}

  /** vpxa begins a long-running operation ([VpxLRO] -- BEGIN). */
  record LroBegan(String lroId, String opId, String moid, String method, String taskUuid)
      implements AgentEvent {}

  /** vpxa ends a long-running operation ([VpxLRO] -- FINISH, or -- ERROR). */
  record LroFinished(String lroId, String opId, boolean success, String fault) implements AgentEvent {}

  /** A step of the relocate (DOMAIN.md section 2) started. */
  record RelocateStepStarted(String opId, VmId vm, int step, String description) implements AgentEvent {}

  /** vpxa copied the VM's working directory (vmx, nvram, logs) to the destination. */
  record WorkingDirCopied(String opId, VmId vm, DatastoreId destination, List<String> files, long bytes)
      implements AgentEvent {}

  /** The shadow VM is registered and idling at the destination, in fail-safe mode. */
  record ShadowVmReady(String opId, VmId vm, DatastoreId destination) implements AgentEvent {}

  /** The old working directory and disks were deleted from the source. */
  record SourceFilesDeleted(String opId, VmId vm, DatastoreId source, List<String> files)
      implements AgentEvent {}

  /** The relocate task ended. */
  record RelocateFinished(String opId, VmId vm, boolean success, String fault, long elapsedNanos)
      implements AgentEvent {}

  /** A host agent stopped (a restart, or the host went down): it hears nothing until it starts again. */
  record AgentStopped(String agent, String reason) implements AgentEvent {}

  /** A host agent started again, as process {@code pid}; its log begins with its banner. */
  record AgentStarted(String agent, int pid) implements AgentEvent {}

  /** hostd, started again, reloaded its inventory: {@code vms} registrations. */
  record InventoryLoaded(int vms) implements AgentEvent {}

  /**
   * vpxa, started again, found a relocate in its journal, at {@code step}: {@code found} is {@code
   * migrating} (the VMX still migrates; vpxa waits for its end), {@code ended} (the VMX ended it while vpxa
   * was down) or {@code lost} (it was in vpxa's own steps and died with the process); after the host's
   * crash, {@code crashed} (before the switchover committed) or {@code committed}.
   */
  record RelocateReattached(String opId, VmId vm, String lroId, int step, String found) implements AgentEvent {}

  /**
   * hostd, at the host's boot after a crash, found the VM's complete disks on {@code home} ({@code why}:
   * what told it) and starts the VM again (hostd's auto-start).
   */
  record VmRecovered(VmId vm, String vmxPath, DatastoreId home, String why) implements AgentEvent {}
}
