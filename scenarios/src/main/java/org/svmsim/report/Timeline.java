package org.svmsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.Observer;

/**
 * Who did what and when, per component: the spans (relocate task and its steps, VM states, VMX processes
 * and SVMotion phases, the mirror or change-tracking device and the copy passes, stuns) and the instants (probes, failures) of
 * the report's timeline, gathered from the facts on the bus.
 */
final class Timeline implements Observer {
  static final List<String> LANES = List.of("vpxa", "hostd", "VMX", "vmkernel");
  static final int VPXA = 0;
  static final int HOSTD = 1;
  static final int VMX = 2;
  static final int VMKERNEL = 3;

  /** A span of virtual time on a lane; {@code end} is -1 while it is open. */
  record Span(int lane, String kind, String label, long start, long end) {}

  /** An instant on a lane. */
  record Mark(int lane, String kind, String label, long t) {}

  private final List<Span> spans = new ArrayList<>();
  private final List<Mark> marks = new ArrayList<>();
  /** The open span of each key ("phase W1_2", "device ..."), by its index in {@code spans}. */
  private final Map<String, Integer> open = new LinkedHashMap<>();
  /** The pid of each running VMX, by "VM" or "VM shadow". */
  private final Map<String, Integer> pids = new LinkedHashMap<>();
  private long last;

  @Override
  public void onEvent(long t, Event event) {
    last = Math.max(last, t);
    if (event instanceof AgentEvent e) {
      agent(t, e);
    } else if (event instanceof VmxEvent e) {
      vmx(t, e);
    } else if (event instanceof KernelEvent e) {
      kernel(t, e);
    }
  }

  private void agent(long t, AgentEvent event) {
    if (event instanceof AgentEvent.LroBegan e) {
      begin("lro " + e.lroId(), new Span(VPXA, "task", e.lroId() + " " + e.method(), t, -1));
    } else if (event instanceof AgentEvent.LroFinished e) {
      end("lro " + e.lroId(), t);
      if (!e.success()) {
        marks.add(new Mark(VPXA, "fail", "task failed: " + e.fault(), t));
      }
    } else if (event instanceof AgentEvent.RelocateStepStarted e) {
      begin("step " + e.vm(), new Span(VPXA, "step", "step " + e.step() + ": " + e.description(), t, -1));
    } else if (event instanceof AgentEvent.RelocateFinished e) {
      end("step " + e.vm(), t);
    } else if (event instanceof AgentEvent.VmStateChanged e) {
      String key = "state " + e.vm() + " " + e.hostdId();
      begin(key, new Span(HOSTD, "state", e.vm() + " (" + e.hostdId() + ") " + e.to(), t, -1));
    } else if (event instanceof AgentEvent.VmUnregistered e) {
      end("state " + e.vm() + " " + e.hostdId(), t);
    } else if (event instanceof AgentEvent.HostdTaskCreated e) {
      begin("task " + e.taskId(), new Span(HOSTD, "task", e.taskId(), t, -1));
    } else if (event instanceof AgentEvent.HostdTaskCompleted e) {
      end("task " + e.taskId(), t);
    }
  }

  private void vmx(long t, VmxEvent event) {
    if (event instanceof VmxEvent.VmxStarted e) {
      String who = (e.shadow() ? "shadow VMX " : "VMX ") + e.vm() + " pid " + e.pid();
      begin("vmx " + e.vm() + " " + e.pid(), new Span(VMX, "process", who, t, -1));
      pids.put(e.vm() + (e.shadow() ? " shadow" : ""), e.pid());
    } else if (event instanceof VmxEvent.VmxStopped e) {
      closeProcess(e.vm() + "", t);
    } else if (event instanceof VmxEvent.SvmotionPhaseEntered e) {
      begin("phase " + e.vm(), new Span(VMX, "phase", "phase " + e.phase() + ": " + e.name(), t, -1));
    } else if (event instanceof VmxEvent.SvmotionFinished e) {
      end("phase " + e.vm(), t);
      if (!e.success()) {
        marks.add(new Mark(VMX, "fail", "SVMotion failed: " + e.reason(), t));
      }
    } else if (event instanceof VmxEvent.VmStunned e) {
      begin("stun " + e.vm(), new Span(VMX, "stun", e.vm() + " stunned", t, -1));
    } else if (event instanceof VmxEvent.VmUnstunned e) {
      Integer i = open.remove("stun " + e.vm());
      if (i != null) {
        Span s = spans.get(i);
        String label = e.vm() + " stopped for " + e.stoppedMicros() + " us";
        spans.set(i, new Span(s.lane(), s.kind(), label, s.start(), t));
      }
    }
  }

  /** The VMX that stops is the one of the VM still open (a source VMX exits before its shadow's). */
  private void closeProcess(String vm, long t) {
    for (String shadow : new String[] {"", " shadow"}) {
      Integer pid = pids.remove(vm + shadow);
      if (pid != null) {
        end("vmx " + vm + " " + pid, t);
        return;
      }
    }
  }

  private void kernel(long t, KernelEvent event) {
    if (event instanceof KernelEvent.SvmDeviceCreated e) {
      begin("device " + e.device(), new Span(VMKERNEL, "mirror", e.device().name(), t, -1));
    } else if (event instanceof KernelEvent.SvmDeviceDestroyed e) {
      end("device " + e.device(), t);
    } else if (event instanceof KernelEvent.ChangeTrackingStarted e) {
      begin("cbt " + e.device(), new Span(VMKERNEL, "cbt", e.device().name(), t, -1));
    } else if (event instanceof KernelEvent.ChangeTrackingStopped e) {
      end("cbt " + e.device(), t);
    } else if (event instanceof KernelEvent.CopyPassStarted e) {
      String label = "copy pass " + e.pass() + " (" + e.mover().id() + ")";
      begin("copy " + e.job(), new Span(VMKERNEL, "copy", label, t, -1));
    } else if (event instanceof KernelEvent.CopyPassCompleted e) {
      end("copy " + e.job(), t);
    } else if (event instanceof KernelEvent.CopyFailed e) {
      end("copy " + e.job(), t);
      marks.add(new Mark(VMKERNEL, "fail", "copy failed: " + e.reason(), t));
    } else if (event instanceof KernelEvent.ProbeOpenFailed e) {
      marks.add(new Mark(VMKERNEL, "probe", "rescan probe of " + e.device() + ": " + e.status(), t));
    } else if (event instanceof KernelEvent.SwitchoverTimedOut e) {
      marks.add(new Mark(VMKERNEL, "fail", "switchover over " + e.maxSeconds() + " s: failed", t));
    }
  }

  /** Opens {@code span} under {@code key}, closing the span the key had open (the next phase ends the last). */
  private void begin(String key, Span span) {
    end(key, span.start());
    open.put(key, spans.size());
    spans.add(span);
  }

  private void end(String key, long t) {
    Integer i = open.remove(key);
    if (i != null) {
      Span s = spans.get(i);
      spans.set(i, new Span(s.lane(), s.kind(), s.label(), s.start(), t));
    }
  }

  /** The spans, those still open ending at the run's last event. */
  List<Span> spans() {
    return spans.stream().map(s -> s.end() >= 0 ? s : new Span(s.lane(), s.kind(), s.label(), s.start(), last))
        .toList();
  }

  List<Mark> marks() {
    return List.copyOf(marks);
  }

  long end() {
    return last;
  }
}
