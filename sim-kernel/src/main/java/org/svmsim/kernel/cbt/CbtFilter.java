package org.svmsim.kernel.cbt;

import org.svmsim.kernel.copy.CopyPlan;
import org.svmsim.kernel.copy.dbt.DbtCopy;
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
 * /vmfs/devices/cbt/&lt;handle&gt;-cbt: change tracking on one source disk for a dirty-block-tracking copy
 * (DOMAIN.md sections 3 and 9). Guest I/O goes to the source; a write also marks its blocks in the
 * change bitmap ({@code copy/dbt}, clock-free) and pays for that update. Each copy pass is a {@link
 * CopyPlan} over the blocks the bitmap says are due.
 */
public final class CbtFilter implements DiskPath {
  /**
   * What one write pays for the tracking filter and its bitmap update, besides the disk write: the
   * filter's path and a word operation on an in-memory bitmap. A guess (no public figure), small next to
   * a datastore's millisecond, as it should be.
   */
  static final long BITMAP_UPDATE_NANOS = 2_000;

  private final Bus bus;
  private final DeviceName name;
  private final String path;
  private final WorldId owner;
  private final IoStream guest;
  private final DbtCopy copy;

  CbtFilter(Bus bus, DeviceName name, String path, WorldId owner, VmfsVolume sourceVolume, DbtCopy copy) {
    this.bus = bus;
    this.name = name;
    this.path = path;
    this.owner = owner;
    this.guest = sourceVolume.service().openStream(name.toString());
    this.copy = copy;
  }

  public DeviceName name() {
    return name;
  }

  /** /vmfs/devices/cbt/name, the node DiskLib opens. */
  public String path() {
    return path;
  }

  public WorldId owner() {
    return owner;
  }

  @Override
  public BlockStore store() {
    return copy.source();
  }

  /** A read goes to the source; a write marks the bitmap first (that update is what it pays), then goes. */
  @Override
  public void submit(GuestIo io) {
    GuestAck ack = new GuestAck(bus, io, IoRoute.DIRECT, false, bus.now(), 1);
    if (!io.write()) {
      guest.read(io.bytes(), ack, 0);
      return;
    }
    try {
      copy.write(io.lba(), io.sectors(), io.tag());
    } catch (RuntimeException e) {
      ack.failNow(IoStatus.of(e));
      return;
    }
    bus.wakeAt(bus.now() + BITMAP_UPDATE_NANOS, () -> guest.write(io.bytes(), ack, 0));
  }

  /** The pass under way, for the copy job: the blocks due, a run of them at a time. */
  public CopyPlan passPlan() {
    return CopyPlan.of(copy.passRemainingSectors(),
        max -> copy.beginChunk(max) > 0 ? copy.inFlightChunk() : null, copy::finishChunk, copy::abandon);
  }

  /** The pass's set is copied: what the guest dirtied meanwhile, and what comes next. */
  public DbtCopy.PassEnd endPass() {
    return copy.endPass();
  }

  /** The VM is stunned: the next pass is the last, over every block still due. */
  public void beginFinalPass() {
    copy.beginFinalPass();
  }

  /** Stops the copy for good; the source holds every write. */
  public void abandon() {
    copy.abandon();
  }

  public long blockBytes() {
    return copy.policy().blockSectors() * BlockStore.SECTOR;
  }
}
