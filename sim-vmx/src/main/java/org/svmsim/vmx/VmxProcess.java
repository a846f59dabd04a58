package org.svmsim.vmx;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.Vmkernel;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.io.GuestIo;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.vmfs.VmfsVolume;
import org.svmsim.vmx.config.VmConfig;
import org.svmsim.vmx.disk.VirtualDisk;
import org.svmsim.vmx.guest.AdapterQueue;
import org.svmsim.vmx.guest.WorkloadGenerator;
import org.svmsim.vmx.svmotion.Migration;

/**
 * The VMX of one VM: powers it on, runs its guest's I/O through its virtual disks, stuns and unstuns it,
 * and runs a Storage vMotion when vpxa asks. After a switchover the VM runs on the shadow VMX; svmsim
 * keeps one object for the VM and moves its home and disks over.
 */
public final class VmxProcess {
  /**
   * The usual time from power-on to a running guest; each power-on draws 0.8 to 2.5 times it (1.2 to
   * 3.75 s, a guess: a small Linux guest's BIOS and kernel start), unless the VM pins its boot time.
   */
  static final long BOOT_NANOS = 1_500 * VirtualTime.MILLISECOND;
  /** From the power-off request to the VMX's exit: 0.6 to 2.5 times this (a guess). */
  static final long POWER_OFF_NANOS = 200 * VirtualTime.MILLISECOND;

  private final Bus bus;
  private final Vmkernel kernel;
  private final SimRandom random;
  /** The power-on and power-off delays: a stream of their own, so the workload's draws stay where they were. */
  private final SimRandom power;
  private final VmConfig config;
  private final long tagBase;
  private final List<VirtualDisk> disks = new ArrayList<>();
  private final List<WorkloadGenerator> workloads = new ArrayList<>();
  private final List<VmxEvent.GuestIoIssued> heldWhileStunned = new ArrayList<>();
  private final AdapterQueue<VmxEvent.GuestIoIssued> adapter;
  private DatastoreId home;
  private boolean running;
  private boolean stunned;
  private long ioSeq;
  private long writeSeq;
  private long ioErrors;
  private Migration migration;
  /** The last migration's end, kept for hostd until the next migration starts. */
  private VmxEvent.SvmotionFinished lastEnd;
  /** The guest is up: from GuestRunning to the power-off. */
  private boolean guestUp;

  VmxProcess(Bus bus, Vmkernel kernel, SimRandom random, VmConfig config, int ordinal) {
    this.bus = bus;
    this.kernel = kernel;
    this.random = random;
    this.power = random.split("boot");
    this.config = config;
    this.home = config.home();
    this.tagBase = (long) (ordinal + 1) << 40;
    this.adapter = new AdapterQueue<>(config.workload().outstanding());
    for (int i = 0; i < config.disks().size(); i++) {
      long initialTag = Long.MIN_VALUE | ((long) ordinal << 16) | i;
      VirtualDisk d = new VirtualDisk(bus, random.split("disk" + i), config.name(), "scsi0:" + i,
          config.disks().get(i), initialTag);
      disks.add(d);
      double share = config.workload().iops() / config.disks().size();
      workloads.add(new WorkloadGenerator(config.workload().withIops(share), random.split("workload" + i),
          d.config().capacitySectors()));
    }
  }

  /**
   * This VMX is {@code crashed}'s VM after the host booted again: the guest's write numbering goes on
   * (write tags grow with issue order, across the crash) and so does the record of what it was told.
   */
  void carryOver(VmxProcess crashed) {
    ioSeq = crashed.ioSeq;
    writeSeq = crashed.writeSeq;
    for (int i = 0; i < disks.size(); i++) {
      disks.get(i).carryOver(crashed.disks.get(i));
    }
  }

  /** The host lost power: the guest's writes not acknowledged are gone. */
  void powerLost() {
    running = false;
    disks.forEach(d -> d.loseUnacknowledged());
  }

  void powerOn(DatastoreId at) {
    home = at;
    running = true;
    bus.publish(new VmxEvent.VmxStarted(config.name(), home, config.pid(), config.world(),
        vmxPath(home), config.uuid(), config.vcpus(), config.memoryBytes(), config.guestOs(), false));
    VmfsVolume volume = kernel.vmfs().volume(home);
    for (VirtualDisk d : disks) {
      String flat = VmFiles.flat(config.name(), d.config());
      d.open(volume.id().resolve(VmFiles.descriptor(config.name(), d.config())),
          volume.file(flat).orElseThrow(), volume.openDisk(flat), null);
    }
    long boot = config.bootNanos() != VmConfig.BOOT_DRAWN ? config.bootNanos() : spread(BOOT_NANOS, 0.8, 2.5);
    bus.schedule(boot, new VmxEvent.GuestRunning(config.name()));
  }

  void guestRunning() {
    guestUp = running;
    for (int i = 0; i < disks.size(); i++) {
      scheduleNextIo(i);
    }
  }

  void powerOff() {
    running = false;
    guestUp = false;
    adapter.dropWaiting();
    for (VirtualDisk d : disks) {
      d.close();
    }
    bus.schedule(spread(POWER_OFF_NANOS, 0.6, 2.5), new VmxEvent.VmxStopped(config.name(), "powered off"));
  }

  /** {@code centre} times a uniform factor in [lo, hi), in whole microseconds. */
  private long spread(long centre, double lo, double hi) {
    double f = lo + (hi - lo) * power.nextDouble();
    return Math.round(centre * f / VirtualTime.MICROSECOND) * VirtualTime.MICROSECOND;
  }

  private void scheduleNextIo(int disk) {
    WorkloadGenerator g = workloads.get(disk);
    if (!running || !g.active()) {
      return;
    }
    WorkloadGenerator.NextIo io = g.next();
    long tag = io.write() ? tagBase | ++writeSeq : 0;
    bus.schedule(io.delayNanos(),
        new VmxEvent.GuestIoIssued(config.name(), disk, ++ioSeq, io.write(), io.lba(), io.sectors(), tag));
  }

  void issue(VmxEvent.GuestIoIssued e) {
    if (!running) {
      return;
    }
    if (stunned) {
      heldWhileStunned.add(e);
      return;
    }
    admit(e);
  }

  /** The I/O takes an adapter slot, or waits for one; now, or at unstun for one issued while stunned. */
  private void admit(VmxEvent.GuestIoIssued e) {
    if (adapter.admit(e, bus.now())) {
      submit(e);
    }
  }

  /** Sends an I/O that holds an adapter slot to its disk; the guest then draws its next arrival. */
  private void submit(VmxEvent.GuestIoIssued e) {
    int i = e.disk();
    VirtualDisk d = disks.get(i);
    if (e.write()) {
      d.beforeWrite();
      d.audit().issued(e.tag());
      d.writeIssued(e.lba(), e.sectors(), e.tag());
    }
    d.path().submit(new GuestIo(config.name(), i, e.ioId(), e.write(), e.lba(), e.sectors(), e.tag()));
    scheduleNextIo(i);
  }

  void completed(KernelEvent.GuestIoCompleted e) {
    if (e.write()) {
      disks.get(e.disk()).audit().acknowledged(e.lba(), e.sectors(), e.tag());
      disks.get(e.disk()).writeCompleted(e.tag());
    }
    freed();
  }

  /**
   * An I/O failed back to the guest: it frees its adapter slot and is not acknowledged (a failed write
   * stays unacknowledged in the audit). The guest OS's own error handling (retries, a read-only remount)
   * is not modelled: svmsim's guest goes on issuing its workload.
   */
  void failed(KernelEvent.GuestIoFailed e) {
    ioErrors++;
    if (e.write()) {
      // Done, if failed: its content stays where it landed (the journal records it so), even through a crash.
      disks.get(e.disk()).writeCompleted(e.tag());
    }
    freed();
  }

  /** The guest I/Os that completed with an error. */
  public long ioErrors() {
    return ioErrors;
  }

  private void freed() {
    adapter.completed();
    if (!stunned && running) {
      submitWaiting();
    }
    if (adapter.inFlight() == 0 && migration != null) {
      migration.drained();
    }
  }

  /** The guest's vcpus stop; I/O it had issued still completes. */
  public void stun() {
    stunned = true;
    bus.publish(new VmxEvent.VmStunned(config.name()));
  }

  /**
   * The guest runs again and what it issued while stunned goes to its disks now. Those I/Os were
   * published once, when issued; they are submitted, not published again.
   */
  public void unstun(long stoppedNanos) {
    bus.publish(new VmxEvent.VmUnstunned(config.name(), stoppedNanos / VirtualTime.MICROSECOND));
    stunned = false;
    submitWaiting();
    List<VmxEvent.GuestIoIssued> again = new ArrayList<>(heldWhileStunned);
    heldWhileStunned.clear();
    for (VmxEvent.GuestIoIssued e : again) {
      if (running) {
        admit(e);
      }
    }
  }

  private void submitWaiting() {
    for (VmxEvent.GuestIoIssued w = adapter.release(bus.now()); w != null; w = adapter.release(bus.now())) {
      submit(w);
    }
  }

  void startSvmotion(VmxEvent.StartSvmotion e) {
    if (migration != null) {
      throw new IllegalStateException(config.name() + " is already migrating");
    }
    lastEnd = null;
    migration = new Migration(bus, kernel, random.split("svmotion"), this, e);
    migration.start();
  }

  /** The VM now runs from {@code newHome} (the switchover moved it). */
  public void relocated(DatastoreId newHome) {
    home = newHome;
  }

  /** Called by the migration when it ends, either way. */
  public void migrationEnded(DatastoreId newHome) {
    home = newHome;
    migration = null;
  }

  void lastMigrationEnd(VmxEvent.SvmotionFinished e) {
    lastEnd = e;
  }

  /** Answers hostd's query: running, migrating, and the last migration's end if there was one. */
  void report() {
    VmxEvent.SvmotionFinished end = lastEnd;
    bus.publish(new VmxEvent.VmxReported(config.name(), running, migration != null, end != null,
        end != null && end.success(), end == null ? "" : end.reason(), home,
        end == null ? List.of() : end.sourceFiles(), guestUp));
  }

  public Migration migration() {
    return migration;
  }

  public long outstanding() {
    return adapter.inFlight();
  }

  /** How often, and for how long in all, the guest's I/Os waited for a free adapter slot. */
  public AdapterQueue<?> adapter() {
    return adapter;
  }

  public VmConfig config() {
    return config;
  }

  public List<VirtualDisk> disks() {
    return disks;
  }

  public DatastoreId home() {
    return home;
  }

  public static String vmxPath(DatastoreId home, org.svmsim.kernel.id.VmId vm) {
    return home.resolve(vm + "/" + vm + ".vmx");
  }

  private String vmxPath(DatastoreId at) {
    return vmxPath(at, config.name());
  }
}
