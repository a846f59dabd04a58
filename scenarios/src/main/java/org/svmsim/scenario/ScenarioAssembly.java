package org.svmsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.config.HostConfig;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.perf.DatastorePerformance;
import org.svmsim.kernel.sim.Event;
import org.svmsim.scenario.unit.SimDuration;
import org.svmsim.vmx.config.DiskConfig;
import org.svmsim.vmx.config.VmConfig;
import org.svmsim.vmx.config.WorkloadConfig;

/**
 * A validated scenario translated into the components' own configuration records: what the runner wires.
 * Names become ids, sizes become sectors or bytes, durations nanoseconds, and the timeline becomes events.
 */
public record ScenarioAssembly(Scenario scenario, HostConfig host, List<DatastoreConfig> datastores,
    List<VmConfig> vms, List<TimedEvent> timeline) {

  public ScenarioAssembly {
    datastores = List.copyOf(datastores);
    vms = List.copyOf(vms);
    timeline = List.copyOf(timeline);
  }

  public static ScenarioAssembly of(Scenario s) {
    ScenarioValidator.validate(s);
    return new ScenarioAssembly(s, host(s.host()), s.datastores().stream().map(ScenarioAssembly::datastore).toList(),
        s.vms().stream().map(vm -> vm(s, vm)).toList(), s.timeline().stream().map(a -> event(s, a)).toList());
  }

  public long seed() {
    return scenario.seed();
  }

  /** The wall-clock instant of virtual time zero, in epoch milliseconds, for the log timestamps. */
  public long startEpochMillis() {
    return scenario.start().toEpochMilli();
  }

  private static HostConfig host(HostSpec h) {
    RescanSpec r = h.rescan();
    return new HostConfig(h.hostname(), h.dottedVersion(), h.build(), h.cpus(), r.first().nanos(),
        r.minInterval().nanos(), r.maxInterval().nanos(), r.at().stream().map(SimDuration::nanos).toList(),
        r.worlds().stream().map(WorldId::of).toList());
  }

  private static DatastoreConfig datastore(DatastoreSpec d) {
    PerformanceSpec p = d.performance();
    return new DatastoreConfig(d.name(), DatastoreId.of(d.uuid()), d.blockSize().bytes(), d.capacity().bytes(),
        d.free().bytes(), d.array(), d.vaai(),
        new DatastorePerformance(p.bandwidth().bytesPerSecond(), p.latency().nanos(), p.queueDepth()));
  }

  private static VmConfig vm(Scenario s, VmSpec vm) {
    List<DiskConfig> disks = new ArrayList<>();
    for (int i = 0; i < vm.disks().size(); i++) {
      DiskSpec d = vm.disks().get(i);
      String file = vm.name() + (i == 0 ? "" : "_" + i) + ".vmdk";
      disks.add(new DiskConfig(file, d.size().sectors(), d.thin(), handle(d.handle()), handle(d.destinationHandle())));
    }
    WorkloadSpec w = vm.workload();
    WorkloadConfig workload = new WorkloadConfig(w.iops(), w.readRatio(), w.ioSize().sectors(),
        WorkloadConfig.Locality.valueOf(w.locality().toUpperCase(Locale.ROOT)), w.hotFraction(),
        w.hotProbability(), w.outstanding());
    return new VmConfig(VmId.of(vm.name()), datastoreId(s, vm.datastore()), WorldId.of(vm.worldId()), vm.pid(),
        vm.uuid(), vm.vcpus(), vm.memory().bytes(), vm.guestOs(), disks, workload, vm.bootNanos());
  }

  private static TimedEvent event(Scenario s, ActionSpec a) {
    VmId vm = VmId.of(a.vm());
    Event e = switch (a.action()) {
      case "powerOn" -> new AgentEvent.PowerOnVm(vm);
      case "powerOff" -> new AgentEvent.PowerOffVm(vm);
      default -> new AgentEvent.RelocateVm(vm, Method.parse(a.method()), datastoreId(s, a.destination()), options(a.options()));
    };
    return new TimedEvent(a.at().nanos(), e);
  }

  private static MigrationOptions options(RelocateOptions o) {
    return new MigrationOptions(o.chunkSize().sectors(), o.mover(), o.maxSwitchover().nanos(),
        o.dbt().policy(), o.snapshot().policy(), o.vmxDelays().equals("seed"));
  }

  private static DatastoreId datastoreId(Scenario s, String nameOrUuid) {
    return DatastoreId.of(ScenarioValidator.datastore(s.datastores(), nameOrUuid).orElseThrow().uuid());
  }

  private static DiskHandle handle(String hex) {
    return hex.isEmpty() ? null : DiskHandle.parse(hex);
  }
}
