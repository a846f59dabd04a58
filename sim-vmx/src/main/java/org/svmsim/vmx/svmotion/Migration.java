package org.svmsim.vmx.svmotion;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.Vmkernel;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.MigrationId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.VmfsVolume;
import org.svmsim.vmx.VmFiles;
import org.svmsim.vmx.VmxProcess;
import org.svmsim.vmx.disk.VirtualDisk;

/**
 * A Storage vMotion as the VMX runs it, whatever the method: destination disks, the phases, the copy
 * job of each disk, the switchover (stun, drain, the method's stunned copy, check destination against
 * source, fast suspend/resume onto the shadow VM, unstun) under the kernel's {@code
 * fsr.maxSwitchoverSeconds}, and failure. What differs per method is each disk's {@link DiskCopy}. Any
 * failure before the switchover completes leaves the VM running on its complete source.
 */
public final class Migration {
  static final String NO_DISK_SPACE = "vim.fault.NoDiskSpace";
  static final String TIMED_OUT = "vim.fault.Timedout";
  static final String SYSTEM_ERROR = "vmodl.fault.SystemError";
  static final String CANCELED = "vmodl.fault.RequestCanceled";
  static final String FILE_LOCKED = "vim.fault.FileLocked";
  /** AIOMgr_OpenWithRetry: five locked tries about 300 ms apart, then the open fails (DOMAIN.md section 9). */
  static final int LOCK_TRIES = 5;
  static final long LOCK_RETRY_NANOS = 300 * VirtualTime.MILLISECOND;


  /** Where the migration is; each state allows the next steps and nothing else. */
  public enum State {
    /** Phases 1 to 7: destination disks, the method's kernel side, the reopened disks. */
    PREPARING,
    /** Phase 8: the copy passes while the guest runs. */
    COPYING,
    /** Phase 9: stunned; draining guest I/O, then the method's stunned copy. */
    STUNNED,
    /** Phase 9: destination checked; fast suspend/resume under way. */
    RESUMING,
    /** Phases 10 and 11: the VM runs on the destination; the method's kernel side goes. */
    TEARING_DOWN,
    SUCCEEDED,
    FAILED;

    boolean ended() {
      return this == SUCCEEDED || this == FAILED;
    }
  }

  private final Bus bus;
  private final Vmkernel kernel;
  private final Timings timings;
  private final VmxProcess vmx;
  private final VmxEvent.StartSvmotion request;
  private final VmfsVolume source;
  private final VmfsVolume destination;
  private final List<DiskMove> moves = new ArrayList<>();
  private State state = State.PREPARING;
  private long stunnedAt = -1;
  /** The fast suspend/resume under way: withdrawn if the kernel fails the switchover first. */
  private Bus.Timer resume;
  /** An injected switchover-timeout: the fast suspend/resume never completes, the kernel's limit does. */
  private boolean switchoverStalls;
  /** An injected lock-conflict: the tries the destination's lock holds out (LOCK_TRIES + 1: for good). */
  private int lockedTries;
  /** Draws for an injected lock-conflict, a stream of its own so that faults shift no other delay. */
  private final SimRandom lockRandom;

  public Migration(Bus bus, Vmkernel kernel, SimRandom random, VmxProcess vmx, VmxEvent.StartSvmotion request) {
    this.bus = bus;
    this.kernel = kernel;
    // Its own stream: drawing a delay never shifts the method's or the copy's draws.
    this.lockRandom = random.split("lock-conflict");
    this.timings = new Timings(random, request.options().seedDelays(), vmx.disks().size(),
        vmx.config().memoryBytes());
    this.vmx = vmx;
    this.request = request;
    this.source = kernel.vmfs().volume(vmx.home());
    this.destination = kernel.vmfs().volume(request.destination());
    for (VirtualDisk d : vmx.disks()) {
      DiskMove m = new DiskMove(this, d);
      m.copy = Methods.forDisk(request.method(), m);
      moves.add(m);
    }
  }

  public void start() {
    bus.publish(phase(Phase.PREPARE));
  }

  private VmxEvent.SvmotionPhaseEntered phase(Phase p) {
    return new VmxEvent.SvmotionPhaseEntered(vmx.config().name(), p.number(), p.description(request.method()));
  }

  private void enterAfter(Phase done) {
    bus.schedule(timings.phase(done), phase(Phase.of(done.number() + 1)));
  }

  /** Does the work of a phase as the VMX enters it. */
  public void onPhase(VmxEvent.SvmotionPhaseEntered e) {
    if (state.ended()) {
      return;
    }
    Phase phase = Phase.of(e.phase());
    switch (phase) {
      case CREATE_DESTINATION -> {
        for (DiskMove m : moves) {
          try {
            m.createDestination();
          } catch (NoSpaceException ex) {
            fail(NO_DISK_SPACE, ex.getMessage());
            return;
          }
        }
        enterAfter(phase);
      }
      case START_MIRROR -> {
        moves.forEach(m -> m.copy.prepare());
        enterAfter(phase);
      }
      case REOPEN_THROUGH_MIRROR -> {
        moves.forEach(m -> m.copy.reopen());
        enterAfter(phase);
      }
      case DISK_COPY -> {
        state = State.COPYING;
        for (DiskMove m : moves) {
          bus.schedule(timings.copySetup(), new VmxEvent.DiskCopyStarted(vmx.config().name(), m.disk().scsi(),
              m.destinationDescriptorPath()));
        }
      }
      case SWITCHOVER -> stun();
      case OPEN_DESTINATION -> {
        if (lockedTries > 0) {
          bus.publish(new VmxEvent.DiskOpenLocked(vmx.config().name(), lockedExtent(), 0));
        } else {
          enterAfter(phase);
        }
      }
      case TEARDOWN -> {
        moves.forEach(m -> m.copy.teardown());
        enterAfter(phase);
      }
      case FINISH -> finish(true, "");
      default -> enterAfter(phase);
    }
  }

  /** The Worker starts copying one disk: the kernel's copy job takes over. */
  public void onDiskCopyStarted(VmxEvent.DiskCopyStarted e) {
    if (state == State.COPYING) {
      DiskMove m = move(e.scsi());
      m.copyStartedAt = bus.now();
      m.createJob();
      m.copy.startCopy();
    }
  }

  /** True if {@code job} copies one of this migration's disks. */
  public boolean owns(CopyJobId job) {
    return moves.stream().anyMatch(m -> job.equals(m.job()));
  }

  public void onPassCompleted(KernelEvent.CopyPassCompleted e) {
    if (!state.ended()) {
      DiskMove m = byJob(e.job());
      m.bytesCopied += e.bytesCopied();
      m.copy.onPassCompleted(e);
    }
  }

  public void onCopyFailed(KernelEvent.CopyFailed e) {
    fail(NoSpaceException.STATUS.equals(e.status()) ? NO_DISK_SPACE : SYSTEM_ERROR, e.reason());
  }

  /**
   * A mirrored write could not reach the destination: the mirror has failed, the destination lacks a
   * write, so the migration fails; the write itself completed from the source.
   */
  public void onMirrorFailed(KernelEvent.SvmMirrorWriteFailed e) {
    fail(SYSTEM_ERROR, "mirrored write to the destination failed at sector " + e.lba() + ": " + e.status());
  }

  /** One disk's copy converged; once all have, the switchover begins. */
  void converged() {
    if (state == State.COPYING && moves.stream().allMatch(m -> m.converged)) {
      enterAfter(Phase.DISK_COPY);
    }
  }

  private void stun() {
    state = State.STUNNED;
    stunnedAt = bus.now();
    kernel.switchovers().begin(vmx.config().world(), request.migrationId(),
        request.options().maxSwitchoverNanos());
    vmx.stun();
    drained();
  }

  /** No guest I/O is in flight any more: while stunned, each method finishes its copy. */
  public void drained() {
    if (state != State.STUNNED || vmx.outstanding() != 0 || moves.stream().anyMatch(m -> m.stunnedCopyStarted)) {
      return;
    }
    for (DiskMove m : moves) {
      m.stunnedCopyStarted = true;
      m.copy.whileStunned();
      if (state != State.STUNNED) {
        return;
      }
    }
  }

  /** One disk's stunned copy is done; once all are, check the destinations and hand over. */
  void finalCopyDone() {
    if (state != State.STUNNED || !moves.stream().allMatch(m -> m.finalCopied)) {
      return;
    }
    boolean consistent = true;
    for (DiskMove m : moves) {
      long diff = kernel.copies().firstDifference(m.job());
      bus.publish(new VmxEvent.ConsistencyChecked(vmx.config().name(), m.disk().scsi(), diff < 0, diff));
      consistent &= diff < 0;
    }
    if (!consistent) {
      fail(SYSTEM_ERROR, "destination differs from source at switchover");
      return;
    }
    state = State.RESUMING;
    if (switchoverStalls) {
      return;
    }
    // The checkpoint is written to the destination through its shared service; the suspend and resume
    // around it take their own time once it is there.
    long checkpoint = timings.checkpointBytes();
    destination.service().openStream(vmx.config().name() + " checkpoint").write(checkpoint,
        (token, arrivedAt, status) -> {
          if (state != State.RESUMING || switchoverStalls) {
            return;
          }
          if (!status.ok()) {
            fail(SYSTEM_ERROR, "the checkpoint could not be written to the destination: " + status.text());
            return;
          }
          resume = bus.timer(timings.suspendResume(), new VmxEvent.FastSuspendResumed(vmx.config().name(),
              request.destination(), checkpoint));
        }, 0);
  }

  /** The VM now runs on the shadow VMX, from the destination disks. */
  public void onFastSuspendResumed(VmxEvent.FastSuspendResumed e) {
    if (state != State.RESUMING) {
      return;
    }
    state = State.TEARING_DOWN;
    kernel.switchovers().end(request.migrationId());
    for (DiskMove m : moves) {
      m.copy.switchedOver();
      m.openOnDestination();
      kernel.copies().close(m.job());
    }
    vmx.relocated(request.destination());
    unstun();
    enterAfter(Phase.SWITCHOVER);
  }

  /**
   * The user cancelled the task: until the VM runs on the destination the migration fails as any
   * failure does (the source stays the VM's disk, the destination's files go); after, it is too late
   * and the migration completes.
   */
  public void cancel() {
    fail(CANCELED, "The task was canceled by a user.");
  }

  /**
   * An injected switchover-timeout: the checkpoint's transfer to the shadow VM hangs, so this (or the
   * coming) switchover outlasts {@code fsr.maxSwitchoverSeconds} and the kernel fails it. Once the VM
   * runs on the destination it is too late.
   */
  public void stallSwitchover() {
    if (state.ended() || state == State.TEARING_DOWN) {
      return;
    }
    switchoverStalls = true;
    if (resume != null) {
      resume.cancel();
      resume = null;
    }
  }

  /**
   * An injected lock-conflict: another host holds the lock of a destination file. A persistent one is
   * never released and the open fails after {@link #LOCK_TRIES} tries; a transient one is released after
   * 1 to 4 tries (seeded). Too late once the destination disks are open.
   */
  public void lockConflict(boolean persistent) {
    if (state == State.PREPARING && lockedTries == 0) {
      lockedTries = persistent ? LOCK_TRIES + 1 : 1 + lockRandom.nextInt(LOCK_TRIES - 1);
    }
  }

  /** Try {@code e.attempt()} of the destination's open found it locked: try again, or give up. */
  public void onDiskOpenLocked(VmxEvent.DiskOpenLocked e) {
    if (state != State.PREPARING) {
      return;
    }
    int next = e.attempt() + 1;
    long after = LOCK_RETRY_NANOS + lockRandom.nextLong(0, 10 * VirtualTime.MILLISECOND);
    if (next < Math.min(lockedTries, LOCK_TRIES)) {
      bus.schedule(after, new VmxEvent.DiskOpenLocked(vmx.config().name(), e.extent(), next));
    } else if (lockedTries > LOCK_TRIES) {
      DiskMove m = moves.get(0);
      bus.schedule(after, new VmxEvent.DiskOpenFailed(vmx.config().name(), m.destinationDescriptorPath(),
          e.extent(), "Failed to lock the file"));
    } else {
      lockedTries = 0;
      bus.schedule(after, phase(Phase.of(Phase.OPEN_DESTINATION.number() + 1)));
    }
  }

  /** The destination could not be opened: the migration fails, the VM stays on its source. */
  public void onDiskOpenFailed(VmxEvent.DiskOpenFailed e) {
    fail(FILE_LOCKED, "Unable to access file " + e.descriptor() + " since it is locked");
  }

  private String lockedExtent() {
    DiskMove m = moves.get(0);
    return destination.id().resolve(VmFiles.flat(vmx.config().name(), m.disk().config()));
  }

  /** The kernel failed the switchover for taking too long: the VM resumes on the source. */
  public void onSwitchoverTimedOut(KernelEvent.SwitchoverTimedOut e) {
    fail(TIMED_OUT,
        "Maximum switchover time (" + e.maxSeconds() + " seconds) reached; the VM resumes on the source");
  }

  /**
   * Gives up: the VM goes on from its source disks, which are complete; vpxa removes the leftovers.
   * The reason travels as {@code "<vSphere fault type>: <message>"}, as the agents report faults.
   */
  void fail(String faultType, String message) {
    if (state.ended() || state == State.TEARING_DOWN) {
      return;
    }
    state = State.FAILED;
    kernel.switchovers().end(request.migrationId());
    if (resume != null) {
      resume.cancel();
    }
    for (DiskMove m : moves) {
      if (m.job() != null) {
        kernel.copies().close(m.job());
      }
      m.copy.abandon();
    }
    if (stunnedAt >= 0) {
      unstun();
    }
    finish(false, faultType + ": " + message);
  }

  private void unstun() {
    long stopped = bus.now() - stunnedAt;
    stunnedAt = -1;
    vmx.unstun(stopped);
  }

  private void finish(boolean success, String reason) {
    if (success) {
      state = State.SUCCEEDED;
    }
    List<String> sourceFiles = new ArrayList<>();
    if (success) {
      for (DiskMove m : moves) {
        sourceFiles.add(VmFiles.descriptor(vmx.config().name(), m.disk().config()));
        sourceFiles.add(VmFiles.flat(vmx.config().name(), m.disk().config()));
        sourceFiles.addAll(m.copy.extraSourceFiles());
      }
    }
    DatastoreId home = success ? request.destination() : source.id();
    vmx.migrationEnded(home);
    bus.publish(new VmxEvent.SvmotionFinished(vmx.config().name(), success, reason, home, sourceFiles));
  }

  public MigrationId migrationId() {
    return request.migrationId();
  }

  public State state() {
    return state;
  }

  Bus bus() {
    return bus;
  }

  Vmkernel kernel() {
    return kernel;
  }

  VmxProcess vmx() {
    return vmx;
  }

  VmxEvent.StartSvmotion request() {
    return request;
  }

  VmfsVolume sourceVolume() {
    return source;
  }

  VmfsVolume destinationVolume() {
    return destination;
  }

  private DiskMove move(String scsi) {
    return moves.stream().filter(m -> m.disk().scsi().equals(scsi)).findFirst().orElseThrow();
  }

  private DiskMove byJob(CopyJobId job) {
    return moves.stream().filter(m -> job.equals(m.job())).findFirst().orElseThrow();
  }
}
