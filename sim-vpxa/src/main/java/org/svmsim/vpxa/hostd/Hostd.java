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
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.vmfs.Vmfs;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.vpxa.Fault;
import org.svmsim.vpxa.ManagedVm;

/**
 * The host daemon: each VM's registration and state machine, its power operations as hostd tasks, the
 * fail-safe shadow VM of a relocate, and the relocate task's progress. vpxa drives the relocate through
 * the package-public methods below; everything hostd does is published as a fact.
 */
public final class Hostd {
  private final Bus bus;
  private final Vmfs vmfs;
  private final SimRandom random;
  private final HostdTasks tasks;
  private final TaskProgress progress;
  private final PowerOps power;
  private final Map<VmId, HostdVm> vms = new LinkedHashMap<>();
  private int nextVmid;

  public Hostd(Bus bus, Vmfs vmfs, SimRandom random) {
    this.bus = bus;
    this.vmfs = vmfs;
    this.random = random;
    // Real vmids are small integers handed out in registration order since hostd started.
    this.nextVmid = 1 + random.nextInt(40);
    this.tasks = new HostdTasks(bus, random.nextLong(100_000L, 1_000_000L));
    this.progress = new TaskProgress(bus);
    this.power = new PowerOps(bus, this, tasks);
    power.subscribe();
    bus.subscribe(VmxEvent.VmxStarted.class, this::onVmxStarted);
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
    HostdVm.Shadow shadow = h.shadow();
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
