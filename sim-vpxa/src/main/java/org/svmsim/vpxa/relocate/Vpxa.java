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
import org.svmsim.kernel.sim.Component;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.Subscriptions;
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
 *
 * <p>vpxa is a {@link Component}. Stopped, it hears nothing and its own timer (the working directory's
 * copy) is withdrawn. Each relocate it runs is in its journal (ESXi's {@code /var/log/vmware/journal}),
 * which outlives the process: started again, vpxa reads it back. A relocate the VMX had taken over goes
 * on without vpxa (the VMX owns the migration), so vpxa re-attaches to it and reports its real end,
 * collecting from hostd an end that came while it was down. A relocate still in vpxa's own steps (1 and 2)
 * died with the process: vpxa fails it with {@code vmodl.fault.HostCommunication} and removes what it had
 * copied. svmsim's guess: no source shows what vCenter's task reports across a vpxa restart.
 *
 * <p>vpxa reaches hostd in-process; while hostd is down, vpxa's calls to it (and what it learns through
 * it: the VMX's news) wait until hostd is back ({@link #hostdStarted}).
 */
public final class Vpxa implements Component {
  static final String METHOD = "vim.VirtualMachine.relocate";
  private final Bus bus;
  private final Vmfs vmfs;
  private final Hostd hostd;
  private final LroIds ids;
  /** vpxa's own delays (the working directory's per-file cost), a stream of their own. */
  private final SimRandom delays;
  /** vCenter's fault when a host agent drops a task (vSphere's message). */
  static final String HOST_COMMUNICATION = "vmodl.fault.HostCommunication";
  /** The journal: the relocates under way, kept on the host's disk across restarts. */
  private final Map<VmId, Relocation> running = new LinkedHashMap<>();
  private final Subscriptions subscriptions;
  private final SimRandom restarts;
  /** What waits for hostd to be back; in memory only, so lost with vpxa. */
  private final List<Runnable> waitingForHostd = new ArrayList<>();
  private long startEpochMillis = -1;
  private boolean isRunning;
  private boolean stoppedOnce;
  private boolean afterCrash;

  public Vpxa(Bus bus, Vmfs vmfs, SimRandom random, Hostd hostd) {
    this.bus = bus;
    this.vmfs = vmfs;
    this.hostd = hostd;
    this.ids = new LroIds(random);
    this.delays = random.split("delays");
    this.subscriptions = new Subscriptions(bus);
    this.restarts = random.split("restarts");
    // The run's start is the host's clock, not vpxa's memory: it survives a restart.
    bus.subscribe(RunEvent.RunStarted.class, e -> startEpochMillis = e.startEpochMillis());
  }

  /**
   * vpxa of a host that booted again after a crash: its journal is {@code crashed}'s (a file on the host),
   * and once started it ends each relocate the crash interrupted ({@link #start}).
   */
  public Vpxa(Bus bus, Vmfs vmfs, SimRandom random, Hostd hostd, Vpxa crashed) {
    this(bus, vmfs, random, hostd);
    running.putAll(crashed.running);
    startEpochMillis = crashed.startEpochMillis;
    stoppedOnce = true;
    afterCrash = true;
  }

  /** The host lost power: vpxa dies with it, logging nothing more. */
  public void powerLost() {
    isRunning = false;
    subscriptions.cancel();
    waitingForHostd.clear();
  }

  @Override
  public String name() {
    return "vpxa";
  }

  @Override
  public boolean running() {
    return isRunning;
  }

  @Override
  public void start() {
    if (isRunning) {
      return;
    }
    isRunning = true;
    subscriptions.on(AgentEvent.WorkingDirCopied.class, this::onWorkingDirCopied);
    subscriptions.on(AgentEvent.ShadowVmReady.class, e -> viaHostd(() -> onShadowReady(e)));
    subscriptions.on(VmxEvent.DiskCopyStarted.class, e -> viaHostd(() -> advance(e.vm(), 3, 4, null)));
    subscriptions.on(VmxEvent.VmStunned.class, e -> viaHostd(() -> advance(e.vm(), 4, 5,
        "Fast suspend/resume onto the shadow VM")));
    subscriptions.on(KernelEvent.FileCreated.class, this::onFileCreated);
    subscriptions.on(VmxEvent.SvmotionFinished.class, e -> viaHostd(() -> onSvmotionFinished(e)));
    // A restarted hostd asks each VMX how it is: an end that came while both agents were down.
    subscriptions.on(VmxEvent.VmxReported.class, e -> {
      if (e.ended() && !e.migrating()) {
        viaHostd(() -> onSvmotionFinished(new VmxEvent.SvmotionFinished(e.vm(), e.success(), e.reason(),
            e.home(), e.sourceFiles())));
      }
    });
    subscriptions.on(KernelEvent.FaultInjected.class, e -> {
      if (e.fault().kind() == FaultKind.CANCEL) {
        cancel(e.fault().vm());
      }
    });
    if (stoppedOnce) {
      bus.publish(new AgentEvent.AgentStarted(name(), 2_000_000 + restarts.nextInt(1_000_000)));
      viaHostd(this::reattach);
    }
  }

  /** vpxa goes down: no handler, no timer, nothing waiting for hostd; its journal stays. */
  public void stop(String reason) {
    if (!isRunning) {
      return;
    }
    isRunning = false;
    stoppedOnce = true;
    subscriptions.cancel();
    waitingForHostd.clear();
    bus.publish(new AgentEvent.AgentStopped(name(), reason));
  }

  @Override
  public void stop() {
    stop("restart");
  }

  /** hostd is back: what waited for it runs now, in order. */
  public void hostdStarted() {
    if (!isRunning) {
      return;
    }
    List<Runnable> due = new ArrayList<>(waitingForHostd);
    waitingForHostd.clear();
    due.forEach(Runnable::run);
  }

  private void viaHostd(Runnable call) {
    if (hostd.running()) {
      call.run();
    } else {
      waitingForHostd.add(call);
    }
  }

  /**
   * Started again: each relocate of the journal. One the VMX had (step 3 on) is taken up again, and ended
   * at once if hostd knows the migration ended; one still in vpxa's own steps died with the process.
   */
  private void reattach() {
    if (afterCrash) {
      List.copyOf(running.values()).forEach(this::endAfterCrash);
      return;
    }
    for (Relocation r : List.copyOf(running.values())) {
      VmfsVolume dest = vmfs.volume(r.destination);
      // Files the VMX created while vpxa was down: the relocate's own (admission refused any clash).
      dest.list(r.vm.directory()).forEach(f -> r.createdAtDestination.add(f.path()));
      Optional<VmxEvent.SvmotionFinished> end = r.step >= 3 ? hostd.migrationEnd(r.vm.vm()) : Optional.empty();
      bus.publish(new AgentEvent.RelocateReattached(r.opId(), r.vm.vm(), r.lro.lroId(), r.step,
          r.step < 3 ? "lost" : end.isPresent() ? "ended" : "migrating"));
      if (r.step < 3) {
        fail(r, new Fault(HOST_COMMUNICATION, "An error occurred while communicating with the remote host."
            + " (vpxa restarted during step " + r.step + " of the relocate; the task was lost)"));
      } else {
        end.ifPresent(this::onSvmotionFinished);
      }
    }
  }

  /**
   * The host crashed during {@code r} and booted again; the VMX that ran the migration is gone. The
   * migration's host log says which copy is complete: once the switchover committed, the VM runs from
   * the destination and the relocate succeeded, so vpxa deletes the source (step 6); before, the VM runs
   * from the source and the task fails, so vpxa removes every file of the VM's directory on the
   * destination, a partial copy nothing needs. A file the VM runs from is never among them.
   */
  private void endAfterCrash(Relocation r) {
    r.afterCrash = true;
    var log = vmfs.hostLogs().of(r.vm.vm());
    boolean committed = r.step >= 3 && log.isPresent()
        && log.get().state() == org.svmsim.kernel.vmfs.HostLogs.State.COMMITTED;
    bus.publish(new AgentEvent.RelocateReattached(r.opId(), r.vm.vm(), r.lro.lroId(), r.step,
        committed ? "committed" : "crashed"));
    if (committed) {
      r.ending = true;
      step(r, 6, "Deleting the old working directory and disks from " + dir(r, r.source.path()));
      List<String> old = vmfs.volume(r.source).list(r.vm.directory()).stream().map(VmfsFile::path).toList();
      List<String> deleted = Cleanup.delete(vmfs.volume(r.source), old);
      bus.publish(new AgentEvent.SourceFilesDeleted(r.opId(), r.vm.vm(), r.source, deleted));
      finish(r, null);
    } else {
      vmfs.volume(r.destination).list(r.vm.directory()).forEach(f -> r.createdAtDestination.add(f.path()));
      fail(r, new Fault(HOST_COMMUNICATION, "An error occurred while communicating with the remote host."
          + " (the host lost power during step " + r.step + " of the relocate and booted again; the VM"
          + " runs again from its source)"));
    }
  }

  /** vCenter asks vpxa to relocate a VM (HostAgents holds the request while vpxa is down). */
  public void relocate(AgentEvent.RelocateVm e) {
    viaHostd(() -> onRelocate(e));
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
    // The fact is due when the copy is over; its own handler starts step 2. A vpxa that stops first
    // withdraws it: the copy dies with the process.
    subscriptions.timer(WorkingDirCopy.duration(files, dest.config().performance(),
        r.options.seedDelays() ? null : delays),
        new AgentEvent.WorkingDirCopied(r.opId(), r.vm.vm(), r.destination, r.workingDir, bytes));
  }

  private void onWorkingDirCopied(AgentEvent.WorkingDirCopied e) {
    Relocation r = current(e.vm(), e.opId());
    if (r != null && r.step == 1) {
      viaHostd(() -> {
        step(r, 2, "Registering the shadow VM in fail-safe mode at " + dir(r, r.destination.path()));
        hostd.startShadow(r.vm.vm(), r.destination, r.opId());
      });
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
    if (r == null || r.step < 3 || r.ending) {
      return;
    }
    if (!e.success()) {
      fail(r, Fault.parse(e.reason()));
      return;
    }
    r.ending = true;
    step(r, 6, "Deleting the old working directory and disks from " + dir(r, r.source.path()));
    List<String> old = new ArrayList<>(e.sourceFiles());
    old.addAll(r.workingDir);
    List<String> deleted = Cleanup.delete(vmfs.volume(r.source), old);
    bus.publish(new AgentEvent.SourceFilesDeleted(r.opId(), r.vm.vm(), r.source, deleted));
    finish(r, null);
  }

  /** The source stays whole; what the relocate put on the destination goes. */
  private void fail(Relocation r, Fault fault) {
    if (r.ending) {
      return;
    }
    r.ending = true;
    Set<String> leftovers = new LinkedHashSet<>(r.workingDir);
    leftovers.addAll(r.createdAtDestination);
    Cleanup.delete(vmfs.volume(r.destination), leftovers);
    finish(r, fault);
  }

  /** Ends the task: hostd's side, the LRO, the relocate's own fact, then what waited for it. */
  private void finish(Relocation r, Fault fault) {
    viaHostd(() -> finishNow(r, fault));
  }

  private void finishNow(Relocation r, Fault fault) {
    boolean success = fault == null;
    boolean admitted = running.remove(r.vm.vm(), r);
    if (admitted && r.afterCrash) {
      // hostd's task died with the host; the VM already runs again where its disks are complete.
      hostd.resolvedAfterCrash(r.vm.vm());
      admitted = false;
    } else if (admitted) {
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
