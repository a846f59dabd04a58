package org.svmsim.vpxa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.log.EsxTime;
import org.svmsim.kernel.log.LogRenderer;
import org.svmsim.kernel.perf.DatastorePerformance;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.Vmfs;
import org.svmsim.kernel.vmfs.VmfsVolume;
import org.svmsim.vpxa.log.HostdLogRenderer;
import org.svmsim.vpxa.log.VpxaLogRenderer;

/** One host with two VMFS volumes, the VM W1_2 on the source, the agents, a fake VMX and the renderers. */
public final class AgentsHarness {
  public static final DatastoreId SOURCE = DatastoreId.of("57397351-0a1b2c3d-1122-f8bc123449c2");
  public static final DatastoreId DEST = DatastoreId.of("5739734e-f309ac87-4491-f8bc123449c2");
  public static final VmId VM = VmId.of("W1_2");
  public static final long START = EsxTime.parseEpochMillis("2016-05-19T12:58:00.000Z");
  public static final long GIB = 1L << 30;
  /** The working directory: name and size of each non-disk file. */
  public static final Map<String, Long> WORKING_DIR = new TreeMap<>(Map.of(
      "W1_2/W1_2.vmx", 3_100L, "W1_2/W1_2.nvram", 8_684L, "W1_2/W1_2.vmsd", 0L,
      "W1_2/W1_2.vmxf", 263L, "W1_2/vmware.log", 204_800L));
  public static final long DEST_BANDWIDTH = 100_000_000L;

  public final EventLoop loop;
  public final Vmfs vmfs;
  public final HostAgents agents;
  public final FakeVmx vmx;
  public final List<Event> events = new ArrayList<>();
  public final List<Long> times = new ArrayList<>();
  public final List<LogRenderer> renderers = List.of(new HostdLogRenderer(), new VpxaLogRenderer());

  public AgentsHarness(long seed) {
    this(seed, 500 * GIB);
  }

  public AgentsHarness(long seed, long destinationFree) {
    loop = new EventLoop(seed);
    loop.observe((t, e) -> {
      times.add(t);
      events.add(e);
    });
    renderers.forEach(loop::observe);
    loop.publish(new RunEvent.RunStarted("test", seed, "mirror", START, "esx01", "6.0.0", "3620759", 24));
    vmfs = new Vmfs(loop, new SimRandom(seed).split("vmfs"));
    VmfsVolume src = vmfs.mount(volume("src-ds", SOURCE, 500 * GIB, 200_000_000L));
    vmfs.mount(volume("dst-ds", DEST, destinationFree, DEST_BANDWIDTH));
    try {
      for (Map.Entry<String, Long> f : WORKING_DIR.entrySet()) {
        src.createFile(f.getKey(), f.getValue(), false);
      }
      src.createFile("W1_2/W1_2.vmdk", 512, false);
      src.createFile("W1_2/W1_2-flat.vmdk", FakeVmx.DISK_SECTORS * 512, false);
    } catch (NoSpaceException e) {
      throw new IllegalStateException(e);
    }
    vmx = new FakeVmx(loop, vmfs);
    agents = HostAgents.install(loop, vmfs, new SimRandom(seed).split("agents"),
        List.of(new ManagedVm(VM, SOURCE)));
  }

  private static DatastoreConfig volume(String name, DatastoreId id, long free, long bandwidth) {
    return new DatastoreConfig(name, id, 1 << 20, 1024 * GIB, free, "array-" + name, false,
        new DatastorePerformance(bandwidth, 1_000_000L, 32));
  }

  public static MigrationOptions options() {
    return new MigrationOptions(128, "auto", VirtualTime.seconds(100));
  }

  public void at(long seconds, Event e) {
    loop.scheduleAt(VirtualTime.seconds(seconds), e);
  }

  /** Powers W1_2 on at 0 s and relocates it with {@code method} at 60 s, then runs to the end. */
  public AgentsHarness relocate(String method) {
    at(0, new AgentEvent.PowerOnVm(VM));
    at(60, new AgentEvent.RelocateVm(VM, Method.parse(method), DEST, options()));
    loop.run();
    return this;
  }

  /** Powers W1_2 on and asks vpxa to relocate it onto the datastore it lives on: refused. */
  public AgentsHarness refusedRelocate() {
    at(0, new AgentEvent.PowerOnVm(VM));
    at(60, new AgentEvent.RelocateVm(VM, Method.MIRROR, SOURCE, options()));
    loop.run();
    return this;
  }

  public <E extends Event> List<E> all(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public <E extends Event> E only(Class<E> type) {
    List<E> es = all(type);
    if (es.size() != 1) {
      throw new AssertionError("expected one " + type.getSimpleName() + ", got " + es);
    }
    return es.get(0);
  }

  /** Virtual time at which the first event of {@code type} was dispatched. */
  public long timeOf(Class<? extends Event> type) {
    for (int i = 0; i < events.size(); i++) {
      if (type.isInstance(events.get(i))) {
        return times.get(i);
      }
    }
    throw new AssertionError("no " + type.getSimpleName());
  }

  public int indexOf(Event e) {
    int i = events.indexOf(e);
    if (i < 0) {
      throw new AssertionError("not dispatched: " + e);
    }
    return i;
  }

  /** The VM's state transitions as "FROM->TO", short names. */
  public List<String> transitions() {
    return all(AgentEvent.VmStateChanged.class).stream()
        .map(e -> e.from().replace("VM_STATE_", "") + "->" + e.to().replace("VM_STATE_", "")).toList();
  }

  public String log(String path) {
    for (LogRenderer r : renderers) {
      if (r.files().containsKey(path)) {
        return r.files().get(path);
      }
    }
    throw new AssertionError("no renderer owns " + path);
  }

  public List<String> files(DatastoreId volume) {
    return vmfs.volume(volume).list(VM.name()).stream().map(f -> f.path()).toList();
  }
}
