package org.svmsim.vmx.svmotion;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.Vmkernel;
import org.svmsim.kernel.device.DeviceBusyException;
import org.svmsim.kernel.device.OpenMode;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.io.DirectDisk;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ExtentStore;
import org.svmsim.kernel.storage.SectorContent;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.kernel.vmfs.VmfsVolume;
import org.svmsim.vmx.VmFiles;
import org.svmsim.vmx.VmxProcess;
import org.svmsim.vmx.disk.VirtualDisk;

/**
 * A mirror-mode Storage vMotion as the VMX runs it (DOMAIN.md sections 2 and 3): destination disks,
 * one SVM mirror device per disk, the VMX's disks reopened through the mirror nodes, one copy pass, then
 * the switchover: stun, drain, check destination against source, fast suspend/resume onto the shadow VM,
 * unstun. Any failure before the switchover completes leaves the VM running on its complete source.
 */
public final class MirrorMigration {
  static final String NO_DISK_SPACE = "vim.fault.NoDiskSpace";
  static final String TIMED_OUT = "vim.fault.Timedout";
  static final String SYSTEM_ERROR = "vmodl.fault.SystemError";

  /** From entering phase 8 to the Worker starting the copy (seed: 0.289 s). */
  static final long COPY_SETUP_NANOS = 289 * VirtualTime.MILLISECOND;
  /** Fast suspend and resume, without the checkpoint transfer (modelled; seed: 188 ms stopped). */
  static final long SUSPEND_NANOS = 45 * VirtualTime.MILLISECOND;
  static final long RESUME_NANOS = 70 * VirtualTime.MILLISECOND;
  /** Device and vcpu state handed to the shadow VM; memory stays put on the same host. */
  static final long CHECKPOINT_BYTES = 6L << 20;

  private final Bus bus;
  private final Vmkernel kernel;
  private final SimRandom random;
  private final VmxProcess vmx;
  private final VmxEvent.StartSvmotion request;
  private final VmfsVolume source;
  private final VmfsVolume destination;
  private final List<DiskMove> moves = new ArrayList<>();
  private boolean reopened;
  private long stunnedAt = -1;
  private boolean suspending;
  /** The fast suspend/resume under way: withdrawn if the kernel fails the switchover first. */
  private Bus.Timer resume;
  private boolean ended;

  public MirrorMigration(Bus bus, Vmkernel kernel, SimRandom random, VmxProcess vmx,
      VmxEvent.StartSvmotion request) {
    this.bus = bus;
    this.kernel = kernel;
    this.random = random;
    this.vmx = vmx;
    this.request = request;
    this.source = kernel.vmfs().volume(vmx.home());
    this.destination = kernel.vmfs().volume(request.destination());
    for (VirtualDisk d : vmx.disks()) {
      moves.add(new DiskMove(d));
    }
  }

  public void start() {
    enter(Phase.PREPARE);
  }

  private void enter(Phase phase) {
    bus.publish(new VmxEvent.SvmotionPhaseEntered(vmx.config().name(), phase.number(), phase.description()));
  }

  private void enterAfter(Phase done) {
    bus.schedule(done.next(), new VmxEvent.SvmotionPhaseEntered(vmx.config().name(),
        done.number() + 1, Phase.of(done.number() + 1).description()));
  }

  /** Does the work of a phase as the VMX enters it. */
  public void onPhase(VmxEvent.SvmotionPhaseEntered e) {
    if (ended) {
      return;
    }
    Phase phase = Phase.of(e.phase());
    switch (phase) {
      case CREATE_DESTINATION -> {
        for (DiskMove m : moves) {
          try {
            m.create();
          } catch (NoSpaceException ex) {
            fail(NO_DISK_SPACE, ex.getMessage());
            return;
          }
        }
        enterAfter(phase);
      }
      case START_MIRROR -> {
        for (DiskMove m : moves) {
          m.makeDevice();
        }
        enterAfter(phase);
      }
      case REOPEN_THROUGH_MIRROR -> {
        for (DiskMove m : moves) {
          m.reopenThroughMirror();
        }
        reopened = true;
        enterAfter(phase);
      }
      case DISK_COPY -> {
        for (DiskMove m : moves) {
          bus.schedule(COPY_SETUP_NANOS, new VmxEvent.DiskCopyStarted(vmx.config().name(),
              m.disk.scsi(), m.destinationDescriptorPath()));
        }
      }
      case SWITCHOVER -> {
        stunnedAt = bus.now();
        kernel.switchovers().begin(vmx.config().world(), request.migrationId(),
            request.options().maxSwitchoverNanos());
        vmx.stun();
        if (vmx.outstanding() == 0) {
          drained();
        }
      }
      case TEARDOWN -> {
        for (DiskMove m : moves) {
          kernel.svm().destroy(m.device);
        }
        enterAfter(phase);
      }
      case FINISH -> finish(true, "");
      default -> enterAfter(phase);
    }
  }

  /** The Worker starts copying one disk: the kernel's data mover takes over. */
  public void onDiskCopyStarted(VmxEvent.DiskCopyStarted e) {
    if (!ended) {
      kernel.svm().startCopy(move(e.scsi()).device, source, destination, request.options());
    }
  }

  /** True if {@code device} is one of this migration's mirrors. */
  public boolean owns(org.svmsim.kernel.id.DeviceName device) {
    return moves.stream().anyMatch(m -> m.device != null && m.device.name().equals(device));
  }

  public void onCopyCompleted(KernelEvent.DiskCopyCompleted e) {
    DiskMove m = moves.stream().filter(x -> x.device.name().equals(e.device())).findFirst().orElseThrow();
    m.copied = true;
    bus.publish(new VmxEvent.DiskCopyFinished(vmx.config().name(), m.disk.scsi(),
        m.destinationDescriptorPath(), e.bytesCopied(), e.elapsedNanos()));
    if (moves.stream().allMatch(x -> x.copied)) {
      enterAfter(Phase.DISK_COPY);
    }
  }

  public void onCopyFailed(KernelEvent.DiskCopyFailed e) {
    fail(NoSpaceException.STATUS.equals(e.status()) ? NO_DISK_SPACE : SYSTEM_ERROR, e.reason());
  }

  /** No guest I/O is in flight any more: while stunned, the switchover can go on. */
  public void drained() {
    if (ended || stunnedAt < 0 || suspending || vmx.outstanding() != 0) {
      return;
    }
    boolean consistent = true;
    for (DiskMove m : moves) {
      long diff = m.device.pass().firstDifference();
      bus.publish(new VmxEvent.ConsistencyChecked(vmx.config().name(), m.disk.scsi(), diff < 0, diff));
      consistent &= diff < 0;
    }
    if (!consistent) {
      fail(SYSTEM_ERROR, "destination differs from source at switchover");
      return;
    }
    suspending = true;
    // The checkpoint is written to the destination through its shared service; the suspend and resume
    // around it take their own time once it is there.
    destination.service().openStream(vmx.config().name() + " checkpoint").submit(CHECKPOINT_BYTES,
        (token, arrivedAt) -> {
          if (ended) {
            return;
          }
          long fsr = SUSPEND_NANOS + RESUME_NANOS + random.nextLong(0, 60 * VirtualTime.MILLISECOND);
          resume = bus.timer(fsr, new VmxEvent.FastSuspendResumed(vmx.config().name(), request.destination(),
              CHECKPOINT_BYTES));
        }, 0);
  }

  /** The VM now runs on the shadow VMX, from the destination disks. */
  public void onFastSuspendResumed(VmxEvent.FastSuspendResumed e) {
    kernel.switchovers().end(request.migrationId());
    for (DiskMove m : moves) {
      m.closeMirrorNode();
      m.disk.open(m.destinationDescriptorPath(), m.destinationFlat,
          new DirectDisk(bus, m.destinationStore, destination.service().openStream(m.streamName())), null);
    }
    reopened = false;
    vmx.relocated(request.destination());
    vmx.unstun(bus.now() - stunnedAt);
    stunnedAt = -1;
    enterAfter(Phase.SWITCHOVER);
  }

  private void finish(boolean success, String reason) {
    ended = true;
    List<String> sourceFiles = new ArrayList<>();
    if (success) {
      for (DiskMove m : moves) {
        sourceFiles.add(VmFiles.descriptor(vmx.config().name(), m.disk.config()));
        sourceFiles.add(VmFiles.flat(vmx.config().name(), m.disk.config()));
      }
    }
    DatastoreId home = success ? request.destination() : source.id();
    vmx.migrationEnded(home);
    bus.publish(new VmxEvent.SvmotionFinished(vmx.config().name(), success, reason, home, sourceFiles));
  }

  /** The kernel failed the switchover for taking too long: the VM resumes on the source. */
  public void onSwitchoverTimedOut(org.svmsim.kernel.event.KernelEvent.SwitchoverTimedOut e) {
    fail(TIMED_OUT,
        "Maximum switchover time (" + e.maxSeconds() + " seconds) reached; the VM resumes on the source");
  }

  public String migrationId() {
    return request.migrationId();
  }

  /**
   * Gives up: the VM goes on from its source disks, which are complete; vpxa removes the leftovers.
   * The reason travels as {@code "<vSphere fault type>: <message>"}, as the agents report faults.
   */
  private void fail(String faultType, String message) {
    String reason = faultType + ": " + message;
    kernel.switchovers().end(request.migrationId());
    if (resume != null) {
      resume.cancel();
    }
    for (DiskMove m : moves) {
      if (m.device != null) {
        m.device.abandonCopy();
      }
    }
    if (reopened) {
      for (DiskMove m : moves) {
        m.closeMirrorNode();
        m.disk.open(source.id().resolve(VmFiles.descriptor(vmx.config().name(), m.disk.config())),
            m.sourceFlat, new DirectDisk(bus, m.sourceStore, source.service().openStream(m.streamName())),
            null);
      }
      reopened = false;
    }
    for (DiskMove m : moves) {
      if (m.device != null) {
        kernel.svm().destroy(m.device);
        m.device = null;
      }
    }
    if (stunnedAt >= 0) {
      vmx.unstun(bus.now() - stunnedAt);
      stunnedAt = -1;
    }
    finish(false, reason);
  }

  private DiskMove move(String scsi) {
    return moves.stream().filter(m -> m.disk.scsi().equals(scsi)).findFirst().orElseThrow();
  }

  /** One disk's move: its source file, its copy, and the mirror between them. */
  private final class DiskMove {
    final VirtualDisk disk;
    final VmfsFile sourceFlat;
    final BlockStore sourceStore;
    VmfsFile destinationFlat;
    BlockStore destinationStore;
    org.svmsim.kernel.svm.SvmMirrorDevice device;
    boolean copied;

    DiskMove(VirtualDisk disk) {
      this.disk = disk;
      String flat = VmFiles.flat(vmx.config().name(), disk.config());
      this.sourceFlat = source.file(flat).orElseThrow();
      this.sourceStore = source.content(flat);
    }

    /** The guest's flow of I/O into a datastore, named for diagnostics. */
    String streamName() {
      return vmx.config().name() + " " + disk.scsi();
    }

    String destinationDescriptorPath() {
      return destination.id().resolve(VmFiles.descriptor(vmx.config().name(), disk.config()));
    }

    void create() throws NoSpaceException {
      var cfg = disk.config();
      if (destination.file(VmFiles.descriptor(vmx.config().name(), cfg)).isEmpty()) {
        destination.createFile(VmFiles.descriptor(vmx.config().name(), cfg), VmFiles.DESCRIPTOR_BYTES, false);
      }
      String flat = VmFiles.flat(vmx.config().name(), cfg);
      destinationFlat = destination.createFile(flat, cfg.capacitySectors() * BlockStore.SECTOR, cfg.thin(),
          cfg.destinationHandle());
      destinationStore = new ExtentStore(cfg.capacitySectors(), SectorContent.ZERO);
      destination.attachContent(flat, destinationStore);
    }

    void makeDevice() {
      device = kernel.svm().makeDevice(vmx.config().world(), source, sourceFlat, sourceStore, destination,
          destinationFlat, destinationStore);
    }

    void reopenThroughMirror() {
      disk.close();
      try {
        kernel.devices().open(vmx.config().world(), device.name(), OpenMode.EXCLUSIVE);
      } catch (DeviceBusyException ex) {
        throw new IllegalStateException("the VMX could not open its own mirror node " + device.name(), ex);
      }
      disk.open(destinationDescriptorPath(), destinationFlat, device, device.path());
    }

    void closeMirrorNode() {
      disk.close();
      kernel.devices().close(vmx.config().world(), device.name());
    }
  }
}
