package org.svmsim.vpxa.log;

import java.util.Arrays;
import org.svmsim.kernel.log.CatalogEntry;
import org.svmsim.kernel.log.MessageIndex;
import org.svmsim.kernel.log.MessageTemplate;
import org.svmsim.kernel.log.Provenance;

/**
 * hostd.log's message families. The Hostlog dump is real-lines/hostd_pastebin-kUm2UJ6k_vsan-svmotion.log;
 * ResolveCb is named by issue 7 as hostd's real migration family (its wording from public hostd logs);
 * the registration, state, task and shadow lines are svmsim's, in hostd's manner, as real-lines shows none.
 */
public enum HostdCatalog implements CatalogEntry {
  INITIALIZED(Provenance.SVMSIM, "Initialized virtual machine."),
  SHADOW_REGISTERED(Provenance.SVMSIM, "Registered shadow virtual machine {} of {} in fail-safe mode: {}"),
  UNREGISTERED(Provenance.SVMSIM, "Unregistered virtual machine {}."),
  SHADOW_UNREGISTERED(Provenance.SVMSIM, "Unregistered shadow virtual machine {}."),
  STATE(Provenance.SVMSIM, "State Transition ({} -> {})"),
  SHADOW_READY(Provenance.SVMSIM, "Shadow virtual machine is powered on and idle until the disk copy ends"),
  TASK_CREATED(Provenance.SVMSIM, "Task Created : {}"),
  TASK_PROGRESS(Provenance.SVMSIM, "Task Progress : {} {}%"),
  TASK_FAILED(Provenance.SVMSIM, "Task {} failed: {}"),
  TASK_COMPLETED(Provenance.SVMSIM, "Task Completed : {} Status {}"),
  HOSTLOG_DUMP(Provenance.REAL, "CopyFromEntry: Hostlog_Dump: Hostlog {}"),
  HOSTLOG_UUID(Provenance.REAL, "   UUID: {}"),
  HOSTLOG_MIGID(Provenance.REAL, "   MigID: {}"),
  HOSTLOG_STATE(Provenance.REAL, "   HLState: {}"),
  HOSTLOG_TO_FROM(Provenance.REAL, "   ToFrom: {}"),
  HOSTLOG_MIGTYPE(Provenance.REAL, "   MigType: {}"),
  RESOLVE_NEEDS_UNREGISTER(Provenance.REAL, "ResolveCb: VMX reports needsUnregister = {} for migrateType {}"),
  RESOLVE_SUCCEEDED(Provenance.REAL, "ResolveCb: Succeeded"),
  RESOLVE_FAILED(Provenance.REAL, "ResolveCb: Failed with fault: {}"),
  /** svmsim's wording: real-lines shows no agent shutdown or start. */
  STOPPING(Provenance.SVMSIM, "hostd is shutting down: {}"),
  BANNER(Provenance.SVMSIM, "Log for VMware ESX, pid={}, version={}, build={}, option=Release"),
  RECOVERED(Provenance.SVMSIM, "Auto-starting the virtual machine after the host's boot: {}"),
  INVENTORY_LOADED(Provenance.SVMSIM, "Loaded {} virtual machines from the inventory; asking each VMX for its state");

  /** Per-VM subsystem: {@code Vmsvc.vm:<vmx path>}. */
  static final String VMSVC_VM = "Vmsvc.vm:";
  static final String VMSVC = "Vmsvc";
  static final String TASK_MANAGER = "Vimsvc.TaskManager";
  static final String LIBS = "Libs";
  /** The migration's own subsystem, named after its id: {@code Vcsvc.VMotionSrc.<mid>}. */
  static final String VMOTION_SRC = "Vcsvc.VMotionSrc.";
  /** hostd names the vCenter agent's session and the vCenter user behind it on every operation vpxa asked for. */
  static final String VPXUSER = "vpxuser:VSPHERE.LOCAL\\Administrator";

  private static final MessageIndex<HostdCatalog> INDEX = new MessageIndex<>(Arrays.asList(values()));
  private final Provenance provenance;
  private final MessageTemplate template;

  HostdCatalog(Provenance provenance, String text) {
    this.provenance = provenance;
    this.template = new MessageTemplate(text);
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public MessageTemplate template() {
    return template;
  }

  String render(Object... args) {
    return template.render(args);
  }

  /** The entry whose text is {@code message} (normalised), or null. */
  public static HostdCatalog find(String message) {
    return INDEX.find(message);
  }
}
