package org.svmsim.run;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.svmsim.journal.WriteJournal;
import org.svmsim.kernel.Vmkernel;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.fault.Fault;
import org.svmsim.kernel.fault.FaultKind;
import org.svmsim.kernel.fault.FaultPlan;
import org.svmsim.kernel.log.LogRenderer;
import org.svmsim.kernel.perf.StorageFabric;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.Observer;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.scenario.LimitsSpec;
import org.svmsim.scenario.ScenarioAssembly;
import org.svmsim.scenario.TimedEvent;
import org.svmsim.scenario.fault.FaultRules;
import org.svmsim.scenario.unit.SimDuration;
import org.svmsim.vmx.VmFiles;
import org.svmsim.vmx.Vmx;
import org.svmsim.vmx.VmxProcess;
import org.svmsim.vmx.disk.VirtualDisk;
import org.svmsim.vpxa.HostAgents;
import org.svmsim.vpxa.ManagedVm;

/**
 * One run: the kernel, the VMXs and the host agents on one event loop, one seed; the renderers and the
 * recorder watching. Produces the rendered logs and the summary; writes nothing itself but events.
 */
public final class Simulation {
  private final ScenarioAssembly spec;

  /**
   * What a run produced: the log files by relative path, the summary, and the disks the VMs run on at the
   * end, by journal name ({@link WriteJournal#diskName}), in VM then disk order.
   */
  public record Result(SortedMap<String, String> logs, RunSummary summary, Map<String, BlockStore> finalDisks) {}

  public Simulation(ScenarioAssembly spec) {
    this.spec = spec;
  }

  /**
   * Runs to the end; every dispatched event is written to {@code events} as JSON lines between a header
   * and a trailer ({@code events} null: counted only).
   */
  public Result run(OutputStream events) {
    return run(events, List.of());
  }

  /** Runs to the end with {@code probes} watching too, after the recorder, renderers and metrics. */
  public Result run(OutputStream events, List<Observer> probes) {
    EventLoop loop = new EventLoop(spec.seed());
    SimRandom random = new SimRandom(spec.seed());
    String method = String.join("+", spec.scenario().relocateMethods());
    EventRecorder recorder = new EventRecorder(events, new EventsHeader(EventsHeader.FORMAT, BuildInfo.version(),
        spec.scenario().name(), spec.seed(), method));
    RunMetrics metrics = new RunMetrics();
    List<LogRenderer> renderers = Renderers.all();
    loop.observe(recorder);
    renderers.forEach(loop::observe);
    loop.observe(metrics);
    probes.forEach(loop::observe);

    loop.publish(new RunEvent.RunStarted(spec.scenario().name(), spec.seed(), method,
        spec.startEpochMillis(), spec.host().hostname(), spec.host().esxVersion(), spec.host().esxBuild(),
        spec.host().cpus()));
    // The datastores' I/O services belong to the run, not to the host: later hosts share them.
    StorageFabric storage = new StorageFabric(loop);
    // Everything of the host runs on its own share of the loop, which a host-crash drops at once.
    EventLoop.Domain domain = loop.domain("host");
    Vmkernel kernel = new Vmkernel(domain, random.split("kernel"), spec.host(), storage, spec.datastores());
    List<Fault> faults = FaultRules.faults(spec.scenario());
    FaultPlan.install(loop, faults);
    Vmx vmx = Vmx.install(domain, kernel, random.split("vmx"), spec.vms());
    if (faults.stream().noneMatch(f -> f.kind() == FaultKind.HOST_CRASH)) {
      vmx.powerNeverFails(); // only a host crash undoes the writes in flight
    }
    List<ManagedVm> managed = spec.vms().stream().map(vm -> new ManagedVm(vm.name(), vm.home())).toList();
    HostAgents agents = HostAgents.install(domain, loop, kernel.vmfs(), random.split("agents"), managed);
    kernel.start();
    Host host = new Host(loop, random.split("host"), spec.host(), storage, domain, kernel, vmx, agents);
    RunDirector director = new RunDirector(loop, spec.timeline(), random.split("timeline"));
    long last = spec.timeline().stream().mapToLong(TimedEvent::atNanos).max().orElse(0);
    LimitsSpec limits = spec.scenario().limits();
    long horizon = last + limits.overrun().nanos();
    loop.run(horizon, limits.events());
    if (!director.finished()) {
      if (loop.dispatched() >= limits.events()) {
        director.abort(loop.now(), "limits.events: the run dispatched its " + limits.events() + " events by "
            + virtual(loop.now()) + " of virtual time without finishing; raise it with --set"
            + " limits.events=N");
      } else if (!loop.idle()) {
        director.abort(horizon, "limits.overrun: the run went on " + limits.overrun() + " past its timeline's"
            + " last action at " + virtual(last) + " without finishing; raise it with --set"
            + " limits.overrun=DURATION");
      } else {
        director.failUnsettled();
      }
      loop.run();
    }
    recorder.finish();
    SortedMap<String, String> logs = collect(renderers);
    return new Result(logs, summarize(metrics, recorder, host.kernel(), host.vmx(), List.copyOf(logs.keySet())),
        finalDisks(host.kernel(), host.vmx()));
  }

  private static Map<String, BlockStore> finalDisks(Vmkernel kernel, Vmx vmx) {
    Map<String, BlockStore> disks = new LinkedHashMap<>();
    for (VmxProcess p : vmx.processes()) {
      for (int i = 0; i < p.disks().size(); i++) {
        disks.put(WriteJournal.diskName(p.config().name(), i), p.disks().get(i).content());
      }
    }
    return disks;
  }

  private RunSummary summarize(RunMetrics m, EventRecorder recorder, Vmkernel kernel, Vmx vmx,
      List<String> logs) {
    long diskBytes = 0;
    long lost = 0;
    long throttled = 0;
    long throttledNanos = 0;
    for (VmxProcess p : vmx.processes()) {
      throttled += p.adapter().throttled();
      throttledNanos += p.adapter().throttledNanos();
      for (VirtualDisk d : p.disks()) {
        diskBytes += d.config().capacitySectors() * BlockStore.SECTOR;
        lost += d.audit().lostWrites(d.content());
      }
    }
    double migrationMs = m.migrationNanos < 0 ? -1 : m.migrationNanos / 1e6;
    double rate = m.migrationNanos <= 0 ? 0 : m.bytesCopied / (m.migrationNanos / 1e9) / (1 << 20);
    String method = String.join("+", spec.scenario().relocateMethods());
    String ran = m.method.isEmpty() ? method : m.method;
    boolean mirror = ran.equals(Method.MIRROR.id());
    boolean dbt = ran.equals(Method.DBT.id());
    boolean snapshot = ran.equals(Method.SNAPSHOT.id());
    GuestWriteImpact.Figures impact = m.guestImpact.figures();
    return new RunSummary(spec.scenario().name(), spec.seed(), ran,
        m.outcome, m.failureReason, round3(migrationMs), m.downtimeMicros < 0 ? 0 : m.downtimeMicros / 1e3,
        m.bytesCopied, diskBytes, m.guestWrites, mirror ? m.guestWritesMirrored : null, impact.p50Us(),
        impact.p99Us(), impact.maxUs(), impact.throughputMBps(), throttled,
        round3(throttledNanos / 1e6), m.guestIoErrors, m.passes(), m.stunCount, mirror ? m.mirroredBytes : null,
        dbt ? List.copyOf(m.dirtyPerPass) : null, snapshot ? m.redoLogBytes : null, m.checked && m.consistent,
        lost, m.mover, round3(rate), recorder.count(), logs);
  }

  private static String virtual(long nanos) {
    return SimDuration.ofMillis(nanos / VirtualTime.MILLISECOND).toString();
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  static SortedMap<String, String> collect(List<LogRenderer> renderers) {
    SortedMap<String, String> all = new TreeMap<>();
    renderers.forEach(r -> all.putAll(r.files()));
    return all;
  }
}
