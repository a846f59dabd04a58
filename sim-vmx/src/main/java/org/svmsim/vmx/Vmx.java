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
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.vmfs.HostLogs;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.VmfsVolume;
import org.svmsim.vmx.config.DiskConfig;
import org.svmsim.vmx.config.VmConfig;
import org.svmsim.vmx.disk.VirtualDisk;
import org.svmsim.vmx.svmotion.Migration;

/**
 * Every VMX of the host: lays down each VM's files at install, then routes the bus's commands and the
 * kernel's completions to the VMX of the VM they concern.
 */
public final class Vmx {
  private final Bus bus;
  private final SimRandom random;
  private final Map<VmId, VmxProcess> processes = new LinkedHashMap<>();
  private final HostLogs hostLogs;

  private Vmx(Bus bus, SimRandom random, HostLogs hostLogs) {
    this.bus = bus;
    this.random = random;
    this.hostLogs = hostLogs;
  }

  /** Creates the VMs' files and content on their home volumes and subscribes the VMX handlers. */
  public static Vmx install(Bus bus, Vmkernel kernel, SimRandom random, List<VmConfig> vms) {
    Vmx vmx = new Vmx(bus, random, kernel.vmfs().hostLogs());
    int ordinal = 0;
    for (VmConfig vm : vms) {
      VmxProcess p = new VmxProcess(bus, kernel, random.split("vmx/" + vm.name()), vm, ordinal++);
      layDown(kernel.vmfs().volume(vm.home()), vm, p);
      vmx.processes.put(vm.name(), p);
    }
    vmx.subscribe();
    return vmx;
  }

  /**
   * The run plans no host crash: the power never fails, so the disks keep no before-image of the writes
   * they have in flight (the undo of a power loss is their only use). Call before the guests run.
   */
  public void powerNeverFails() {
    for (VmxProcess p : processes.values()) {
      p.disks().forEach(VirtualDisk::keepNoBeforeImages);
    }
  }

  /** The host lost power: every VMX dies with it, and the writes its guest had in flight are gone. */
  public void powerLost() {
    processes.values().forEach(VmxProcess::powerLost);
  }

  /**
   * The host booted again: a VMX for each VM of {@code crashed}, powered off, waiting for hostd to start
   * it. A VM whose snapshot-based migration had not committed (or had failed) has its disk under redo logs:
   * the boot consolidates the chain into the base disk and removes the redo logs, so that the VM opens
   * its base disk whole. The redo logs' grains are kept by the crashed kernel's objects (svmsim has no
   * delta file content), so the chain is read from there, as a real host reads the delta files.
   */
  public static Vmx boot(Bus bus, Vmkernel kernel, SimRandom random, Vmx crashed) {
    Vmx vmx = new Vmx(bus, random, kernel.vmfs().hostLogs());
    int ordinal = 0;
    for (VmxProcess old : crashed.processes.values()) {
      VmConfig vm = old.config();
      VmxProcess p = new VmxProcess(bus, kernel, random.split("vmx/" + vm.name()), vm, ordinal++);
      p.carryOver(old);
      vmx.processes.put(vm.name(), p);
      // Where the VM's complete disks are: the destination once the switchover committed, else the source.
      HostLogs.Entry log = kernel.vmfs().hostLogs().of(vm.name()).orElse(null);
      DatastoreId home = log == null ? old.home()
          : log.state() == HostLogs.State.COMMITTED ? log.destination() : log.source();
      consolidate(bus, kernel.vmfs().volume(home), old);
    }
    vmx.subscribe();
    return vmx;
  }

  private static void consolidate(Bus bus, VmfsVolume source, VmxProcess old) {
    List<String> redo = source.list(VmFiles.dir(old.config().name())).stream()
        .map(org.svmsim.kernel.vmfs.VmfsFile::path).filter(p -> p.matches(".*-\\d{6}(-delta)?\\.vmdk")).toList();
    if (redo.isEmpty()) {
      return;
    }
    for (int i = 0; i < old.disks().size(); i++) {
      var d = old.disks().get(i);
      BlockStore base = source.content(VmFiles.flat(old.config().name(), d.config()));
      if (d.content() != base) {
        base.write(d.content().read(0, base.capacitySectors()));
        d.loseUnacknowledgedInto(base);
      }
      bus.publish(new VmxEvent.RedoLogsConsolidated(old.config().name(), d.scsi(),
          source.id().resolve(VmFiles.descriptor(old.config().name(), d.config())), redo.size()));
    }
    redo.forEach(source::deleteFile);
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
        process(e.vm()).powerOn(e.home());
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
    bus.subscribe(VmxEvent.SvmotionFinished.class, e -> {
      process(e.vm()).lastMigrationEnd(e);
      if (!e.success()) {
        hostLogs.resolved(e.vm());
      }
    });
    // The migration's host log: where it goes, then that the switchover committed.
    bus.subscribe(VmxEvent.StartSvmotion.class, e -> hostLogs.migrating(e.vm(), process(e.vm()).home(),
        e.destination()));
    bus.subscribe(VmxEvent.FastSuspendResumed.class, e -> hostLogs.committed(e.vm()));
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
