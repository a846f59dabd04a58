package org.svmsim.kernel.svm;

import java.util.List;
import org.svmsim.kernel.copy.CopyPlan;
import org.svmsim.kernel.copy.mirror.MirrorPass;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.io.DiskPath;
import org.svmsim.kernel.io.GuestIo;
import org.svmsim.kernel.io.IoRoute;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.vmfs.VmfsVolume;

/**
 * /vmfs/devices/svm/primary-secondary-svmmirror: the mirror driver on one disk. Guest I/O and the copy
 * job's chunks go through {@link MirrorPass} (the write rules) and pay the datastores' queues (the
 * timing). A mirrored write completes when both of its writes have.
 */
public final class SvmMirrorDevice implements DiskPath {
  private final Bus bus;
  private final DeviceName name;
  private final String path;
  private final WorldId owner;
  private final VmfsVolume sourceVolume;
  private final VmfsVolume destinationVolume;
  private final MirrorPass pass;
  private boolean copyPlanned;
  private long reads;
  private long readBytes;
  private long writes;
  private long writeBytes;

  SvmMirrorDevice(Bus bus, DeviceName name, String path, WorldId owner, VmfsVolume sourceVolume,
      BlockStore source, VmfsVolume destinationVolume, BlockStore destination) {
    this.bus = bus;
    this.name = name;
    this.path = path;
    this.owner = owner;
    this.sourceVolume = sourceVolume;
    this.destinationVolume = destinationVolume;
    this.pass = new MirrorPass(source, destination);
  }

  public DeviceName name() {
    return name;
  }

  public WorldId owner() {
    return owner;
  }

  /** /vmfs/devices/svm/name, the mirror node the VMX opens. */
  public String path() {
    return path;
  }

  @Override
  public BlockStore store() {
    return pass.source();
  }

  /** The mirror's one copy pass, for the kernel's copy job: each landed chunk releases the writes it held. */
  public CopyPlan copyPlan() {
    if (copyPlanned) {
      throw new IllegalStateException(name + ": the mirror copies in exactly one pass");
    }
    copyPlanned = true;
    return new CopyPlan() {
      @Override
      public long sectors() {
        return pass.regions().capacity();
      }

      @Override
      public BlockStore.Slice next(long maxSectors) {
        return pass.beginChunkSlice(maxSectors);
      }

      @Override
      public void landed(BlockStore.Slice chunk) {
        for (MirrorPass.Applied a : pass.finishChunk()) {
          complete(a);
        }
      }

      @Override
      public void abandon() {
        abandonCopy();
      }
    };
  }

  /** Stops the copy for good: held writes complete on the source alone, which stays complete. */
  public void abandonCopy() {
    for (MirrorPass.Applied a : pass.abandon()) {
      complete(a);
    }
  }

  @Override
  public void submit(GuestIo io) {
    if (!io.write()) {
      reads++;
      readBytes += io.bytes();
      long now = bus.now();
      long done = sourceVolume.queue().submit(now, io.bytes());
      bus.scheduleAt(done, new KernelEvent.GuestIoCompleted(io.vm(), io.disk(), io.id(), false, io.lba(),
          io.sectors(), io.tag(), IoRoute.SOURCE_ONLY, false, done - now));
      return;
    }
    writes++;
    writeBytes += io.bytes();
    MirrorPass.Applied a = pass.write(new MirrorPass.GuestWrite(io.id(), io.lba(), io.sectors(),
        io.tag(), io, bus.now()));
    if (a != null) {
      complete(a);
    }
  }

  /** Schedules the acknowledgement of an applied write: when its source write, and mirror write if any, end. */
  private void complete(MirrorPass.Applied a) {
    MirrorPass.GuestWrite w = a.write();
    GuestIo io = (GuestIo) w.owner();
    long now = bus.now();
    long bytes = w.sectors() * BlockStore.SECTOR;
    long done = sourceVolume.queue().submit(now, bytes);
    if (a.route().mirroredSectors() > 0) {
      done = Math.max(done,
          destinationVolume.queue().submit(now, a.route().mirroredSectors() * BlockStore.SECTOR));
    }
    bus.scheduleAt(done, new KernelEvent.GuestIoCompleted(io.vm(), io.disk(), w.id(), true, w.lba(), w.sectors(),
        w.tag(), IoRoute.of(a.route().kind()), a.wasHeld(), done - w.issuedAt()));
  }

  /** Writes that went to the destination as well as the source, in bytes (their mirrored parts). */
  public long mirroredBytes() {
    return pass.stats().mirroredSectors() * BlockStore.SECTOR;
  }

  KernelEvent.SvmMirrorStats stats() {
    var s = pass.stats();
    return new KernelEvent.SvmMirrorStats(owner, name, reads, readBytes, writes, writeBytes,
        s.sourceOnly(), s.mirrored(), s.split(), s.held(), s.copiedSectors() * BlockStore.SECTOR,
        s.mirroredSectors() * BlockStore.SECTOR);
  }
}
