package org.svmsim.vmx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.svmsim.kernel.Vmkernel;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.fault.FaultKind;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.VmfsVolume;
import org.svmsim.vmx.config.DiskConfig;
import org.svmsim.vmx.config.VmConfig;
import org.svmsim.vmx.svmotion.Migration;

/**
 * Every VMX of the host: lays down each VM's files at install, then routes the bus's commands and the
 * kernel's completions to the VMX of the VM they concern.
 */
public final class Vmx {
  private final Bus bus;
  private final SimRandom random;
  private final Map<VmId, VmxProcess> processes = new LinkedHashMap<>();

  private Vmx(Bus bus, SimRandom random) {
    this.bus = bus;
    this.random = random;
  }

  /** Creates the VMs' files and content on their home volumes and subscribes the VMX handlers. */
  public static Vmx install(Bus bus, Vmkernel kernel, SimRandom random, List<VmConfig> vms) {
    Vmx vmx = new Vmx(bus, random);
    int ordinal = 0;
    for (VmConfig vm : vms) {
      VmxProcess p = new VmxProcess(bus, kernel, random.split("vmx/" + vm.name()), vm, ordinal++);
      layDown(kernel.vmfs().volume(vm.home()), vm, p);
      vmx.processes.put(vm.name(), p);
    }
    vmx.subscribe();
    return vmx;
  }

  private static void layDown(VmfsVolume volume, VmConfig vm, VmxProcess p) {
    try {
      for (VmFiles.HomeFile f : VmFiles.home(vm.name())) {
        volume.createFile(VmFiles.dir(vm.name()) + "/" + f.name(), f.bytes(), false);
      }
      for (int i = 0; i < vm.disks().size(); i++) {
        DiskConfig d = vm.disks().get(i);
        volume.createFile(VmFiles.descriptor(vm.name(), d), VmFiles.DESCRIPTOR_BYTES, false);
        String flat = VmFiles.flat(vm.name(), d);
        volume.createDisk(flat, d.capacitySectors(), d.thin(), d.handle(), p.disks().get(i).initialTag());
        if (d.thin()) {
          volume.allocate(flat, d.capacitySectors() * BlockStore.SECTOR);
        }
      }
    } catch (NoSpaceException e) {
      throw new IllegalArgumentException("vm " + vm.name() + " does not fit on datastore "
          + volume.config().name() + ": " + e.getMessage(), e);
    }
  }

  private void subscribe() {
    bus.subscribe(VmxEvent.StartVmx.class, e -> {
      if (e.shadow()) {
        startShadow(e);
      } else {
        process(e.vm()).powerOn();
      }
    });
    bus.subscribe(VmxEvent.GuestRunning.class, e -> process(e.vm()).guestRunning());
    bus.subscribe(VmxEvent.StopVmx.class, e -> process(e.vm()).powerOff());
    bus.subscribe(VmxEvent.GuestIoIssued.class, e -> process(e.vm()).issue(e));
    bus.subscribe(KernelEvent.GuestIoCompleted.class, e -> process(e.vm()).completed(e));
    bus.subscribe(KernelEvent.GuestIoFailed.class, e -> process(e.vm()).failed(e));
    bus.subscribe(KernelEvent.SvmMirrorWriteFailed.class, e -> processes.values().stream()
        .filter(p -> p.config().world().equals(e.world()) && p.migration() != null).findFirst()
        .ifPresent(p -> p.migration().onMirrorFailed(e)));
    bus.subscribe(VmxEvent.StartSvmotion.class, e -> process(e.vm()).startSvmotion(e));
    bus.subscribe(VmxEvent.CancelSvmotion.class, e -> ifMigrating(e.vm(), Migration::cancel));
    bus.subscribe(VmxEvent.DiskOpenLocked.class, e -> ifMigrating(e.vm(), m -> m.onDiskOpenLocked(e)));
    bus.subscribe(VmxEvent.DiskOpenFailed.class, e -> ifMigrating(e.vm(), m -> m.onDiskOpenFailed(e)));
    bus.subscribe(KernelEvent.FaultInjected.class, e -> {
      if (e.fault().kind() == FaultKind.SWITCHOVER_TIMEOUT && processes.containsKey(e.fault().vm())) {
        ifMigrating(e.fault().vm(), Migration::stallSwitchover);
      } else if (e.fault().kind() == FaultKind.LOCK_CONFLICT && processes.containsKey(e.fault().vm())) {
        ifMigrating(e.fault().vm(), m -> m.lockConflict(e.fault().persistent()));
      }
    });
    // A migration that already failed ignores the steps it had scheduled: hence the null checks.
    bus.subscribe(VmxEvent.SvmotionPhaseEntered.class, e -> ifMigrating(e.vm(), m -> m.onPhase(e)));
    bus.subscribe(VmxEvent.DiskCopyStarted.class, e -> ifMigrating(e.vm(), m -> m.onDiskCopyStarted(e)));
    bus.subscribe(VmxEvent.FastSuspendResumed.class,
        e -> ifMigrating(e.vm(), m -> m.onFastSuspendResumed(e)));
    bus.subscribe(KernelEvent.CopyPassCompleted.class,
        e -> migrationOf(e.job()).ifPresent(m -> m.onPassCompleted(e)));
    bus.subscribe(KernelEvent.SwitchoverTimedOut.class, e -> processes.values().stream()
        .map(VmxProcess::migration).filter(m -> m != null && m.migrationId().equals(e.migrationId()))
        .findFirst().ifPresent(m -> m.onSwitchoverTimedOut(e)));
    bus.subscribe(KernelEvent.CopyFailed.class, e -> migrationOf(e.job()).ifPresent(m -> m.onCopyFailed(e)));
    bus.subscribe(VmxEvent.SvmotionFinished.class, e -> process(e.vm()).lastMigrationEnd(e));
    bus.subscribe(VmxEvent.QueryVmx.class, e -> process(e.vm()).report());
  }

  /** The shadow VM's VMX: it starts from the copied files and idles until the switchover. */
  private void startShadow(VmxEvent.StartVmx e) {
    VmxProcess source = process(e.vm());
    VmConfig c = source.config();
    SimRandom r = random.split("shadow/" + e.vm());
    int pid = c.pid() + 1 + r.nextInt(5000);
    WorldId world = new WorldId(c.world().value() + 1 + r.nextInt(50_000));
    bus.publish(new VmxEvent.VmxStarted(e.vm(), e.home(), pid, world,
        VmxProcess.vmxPath(e.home(), e.vm()), c.uuid(), c.vcpus(), c.memoryBytes(), c.guestOs(), true));
  }

  private void ifMigrating(VmId vm, Consumer<Migration> action) {
    Migration m = process(vm).migration();
    if (m != null) {
      action.accept(m);
    }
  }

  /** The migration a copy job belongs to; none once that migration has ended. */
  private Optional<Migration> migrationOf(CopyJobId job) {
    for (VmxProcess p : processes.values()) {
      if (p.migration() != null && p.migration().owns(job)) {
        return Optional.of(p.migration());
      }
    }
    return Optional.empty();
  }

  public VmxProcess process(VmId vm) {
    VmxProcess p = processes.get(vm);
    if (p == null) {
      throw new IllegalArgumentException("no VM named " + vm);
    }
    return p;
  }

  public List<VmxProcess> processes() {
    return new ArrayList<>(processes.values());
  }
}
