package org.svmsim.kernel.svm;

import java.util.List;
import org.svmsim.kernel.copy.mirror.MirrorPass;
import org.svmsim.kernel.copy.mover.DataMover;
import org.svmsim.kernel.copy.mover.RangeCopy;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.io.DiskPath;
import org.svmsim.kernel.io.GuestAck;
import org.svmsim.kernel.io.GuestIo;
import org.svmsim.kernel.io.IoRoute;
import org.svmsim.kernel.perf.IoStream;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.kernel.vmfs.VmfsVolume;

/**
 * /vmfs/devices/svm/primary-secondary-svmmirror: the mirror driver on one disk. Guest I/O and the data
 * mover's chunks go through {@link MirrorPass} (the write rules) and through the datastores' shared
 * services (the timing): the guest's I/O on its own streams, each chunk a {@link RangeCopy} on the copy's
 * streams. A mirrored write completes when both of its writes have.
 */
public final class SvmMirrorDevice implements DiskPath, RangeCopy.Done {
  private final Bus bus;
  private final DeviceName name;
  private final String path;
  private final WorldId owner;
  private final VmfsVolume destinationVolume;
  private final VmfsFile destinationFile;
  private final MirrorPass pass;
  private final IoStream guestSource;
  private final IoStream guestDestination;
  private final IoStream copySource;
  private final IoStream copyDestination;
  private RangeCopy chunk;
  private DataMover mover;
  private long chunkSectors;
  private long copyStartedAt = -1;
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
    this.destinationVolume = destinationVolume;
    this.destinationFile = destinationFile;
    this.pass = new MirrorPass(source, destination);
    this.guestSource = sourceVolume.service().openStream(name + " guest");
    this.guestDestination = destinationVolume.service().openStream(name + " guest");
    this.copySource = sourceVolume.service().openStream(name + " copy");
    this.copyDestination = destinationVolume.service().openStream(name + " copy");
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
    chunk = RangeCopy.start(bus, mover, copySource, copyDestination, len * BlockStore.SECTOR, this,
        pass.regions().chunkStart());
  }

  @Override
  public void rangeCopied(long lba, long atNanos, RangeCopy.Status status) {
    if (status == RangeCopy.Status.COPIED && copying) {
      bus.publish(new KernelEvent.ChunkCopied(name, lba, pass.regions().chunkEnd() - lba));
    }
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
    if (chunk != null) {
      chunk.cancel();
    }
    for (MirrorPass.Applied a : pass.abandon()) {
      complete(a);
    }
  }

  @Override
  public void submit(GuestIo io) {
    if (!io.write()) {
      reads++;
      readBytes += io.bytes();
      guestSource.submit(io.bytes(), new GuestAck(bus, io, IoRoute.SOURCE_ONLY, false, bus.now(), 1), 0);
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
    guestSource.submit(w.sectors() * BlockStore.SECTOR, ack, 0);
    if (mirrored > 0) {
      guestDestination.submit(mirrored * BlockStore.SECTOR, ack, 0);
    }
  }

  KernelEvent.SvmMirrorStats stats() {
    var s = pass.stats();
    return new KernelEvent.SvmMirrorStats(owner, name, reads, readBytes, writes, writeBytes,
        s.sourceOnly(), s.mirrored(), s.split(), s.held(), s.copiedSectors() * BlockStore.SECTOR);
  }
}
