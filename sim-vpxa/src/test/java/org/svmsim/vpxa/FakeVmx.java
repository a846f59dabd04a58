package org.svmsim.vpxa;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.copy.mover.DataMover;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.Vmfs;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.kernel.vmfs.VmfsVolume;

/**
 * A stand-in for sim-vmx: answers StartVmx with VmxStarted (and GuestRunning for a real power-on), StopVmx
 * with VmxStopped, and StartSvmotion with a copy of the VM's disks to the destination: the mirror device,
 * {@link #CHUNKS} chunks one second apart, a stun, then SvmotionFinished (failed if {@link #failWith}).
 */
public final class FakeVmx {
  public static final WorldId WORLD = WorldId.of(808643);
  public static final long DISK_SECTORS = 1L << 20;
  public static final int CHUNKS = 16;
  private final Bus bus;
  private final Vmfs vmfs;
  public final List<VmxEvent.StartSvmotion> svmotions = new ArrayList<>();
  /** When set, the next Storage vMotions fail with this reason after the copy. */
  public String failWith;

  public FakeVmx(Bus bus, Vmfs vmfs) {
    this.bus = bus;
    this.vmfs = vmfs;
    bus.subscribe(VmxEvent.StartVmx.class, this::start);
    bus.subscribe(VmxEvent.StopVmx.class,
        e -> bus.schedule(VirtualTime.seconds(3), new VmxEvent.VmxStopped(e.vm(), "powered off")));
    bus.subscribe(VmxEvent.StartSvmotion.class, this::svmotion);
  }

  private void start(VmxEvent.StartVmx e) {
    String vmx = e.home().path() + "/" + e.vm() + "/" + e.vm() + ".vmx";
    bus.schedule(VirtualTime.seconds(2), new VmxEvent.VmxStarted(e.vm(), e.home(), 1000, WORLD, vmx,
        "564d0000-0000-0000-0000-000000000001", 2, 4L << 30, "windows7-64", e.shadow()));
    if (!e.shadow()) {
      bus.schedule(VirtualTime.seconds(10), new VmxEvent.GuestRunning(e.vm()));
    }
  }

  private void svmotion(VmxEvent.StartSvmotion e) {
    svmotions.add(e);
    VmfsVolume src = vmfs.volume(AgentsHarness.SOURCE);
    VmfsVolume dst = vmfs.volume(e.destination());
    String desc = e.vm() + "/" + e.vm() + ".vmdk";
    String flat = e.vm() + "/" + e.vm() + "-flat.vmdk";
    VmfsFile dstFlat;
    try {
      dst.createFile(desc, 512, false);
      dstFlat = dst.createFile(flat, DISK_SECTORS * 512, false);
    } catch (NoSpaceException ex) {
      bus.publish(new VmxEvent.SvmotionFinished(e.vm(), false, "vim.fault.NoDiskSpace: " + ex.getMessage(),
          src.id(), List.of()));
      return;
    }
    DeviceName dev = DeviceName.svmMirror(src.file(flat).orElseThrow().handle(), dstFlat.handle());
    bus.publish(new KernelEvent.SvmDeviceCreated(WORLD, dev, src.file(flat).orElseThrow().handle(),
        dstFlat.handle()));
    bus.publish(new VmxEvent.DiskCopyStarted(e.vm(), "scsi0:0", dstFlat.fullPath()));
    CopyJobId job = new CopyJobId(1);
    bus.publish(new KernelEvent.CopyJobCreated(WORLD, job, src.file(flat).orElseThrow().handle(),
        dstFlat.handle(), DISK_SECTORS));
    bus.publish(new KernelEvent.CopyPassStarted(WORLD, job, 1, DISK_SECTORS, DISK_SECTORS / CHUNKS,
        DataMover.FS3DM));
    for (int i = 0; i < CHUNKS; i++) {
      long lba = i * (DISK_SECTORS / CHUNKS);
      bus.schedule(VirtualTime.seconds(i + 1), new KernelEvent.ChunkCopied(job, 1, lba, DISK_SECTORS / CHUNKS));
    }
    long end = VirtualTime.seconds(CHUNKS + 1);
    bus.schedule(end, new VmxEvent.VmStunned(e.vm()));
    bus.schedule(end + VirtualTime.millis(200), new VmxEvent.VmUnstunned(e.vm(), 188405));
    VmxEvent.SvmotionFinished done = failWith == null
        ? new VmxEvent.SvmotionFinished(e.vm(), true, "", e.destination(), List.of(desc, flat))
        : new VmxEvent.SvmotionFinished(e.vm(), false, failWith, src.id(), List.of());
    bus.schedule(end + VirtualTime.millis(300), done);
  }
}
