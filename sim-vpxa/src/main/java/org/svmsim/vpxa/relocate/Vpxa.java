package org.svmsim.vpxa.relocate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.fault.FaultKind;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.Vmfs;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.kernel.vmfs.VmfsVolume;
import org.svmsim.vpxa.Fault;
import org.svmsim.vpxa.hostd.Hostd;
import org.svmsim.vpxa.hostd.HostdVm;

/**
 * vpxa's relocate task, the six steps of DOMAIN.md section 2: it copies the working directory, has hostd
 * start the shadow VM, hands the mirror, the copy and the switchover to the VMX, then deletes the source
 * (or, when the VMX failed the migration, the destination's leftovers).
 */
public final class Vpxa {
  static final String METHOD = "vim.VirtualMachine.relocate";
  private final Bus bus;
  private final Vmfs vmfs;
  private final Hostd hostd;
  private final LroIds ids;
  /** vpxa's own delays (the working directory's per-file cost), a stream of their own. */
  private final SimRandom delays;
  private final Map<VmId, Relocation> running = new LinkedHashMap<>();
  private long startEpochMillis = -1;

  public Vpxa(Bus bus, Vmfs vmfs, SimRandom random, Hostd hostd) {
    this.bus = bus;
    this.vmfs = vmfs;
    this.hostd = hostd;
    this.ids = new LroIds(random);
    this.delays = random.split("delays");
    bus.subscribe(RunEvent.RunStarted.class, e -> startEpochMillis = e.startEpochMillis());
    bus.subscribe(AgentEvent.RelocateVm.class, this::onRelocate);
    bus.subscribe(AgentEvent.WorkingDirCopied.class, this::onWorkingDirCopied);
    bus.subscribe(AgentEvent.ShadowVmReady.class, this::onShadowReady);
    bus.subscribe(VmxEvent.DiskCopyStarted.class, e -> advance(e.vm(), 3, 4, null));
    bus.subscribe(VmxEvent.VmStunned.class, e -> advance(e.vm(), 4, 5, "Fast suspend/resume onto the "
        + "shadow VM"));
    bus.subscribe(KernelEvent.FileCreated.class, this::onFileCreated);
    bus.subscribe(VmxEvent.SvmotionFinished.class, this::onSvmotionFinished);
    bus.subscribe(KernelEvent.FaultInjected.class, e -> {
      if (e.fault().kind() == FaultKind.CANCEL) {
        cancel(e.fault().vm());
      }
    });
  }

  /**
   * The user cancels the relocate task. Before the VMX has the migration, vpxa fails the task itself and
   * removes what it copied; while the VMX migrates, the VMX gives up (its failure ends the task); once
   * the source files are being deleted, the move is done and the cancel comes too late.
   */
  private void cancel(VmId vm) {
    Relocation r = running.get(vm);
    if (r == null || r.step >= 6) {
      return;
    }
    if (r.step < 3) {
      fail(r, new Fault(Fault.REQUEST_CANCELED, Fault.CANCELED_BY_USER));
    } else {
      bus.publish(new VmxEvent.CancelSvmotion(vm, r.opId()));
    }
  }

  private void onRelocate(AgentEvent.RelocateVm e) {
    HostdVm h = hostd.require(e.vm());
    Relocation r = new Relocation(ids.next(), h.config(), h.home(), e.destination(), e.method(),
        e.options(), bus.now());
    bus.publish(new AgentEvent.LroBegan(r.lro.lroId(), r.opId(), h.moid(), METHOD, r.lro.taskUuid()));
    Optional<Fault> refusal = Admission.check(e, h, running.containsKey(e.vm()), vmfs);
    if (refusal.isPresent()) {
      finish(r, refusal.get());
      return;
    }
    running.put(e.vm(), r);
    hostd.beginRelocate(e.vm(), r.opId());
    step(r, 1, "Copying the working directory to " + dir(r, r.destination.path()));
    VmfsVolume dest = vmfs.volume(r.destination);
    List<VmfsFile> files = WorkingDirCopy.workingDirectory(vmfs.volume(r.source), r.vm.directory());
    Optional<VmfsFile> clash = files.stream().filter(f -> dest.file(f.path()).isPresent()).findFirst();
    if (clash.isPresent()) {
      fail(r, new Fault(Fault.FILE_ALREADY_EXISTS, "file " + clash.get().path() + " exists on "
          + r.destination.path()));
      return;
    }
    try {
      WorkingDirCopy.copy(files, dest);
    } catch (NoSpaceException ex) {
      fail(r, new Fault(Fault.NO_DISK_SPACE, ex.getMessage()));
      return;
    }
    r.workingDir = files.stream().map(VmfsFile::path).toList();
    long bytes = files.stream().mapToLong(VmfsFile::sizeBytes).sum();
    // The fact is due when the copy is over; its own handler starts step 2.
    bus.schedule(WorkingDirCopy.duration(files, dest.config().performance(),
        e.options().seedDelays() ? null : delays),
        new AgentEvent.WorkingDirCopied(r.opId(), r.vm.vm(), r.destination, r.workingDir, bytes));
  }

  private void onWorkingDirCopied(AgentEvent.WorkingDirCopied e) {
    Relocation r = current(e.vm(), e.opId());
    if (r != null && r.step == 1) {
      step(r, 2, "Registering the shadow VM in fail-safe mode at " + dir(r, r.destination.path()));
      hostd.startShadow(r.vm.vm(), r.destination, r.opId());
    }
  }

  private void onShadowReady(AgentEvent.ShadowVmReady e) {
    Relocation r = current(e.vm(), e.opId());
    if (r != null && r.step == 2) {
      step(r, 3, switch (r.method) {
        case MIRROR -> "Starting the mirror driver";
        case DBT -> "Starting change tracking on the source disks";
        case SNAPSHOT -> "Taking a snapshot of the source disks";
      });
      long micros = startEpochMillis < 0 ? -1 : startEpochMillis * 1000 + bus.now() / 1000;
      bus.publish(new VmxEvent.StartSvmotion(r.vm.vm(), r.method, r.destination,
          ids.migrationId(micros), r.opId(), r.options));
    }
  }

  /** Steps 4 and 5 run in the VMX; vpxa marks them on the VMX's facts, once each, in order. */
  private void advance(VmId vm, int after, int step, String description) {
    Relocation r = running.get(vm);
    if (r != null && r.step == after) {
      step(r, step, description != null ? description : switch (r.method) {
        case MIRROR -> "Copying the disks; guest writes are mirrored to the destination";
        case DBT -> "Copying the disks in passes; guest writes mark blocks dirty";
        case SNAPSHOT -> "Copying the disks; guest writes go to redo logs, consolidated after";
      });
    }
  }

  private void onFileCreated(KernelEvent.FileCreated e) {
    int slash = e.path().indexOf('/');
    if (slash <= 0) {
      return;
    }
    Relocation r = running.get(new VmId(e.path().substring(0, slash)));
    if (r != null && r.destination.equals(e.datastore())) {
      r.createdAtDestination.add(e.path());
    }
  }

  private void onSvmotionFinished(VmxEvent.SvmotionFinished e) {
    Relocation r = running.get(e.vm());
    if (r == null) {
      return;
    }
    if (!e.success()) {
      fail(r, Fault.parse(e.reason()));
      return;
    }
    step(r, 6, "Deleting the old working directory and disks from " + dir(r, r.source.path()));
    List<String> old = new ArrayList<>(e.sourceFiles());
    old.addAll(r.workingDir);
    List<String> deleted = Cleanup.delete(vmfs.volume(r.source), old);
    bus.publish(new AgentEvent.SourceFilesDeleted(r.opId(), r.vm.vm(), r.source, deleted));
    finish(r, null);
  }

  /** The source stays whole; what the relocate put on the destination goes. */
  private void fail(Relocation r, Fault fault) {
    Set<String> leftovers = new LinkedHashSet<>(r.workingDir);
    leftovers.addAll(r.createdAtDestination);
    Cleanup.delete(vmfs.volume(r.destination), leftovers);
    finish(r, fault);
  }

  /** Ends the task: hostd's side, the LRO, the relocate's own fact, then what waited for it. */
  private void finish(Relocation r, Fault fault) {
    boolean success = fault == null;
    boolean admitted = running.remove(r.vm.vm(), r);
    if (admitted) {
      hostd.endRelocate(r.vm.vm(), success, fault);
    }
    bus.publish(new AgentEvent.LroFinished(r.lro.lroId(), r.opId(), success,
        success ? "" : fault.toString()));
    bus.publish(new AgentEvent.RelocateFinished(r.opId(), r.vm.vm(), success,
        success ? "" : fault.message(), bus.now() - r.startNanos));
    if (admitted) {
      hostd.afterRelocate(r.vm.vm());
    }
  }

  private void step(Relocation r, int step, String description) {
    r.step = step;
    bus.publish(new AgentEvent.RelocateStepStarted(r.opId(), r.vm.vm(), step, description));
  }

  private Relocation current(VmId vm, String opId) {
    Relocation r = running.get(vm);
    return r != null && r.opId().equals(opId) ? r : null;
  }

  private static String dir(Relocation r, String volumePath) {
    return volumePath + "/" + r.vm.directory();
  }
}
