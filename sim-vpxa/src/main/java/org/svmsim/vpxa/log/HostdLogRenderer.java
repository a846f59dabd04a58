package org.svmsim.vpxa.log;

import static org.svmsim.vpxa.log.HostdCatalog.*;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.vpxa.Fault;
import org.svmsim.vpxa.log.AgentLog.Level;

/**
 * Renders {@code var/log/hostd.log} from hostd's facts: registrations, state transitions and tasks, and
 * from the VMX's, how the migration resolved (ResolveCb; on failure the Hostlog dump and the fault).
 * hostd's opIDs chain the caller's: vpxa's {@code e6012b2-01-b0} becomes {@code e6012b2-01-b0-a3-d55d}.
 */
public final class HostdLogRenderer extends AgentLogRenderer {
  public static final String PATH = "var/log/hostd.log";
  /** What the registration facts do not carry: the relocate's opID, the shadow's .vmx, shadow vmids. */
  private final Map<VmId, String> relocateOp = new LinkedHashMap<>();
  private final Map<VmId, String> shadowVmx = new LinkedHashMap<>();
  private final Map<VmId, String> sourceVmx = new LinkedHashMap<>();
  private final Map<VmId, VmxEvent.StartSvmotion> migrations = new LinkedHashMap<>();
  private final Set<Integer> shadowIds = new LinkedHashSet<>();
  private final Map<String, String> chained = new LinkedHashMap<>();
  private SimRandom random = new SimRandom(0).split("hostd.log/ids");
  private String hostUuid = "00000000-0000-0000-0000-000000000000";

  public HostdLogRenderer() {
    super(PATH, "hostd", 6);
  }

  @Override
  void onStart(RunEvent.RunStarted run) {
    random = new SimRandom(run.seed()).split("hostd.log/ids");
    // Hosts report a SMBIOS UUID whose last group is often a NIC's MAC address (real-lines hostd).
    hostUuid = "00000000-0000-0000-0000-" + String.format("%012x", random.nextLong(0, 1L << 48));
  }

  @Override
  void render(long t, AgentEvent event) {
    if (event instanceof AgentEvent.VmRegistered e) {
      registered(t, e);
    } else if (event instanceof AgentEvent.VmUnregistered e) {
      String op = op(relocateOp.getOrDefault(e.vm(), ""));
      boolean shadow = shadowIds.remove(e.hostdId());
      write(t, Level.INFO, vm(e.vmxPath()), op, (shadow ? SHADOW_UNREGISTERED : UNREGISTERED).render(e.hostdId()));
    } else if (event instanceof AgentEvent.VmStateChanged e) {
      write(t, Level.INFO, vm(e.vmxPath()), op(e.opId()), STATE.render(e.from(), e.to()));
    } else if (event instanceof AgentEvent.ShadowVmReady e) {
      String vmx = shadowVmx.getOrDefault(e.vm(), e.destination().resolve(e.vm()));
      write(t, Level.INFO, vm(vmx), op(e.opId()), SHADOW_READY.render());
    } else if (event instanceof AgentEvent.HostdTaskCreated e) {
      write(t, Level.INFO, TASK_MANAGER, op(e.opId()), TASK_CREATED.render(e.taskId()));
    } else if (event instanceof AgentEvent.HostdTaskProgress e) {
      write(t, Level.VERBOSE, TASK_MANAGER, op(e.opId()), TASK_PROGRESS.render(e.taskId(), e.percent()));
    } else if (event instanceof AgentEvent.HostdTaskCompleted e) {
      if (!e.success()) {
        write(t, Level.WARNING, TASK_MANAGER, op(e.opId()), TASK_FAILED.render(e.taskId(), Fault.parse(e.fault())));
      }
      write(t, Level.INFO, TASK_MANAGER, op(e.opId()),
          TASK_COMPLETED.render(e.taskId(), e.success() ? "success" : "error"));
    } else if (event instanceof AgentEvent.RelocateStepStarted e) {
      relocateOp.put(e.vm(), e.opId());
    } else if (event instanceof AgentEvent.VmRecovered e) {
      write(t, Level.INFO, vm(e.vmxPath()), "", RECOVERED.render(e.why()));
    } else if (event instanceof AgentEvent.InventoryLoaded e) {
      log.write(t, Level.INFO, VMSVC, "", "", INVENTORY_LOADED.render(e.vms()));
    } else if (event instanceof AgentEvent.RelocateFinished e) {
      relocateOp.remove(e.vm());
      shadowVmx.remove(e.vm());
    }
  }

  @Override
  String stopping(String reason) {
    return STOPPING.render(reason);
  }

  @Override
  String banner(int pid) {
    return BANNER.render(pid, esxVersion, esxBuild);
  }

  @Override
  void renderVmx(long t, VmxEvent event) {
    if (event instanceof VmxEvent.StartSvmotion e) {
      migrations.put(e.vm(), e);
    } else if (event instanceof VmxEvent.SvmotionFinished e) {
      VmxEvent.StartSvmotion m = migrations.remove(e.vm());
      if (m != null) {
        resolved(t, e, m);
      }
    }
  }

  /**
   * The VMX reports the migration's end to hostd. A failure first dumps the migration's host log (the
   * .hlog in the VM's directory, real-lines: HLState none, ToFrom none, MigType invalid once reset), then
   * ResolveCb fails with the fault.
   */
  private void resolved(long t, VmxEvent.SvmotionFinished e, VmxEvent.StartSvmotion m) {
    String op = op(m.opId());
    String sub = VMOTION_SRC + m.migrationId();
    write(t, Level.INFO, sub, op, RESOLVE_NEEDS_UNREGISTER.render(e.success(), "MIGRATE_TYPE_VMOTION"));
    if (e.success()) {
      write(t, Level.INFO, sub, op, RESOLVE_SUCCEEDED.render());
      return;
    }
    String vmx = sourceVmx.getOrDefault(e.vm(), e.home().resolve(e.vm() + "/" + e.vm() + ".vmx"));
    String hlog = vmx.substring(0, vmx.lastIndexOf('/') + 1) + e.vm() + "-"
        + String.format("%08x", random.nextLong(0, 1L << 32)) + ".hlog";
    write(t, Level.INFO, LIBS, op, HOSTLOG_DUMP.render(hlog));
    write(t, Level.INFO, LIBS, op, HOSTLOG_UUID.render(hostUuid));
    write(t, Level.INFO, LIBS, op, HOSTLOG_MIGID.render(m.migrationId()));
    write(t, Level.INFO, LIBS, op, HOSTLOG_STATE.render("none"));
    write(t, Level.INFO, LIBS, op, HOSTLOG_TO_FROM.render("none"));
    write(t, Level.INFO, LIBS, op, HOSTLOG_MIGTYPE.render("invalid"));
    Fault fault = Fault.parse(e.reason());
    List<String> block = VpxaCatalog.faultBlock(fault);
    log.write(t, Level.ERROR, sub, op, VPXUSER, RESOLVE_FAILED.render(block.get(1)), block.subList(2, block.size()));
  }

  private void registered(long t, AgentEvent.VmRegistered e) {
    if (!e.shadow()) {
      sourceVmx.put(e.vm(), e.vmxPath());
      log.write(t, Level.INFO, vm(e.vmxPath()), "", "", INITIALIZED.render());
      return;
    }
    shadowVmx.put(e.vm(), e.vmxPath());
    shadowIds.add(e.hostdId());
    write(t, Level.INFO, VMSVC, op(relocateOp.getOrDefault(e.vm(), "")),
        SHADOW_REGISTERED.render(e.hostdId(), e.vm(), e.vmxPath()));
  }

  private void write(long t, Level level, String sub, String op, String message) {
    log.write(t, level, sub, op, op.isEmpty() ? "" : VPXUSER, message);
  }

  /** hostd's opID for the caller's: the caller's, then hostd's own two suffixes, drawn once per caller op. */
  private String op(String caller) {
    if (caller == null || caller.isEmpty()) {
      return "";
    }
    return chained.computeIfAbsent(caller, c -> c + "-" + String.format("%02x", random.nextInt(256)) + "-"
        + String.format("%04x", random.nextInt(1 << 16)));
  }

  private static String vm(String vmxPath) {
    return VMSVC_VM + vmxPath;
  }
}
