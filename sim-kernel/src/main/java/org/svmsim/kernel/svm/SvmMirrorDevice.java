package org.svmsim.kernel.svm;

import java.util.List;
import org.svmsim.kernel.copy.mirror.MirrorPass;
import org.svmsim.kernel.copy.mover.DataMover;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.io.DiskPath;
import org.svmsim.kernel.io.GuestIo;
import org.svmsim.kernel.io.IoRoute;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.kernel.vmfs.VmfsVolume;

/**
 * /vmfs/devices/svm/primary-secondary-svmmirror: the mirror driver on one disk. Guest I/O and the data
 * mover's chunks go through {@link MirrorPass} (the write rules) and pay the datastores' queues (the
 * timing). A mirrored write completes when both of its writes have.
 */
public final class SvmMirrorDevice implements DiskPath {
  private final Bus bus;
  private final DeviceName name;
  private final String path;
  private final WorldId owner;
  private final VmfsVolume sourceVolume;
  private final VmfsVolume destinationVolume;
  private final VmfsFile destinationFile;
  private final MirrorPass pass;
  private DataMover mover;
  private long chunkSectors;
  private long copyStartedAt = -1;
  private long chunkStartedAt;
  private boolean copying;
  private long reads;
  private long readBytes;
  private long writes;
  private long writeBytes;

  SvmMirrorDevice(Bus bus, DeviceName name, String path, WorldId owner, VmfsVolume sourceVolume, BlockStore source,
      VmfsVolume destinationVolume, VmfsFile destinationFile, BlockStore destination) {
    this.bus = bus;
    this.name = name;
    this.path = path;
    this.owner = owner;
    this.sourceVolume = sourceVolume;
    this.destinationVolume = destinationVolume;
    this.destinationFile = destinationFile;
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

  public MirrorPass pass() {
    return pass;
  }

  public boolean copying() {
    return copying;
  }

  @Override
  public BlockStore store() {
    return pass.source();
  }

  /** Starts the one copy pass with {@code mover}, {@code chunkSectors} at a time. */
  void startCopy(DataMover mover, long chunkSectors) {
    if (copyStartedAt >= 0) {
      throw new IllegalStateException(name + ": the copy pass already ran");
    }
    this.mover = mover;
    this.chunkSectors = chunkSectors;
    this.copyStartedAt = bus.now();
    this.copying = true;
    bus.publish(new KernelEvent.DiskCopyStarted(owner, name, pass.regions().capacity(), chunkSectors,
        mover.id()));
    nextChunk();
  }

  private void nextChunk() {
    long len = pass.beginChunk(chunkSectors);
    if (len == 0) {
      copying = false;
      bus.publish(new KernelEvent.DiskCopyCompleted(owner, name,
          pass.stats().copiedSectors() * BlockStore.SECTOR, bus.now() - copyStartedAt));
      return;
    }
    long lba = pass.regions().chunkStart();
    long bytes = len * BlockStore.SECTOR;
    chunkStartedAt = bus.now();
    long done = mover.copy(chunkStartedAt, sourceVolume.queue(), destinationVolume.queue(), bytes);
    bus.scheduleAt(done, new KernelEvent.ChunkCopied(name, lba, len));
  }

  /** The chunk in flight reached the destination: release the writes it held, copy the next one. */
  void onChunkCopied(KernelEvent.ChunkCopied e) {
    if (!copying) {
      return;
    }
    if (destinationFile.thin()) {
      try {
        destinationVolume.allocate(destinationFile.path(), e.sectors() * BlockStore.SECTOR);
      } catch (NoSpaceException ex) {
        copying = false;
        bus.publish(new KernelEvent.DiskCopyFailed(owner, name, pass.regions().copiedUpTo(),
            NoSpaceException.STATUS, ex.getMessage()));
        return;
      }
    }
    List<MirrorPass.Applied> released = pass.finishChunk();
    for (MirrorPass.Applied a : released) {
      complete(a);
    }
    nextChunk();
  }

  /** Stops the copy for good: held writes complete on the source alone, which stays complete. */
  public void abandonCopy() {
    copying = false;
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

  KernelEvent.SvmMirrorStats stats() {
    var s = pass.stats();
    return new KernelEvent.SvmMirrorStats(owner, name, reads, readBytes, writes, writeBytes,
        s.sourceOnly(), s.mirrored(), s.split(), s.held(), s.copiedSectors() * BlockStore.SECTOR);
  }
}
