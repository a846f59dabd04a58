package org.svmsim.vpxa.log;

import static org.svmsim.vpxa.log.HostdCatalog.*;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.id.VmId;
import org.svmsim.vpxa.Fault;
import org.svmsim.vpxa.log.AgentLog.Level;

/** Renders {@code var/log/hostd.log} from hostd's facts: registrations, state transitions and tasks. */
public final class HostdLogRenderer extends AgentLogRenderer {
  public static final String PATH = "var/log/hostd.log";
  /** What the registration facts do not carry: the relocate's opID, the shadow's .vmx, shadow vmids. */
  private final Map<VmId, String> relocateOp = new LinkedHashMap<>();
  private final Map<VmId, String> shadowVmx = new LinkedHashMap<>();
  private final Set<Integer> shadowIds = new LinkedHashSet<>();

  public HostdLogRenderer() {
    super(PATH, "hostd", 6);
  }

  @Override
  void render(long t, AgentEvent event) {
    if (event instanceof AgentEvent.VmRegistered e) {
      registered(t, e);
    } else if (event instanceof AgentEvent.VmUnregistered e) {
      String op = relocateOp.getOrDefault(e.vm(), "");
      boolean shadow = shadowIds.remove(e.hostdId());
      log.write(t, Level.INFO, vm(e.vmxPath()), op, op.isEmpty() ? "" : VPXUSER,
          (shadow ? SHADOW_UNREGISTERED : UNREGISTERED).render(e.hostdId()));
    } else if (event instanceof AgentEvent.VmStateChanged e) {
      log.write(t, Level.INFO, vm(e.vmxPath()), e.opId(), e.opId().isEmpty() ? "" : VPXUSER,
          STATE.render(e.from(), e.to()));
    } else if (event instanceof AgentEvent.ShadowVmReady e) {
      String vmx = shadowVmx.getOrDefault(e.vm(), e.destination().resolve(e.vm()));
      log.write(t, Level.INFO, vm(vmx), e.opId(), VPXUSER, SHADOW_READY.render());
    } else if (event instanceof AgentEvent.HostdTaskCreated e) {
      log.write(t, Level.INFO, TASK_MANAGER, e.opId(), VPXUSER, TASK_CREATED.render(e.taskId()));
    } else if (event instanceof AgentEvent.HostdTaskProgress e) {
      log.write(t, Level.VERBOSE, TASK_MANAGER, e.opId(), VPXUSER,
          TASK_PROGRESS.render(e.taskId(), e.percent()));
    } else if (event instanceof AgentEvent.HostdTaskCompleted e) {
      if (!e.success()) {
        log.write(t, Level.WARNING, TASK_MANAGER, e.opId(), VPXUSER,
            TASK_FAILED.render(e.taskId(), Fault.parse(e.fault())));
      }
      log.write(t, Level.INFO, TASK_MANAGER, e.opId(), VPXUSER,
          TASK_COMPLETED.render(e.taskId(), e.success() ? "success" : "error"));
    } else if (event instanceof AgentEvent.RelocateStepStarted e) {
      relocateOp.put(e.vm(), e.opId());
    } else if (event instanceof AgentEvent.RelocateFinished e) {
      relocateOp.remove(e.vm());
      shadowVmx.remove(e.vm());
    }
  }

  private void registered(long t, AgentEvent.VmRegistered e) {
    if (!e.shadow()) {
      log.write(t, Level.INFO, vm(e.vmxPath()), "", "", INITIALIZED.render());
      return;
    }
    shadowVmx.put(e.vm(), e.vmxPath());
    shadowIds.add(e.hostdId());
    log.write(t, Level.INFO, VMSVC, relocateOp.getOrDefault(e.vm(), ""), VPXUSER,
        SHADOW_REGISTERED.render(e.hostdId(), e.vm(), e.vmxPath()));
  }

  private static String vm(String vmxPath) {
    return VMSVC_VM + vmxPath;
  }
}
