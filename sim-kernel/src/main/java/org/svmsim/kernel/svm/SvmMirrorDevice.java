package org.svmsim.kernel.svm;

import java.util.function.Consumer;
import org.svmsim.kernel.copy.CopyPlan;
import org.svmsim.kernel.copy.mirror.MirrorPass;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.io.DiskPath;
import org.svmsim.kernel.io.GuestAck;
import org.svmsim.kernel.io.GuestIo;
import org.svmsim.kernel.io.IoRoute;
import org.svmsim.kernel.perf.IoStatus;
import org.svmsim.kernel.perf.IoStream;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.vmfs.VmfsVolume;

/**
 * /vmfs/devices/svm/primary-secondary-svmmirror: the mirror driver on one disk. Guest I/O and the copy
 * job's chunks go through {@link MirrorPass} (the write rules); the guest's I/O then goes to the
 * datastores' shared services on the device's own streams (the timing). A mirrored write completes when
 * both of its writes have.
 */
public final class SvmMirrorDevice implements DiskPath {
  private final Bus bus;
  private final DeviceName name;
  private final String path;
  private final WorldId owner;
  private final IoStream guestSource;
  private final IoStream guestDestination;
  private final MirrorPass pass;
  /** Every write's completion handle: applied now or when its chunk lands, it goes to the datastores. */
  private final Consumer<MirrorPass.Applied> onApplied = this::complete;
  private boolean copyPlanned;
  /** A mirrored write's destination half failed: the mirror no longer keeps the destination in step. */
  private boolean failed;
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
    this.guestSource = sourceVolume.service().openStream(name + " guest");
    this.guestDestination = destinationVolume.service().openStream(name + " guest");
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
        pass.finishChunk(); // each held write completes through its handle, onApplied
      }

      @Override
      public void abandon() {
        abandonCopy();
      }
    };
  }

  /** Stops the copy for good: held writes complete on the source alone, which stays complete. */
  public void abandonCopy() {
    pass.abandon();
  }

  @Override
  public void submit(GuestIo io) {
    if (!io.write()) {
      reads++;
      readBytes += io.bytes();
      guestSource.read(io.bytes(), new GuestAck(bus, io, IoRoute.SOURCE_ONLY, false, bus.now(), 1), 0);
      return;
    }
    writes++;
    writeBytes += io.bytes();
    try {
      pass.write(new MirrorPass.GuestWrite(io.id(), io.lba(), io.sectors(), io.tag(), io, bus.now()),
          onApplied);
    } catch (RuntimeException e) {
      new GuestAck(bus, io, IoRoute.SOURCE_ONLY, false, bus.now(), 1).failNow(IoStatus.of(e));
    }
  }

  /**
   * Sends an applied write to the datastores: to the source, and its mirrored part to the destination at
   * the same time; the guest is acknowledged when both have completed.
   */
  private void complete(MirrorPass.Applied a) {
    MirrorPass.GuestWrite w = a.write();
    GuestIo io = (GuestIo) w.owner();
    long mirrored = a.route().mirroredSectors();
    GuestAck ack = new GuestAck(bus, io, IoRoute.of(a.route().kind()), a.wasHeld(), w.issuedAt(),
        mirrored > 0 ? 2 : 1);
    guestSource.write(w.sectors() * BlockStore.SECTOR, ack, 0);
    if (mirrored > 0) {
      ack.secondary(status -> secondaryFailed(w, status));
      guestDestination.write(mirrored * BlockStore.SECTOR, ack, GuestAck.SECONDARY);
    }
  }

  /**
   * The destination half of a mirrored write failed: the destination now lacks a write the source has, so
   * the mirror has failed (once; the VMX then gives the migration up). The write completes from the source.
   */
  private void secondaryFailed(MirrorPass.GuestWrite w, IoStatus status) {
    if (!failed) {
      failed = true;
      bus.publish(new KernelEvent.SvmMirrorWriteFailed(owner, name, w.lba(), w.sectors(), status.text()));
    }
  }

  /** Whether a mirrored write's destination half has failed. */
  public boolean failed() {
    return failed;
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
