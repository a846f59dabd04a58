package org.svmsim.vpxa.hostd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.Component;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.Subscriptions;
import org.svmsim.kernel.vmfs.Vmfs;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.vpxa.Fault;
import org.svmsim.vpxa.ManagedVm;

/**
 * The host daemon: each VM's registration and state machine, its power operations as hostd tasks, the
 * fail-safe shadow VM of a relocate, and the relocate task's progress. vpxa drives the relocate through
 * the package-public methods below; everything hostd does is published as a fact.
 *
 * <p>hostd is a {@link Component}: stopped (an agent restart, a host crash) it hears nothing. Its
 * inventory (each VM's registration, vmid, .vmx path and the relocate task it runs) is what hostd keeps
 * on disk (vmInventory.xml) and reloads when it starts again; what it only held in memory, the task's
 * progress and the VMX's news, it rebuilds by asking each VMX how it is ({@link VmxEvent.QueryVmx}).
 */
public final class Hostd implements Component {
  private final Bus bus;
  private final Vmfs vmfs;
  private final SimRandom random;
  private final HostdTasks tasks;
  private final PowerOps power;
  private final Subscriptions subscriptions;
  private final SimRandom restarts;
  private final Map<VmId, HostdVm> vms = new LinkedHashMap<>();
  private TaskProgress progress;
  private int nextVmid;
  private boolean running;
  private boolean stoppedOnce;

  public Hostd(Bus bus, Vmfs vmfs, SimRandom random) {
    this.bus = bus;
    this.vmfs = vmfs;
    this.random = random;
    // Real vmids are small integers handed out in registration order since hostd started.
    this.nextVmid = 1 + random.nextInt(40);
    this.tasks = new HostdTasks(bus, random.nextLong(100_000L, 1_000_000L));
    this.power = new PowerOps(bus, this, tasks);
    this.subscriptions = new Subscriptions(bus);
    this.restarts = random.split("restarts");
  }

  @Override
  public String name() {
    return "hostd";
  }

  @Override
  public boolean running() {
    return running;
  }

  /**
   * Subscribes; after a stop, also reloads the inventory and asks each VMX how it is, so that a relocate
   * whose migration ended meanwhile is known ended, and a VM whose VMX exited meanwhile is known off.
   */
  @Override
  public void start() {
    if (running) {
      return;
    }
    running = true;
    listen();
    if (stoppedOnce) {
      // A real hostd's pid is whatever the kernel hands out; any 7-digit one will do.
      bus.publish(new AgentEvent.AgentStarted(name(), 2_000_000 + restarts.nextInt(1_000_000)));
      bus.publish(new AgentEvent.InventoryLoaded(vms.size()));
      for (HostdVm h : vms.values()) {
        if (h.state() == VmState.MIGRATING) {
          List<VmfsFile> files = vmfs.volume(h.home()).list(h.config().directory());
          progress.track(h, files.stream().map(VmfsFile::handle).toList());
        }
        bus.publish(new VmxEvent.QueryVmx(h.config().vm()));
      }
    }
  }

  private void listen() {
    progress = new TaskProgress(bus, subscriptions);
    power.subscribe(subscriptions);
    subscriptions.on(VmxEvent.VmxStarted.class, this::onVmxStarted);
    subscriptions.on(VmxEvent.SvmotionFinished.class, e -> vm(e.vm()).ifPresent(h -> h.migrationEnd(e)));
    subscriptions.on(VmxEvent.VmxReported.class, this::onVmxReported);
  }

  /** hostd of a host that booted: it starts with its banner, before it reloads its inventory. */
  public void startAfterBoot() {
    stoppedOnce = true;
    running = true;
    listen();
    bus.publish(new AgentEvent.AgentStarted(name(), 2_000_000 + restarts.nextInt(1_000_000)));
  }

  /** hostd goes down: no handler, no progress; its inventory stays on disk. */
  public void stop(String reason) {
    if (!running) {
      return;
    }
    running = false;
    stoppedOnce = true;
    subscriptions.cancel();
    progress = null;
    bus.publish(new AgentEvent.AgentStopped(name(), reason));
  }

  @Override
  public void stop() {
    stop("restart");
  }

  private void onVmxReported(VmxEvent.VmxReported e) {
    HostdVm h = vms.get(e.vm());
    if (h == null) {
      return;
    }
    if (h.state() == VmState.MIGRATING && e.ended() && !e.migrating() && h.migrationEnd() == null) {
      h.migrationEnd(new VmxEvent.SvmotionFinished(e.vm(), e.success(), e.reason(), e.home(), e.sourceFiles()));
    } else if (h.state() == VmState.POWERING_ON && e.guestRunning()) {
      // The guest came up while hostd was down: the power-on it had started is over.
      power.guestRunning(e.vm());
    } else if (h.state() == VmState.POWERING_OFF && !e.running()) {
      changeState(h, VmState.POWERING_OFF, VmState.OFF, h.opId());
      tasks.complete(h, true, "");
    }
  }

  /** The VMs that were running (or starting, or migrating) when hostd last knew them. */
  public java.util.Set<VmId> runningVms() {
    java.util.Set<VmId> on = new java.util.LinkedHashSet<>();
    vms.values().stream().filter(h -> h.state() == VmState.ON || h.state() == VmState.MIGRATING
        || h.state() == VmState.POWERING_ON).forEach(h -> on.add(h.config().vm()));
    return on;
  }

  /** hostd's inventory: each VM and the datastore it is registered on. */
  public List<ManagedVm> inventory() {
    return vms.values().stream().map(h -> new ManagedVm(h.config().vm(), h.home())).toList();
  }

  /**
   * The host booted again after a crash: hostd registers each VM of {@code inventory} where its complete
   * disks are (the migration's host log: the destination once the switchover committed, the source
   * before) and starts it again. svmsim's choice: hostd's auto-start on the same host, not HA (a single
   * host has no other to restart it on).
   */
  public void recover(List<ManagedVm> inventory, java.util.Set<VmId> wasOn) {
    for (ManagedVm vm : inventory) {
      var log = vmfs.hostLogs().of(vm.vm());
      boolean committed = log.isPresent() && log.get().state() == org.svmsim.kernel.vmfs.HostLogs.State.COMMITTED;
      DatastoreId home = committed ? log.get().destination() : log.map(l -> l.source()).orElse(vm.home());
      HostdVm h = register(new ManagedVm(vm.vm(), home));
      String why = log.isEmpty() ? "no migration was under way"
          : committed ? "the migration's switchover had committed: the destination's disks are complete"
          : "the migration had not committed: the source's disks are complete";
      if (wasOn.contains(vm.vm())) {
        bus.publish(new AgentEvent.VmRecovered(vm.vm(), h.vmxPath(), home, why));
        power.powerOn(vm.vm());
      }
    }
  }

  /** vpxa ended the relocate that the crash interrupted: the migration's host log has served. */
  public void resolvedAfterCrash(VmId vm) {
    vmfs.hostLogs().resolved(vm);
  }

  /** The host lost power: hostd dies with it, logging nothing more. */
  public void powerLost() {
    running = false;
    subscriptions.cancel();
  }

  /** How the VMX ended the VM's running relocate, if hostd has heard (or asked) it: vpxa collects it. */
  public Optional<VmxEvent.SvmotionFinished> migrationEnd(VmId vm) {
    return vm(vm).map(HostdVm::migrationEnd);
  }

  public void powerOn(VmId vm) {
    power.powerOn(vm);
  }

  public void powerOff(VmId vm) {
    power.powerOff(vm);
  }

  /** Loads a VM's .vmx at hostd start: registered, then powered off. */
  public HostdVm register(ManagedVm vm) {
    if (vms.containsKey(vm.vm())) {
      throw new IllegalArgumentException("VM " + vm.vm() + " is already registered with hostd");
    }
    String vmx = vm.home().resolve(vmxFile(vm.home(), vm));
    HostdVm h = new HostdVm(vm, nextVmid++, vm.home(), vmx);
    vms.put(vm.vm(), h);
    bus.publish(new AgentEvent.VmRegistered(vm.vm(), vmx, h.hostdId(), false));
    changeState(h, VmState.INITIALIZING, VmState.OFF, "");
    return h;
  }

  public Optional<HostdVm> vm(VmId vm) {
    return Optional.ofNullable(vms.get(vm));
  }

  public HostdVm require(VmId vm) {
    HostdVm h = vms.get(vm);
    if (h == null) {
      throw new IllegalArgumentException("hostd has no VM named " + vm + "; registered: " + vms.keySet());
    }
    return h;
  }

  /** A fresh operation id of vCenter's agent for a power operation, in vpxa's form ({@code e6012b2-01-b0}). */
  String newOpId() {
    return String.format("%07x-%02x-%02x", random.nextLong(0, 1L << 28), random.nextInt(256), random.nextInt(256));
  }

  /** The relocate task is created and the VM enters VM_STATE_MIGRATING; its copy progress is tracked. */
  public void beginRelocate(VmId vm, String opId) {
    HostdVm h = require(vm);
    h.migrationEnd(null);
    h.task(tasks.create(h, "relocate", opId), opId);
    changeState(h, VmState.ON, VmState.MIGRATING, opId);
    List<VmfsFile> files = vmfs.volume(h.home()).list(h.config().directory());
    progress.track(h, files.stream().map(VmfsFile::handle).toList());
  }

  /** Step 2: registers the copied .vmx at the destination as the fail-safe shadow VM and starts it. */
  public void startShadow(VmId vm, DatastoreId destination, String opId) {
    HostdVm h = require(vm);
    String vmx = destination.resolve(vmxFile(h.home(), h.config()));
    h.shadow(new HostdVm.Shadow(nextVmid++, destination, vmx, opId, false));
    bus.publish(new AgentEvent.VmRegistered(vm, vmx, h.shadow().hostdId(), true));
    bus.publish(new VmxEvent.StartVmx(vm, destination, true));
  }

  private void onVmxStarted(VmxEvent.VmxStarted e) {
    HostdVm h = vms.get(e.vm());
    if (!e.shadow() || h == null || h.shadow() == null || h.shadow().started()) {
      return;
    }
    h.shadow(h.shadow().withStarted());
    bus.publish(new AgentEvent.ShadowVmReady(h.shadow().opId(), e.vm(), h.shadow().home()));
  }

  /**
   * Ends the relocate task. On success the shadow becomes the VM (the source registration goes, the vmid
   * and .vmx path become the shadow's); on failure the shadow registration goes and the VM stays where
   * it was. Either way the VM is back in VM_STATE_ON.
   */
  public void endRelocate(VmId vm, boolean success, Fault fault) {
    HostdVm h = require(vm);
    progress.untrack(vm);
    h.migrationEnd(null);
    HostdVm.Shadow shadow = h.shadow();
    // hostd resolves the migration: its host log has served.
    vmfs.hostLogs().resolved(vm);
    if (success && shadow != null) {
      bus.publish(new AgentEvent.VmUnregistered(vm, h.vmxPath(), h.hostdId()));
      h.adoptShadow();
    } else if (shadow != null) {
      // The shadow VMX exits on its own when the VMX fails the migration (StopVmx cannot name it);
      // hostd only drops its registration.
      bus.publish(new AgentEvent.VmUnregistered(vm, shadow.vmxPath(), shadow.hostdId()));
      h.shadow(null);
    }
    changeState(h, VmState.MIGRATING, VmState.ON, h.opId());
    tasks.complete(h, success, success ? "" : fault.toString());
  }

  /** Runs what waited for the relocate to end (a power-off asked for meanwhile). */
  public void afterRelocate(VmId vm) {
    HostdVm h = require(vm);
    if (h.powerOffPending() && h.state() == VmState.ON) {
      h.powerOffPending(false);
      power.powerOff(vm);
    }
  }

  void changeState(HostdVm h, VmState from, VmState to, String opId) {
    if (h.state() != from && from != VmState.INITIALIZING) {
      throw new IllegalStateException("VM " + h.config().vm() + " is " + h.state().esxName()
          + ", not " + from.esxName() + ", for a transition to " + to.esxName());
    }
    h.state(to);
    bus.publish(new AgentEvent.VmStateChanged(h.config().vm(), h.vmxPath(), h.hostdId(), from.esxName(),
        to.esxName(), opId));
  }

  /** The .vmx file's path relative to the volume: the one in the VM's directory, else {@code vm/vm.vmx}. */
  private String vmxFile(DatastoreId ds, ManagedVm vm) {
    return vmfs.volume(ds).list(vm.directory()).stream().map(VmfsFile::path)
        .filter(p -> p.endsWith(".vmx")).findFirst()
        .orElse(vm.directory() + "/" + vm.directory() + ".vmx");
  }
}
