package org.svmsim.vmx.disk;

import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.io.DiskPath;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.vmx.config.DiskConfig;
import org.svmsim.vmx.guest.WriteAudit;

/**
 * One virtual SCSI disk of a VMX: the file DiskLib has open, the path its I/O takes, the disk database's
 * content ids (a new {@code longContentID} on the first write after each open), and the audit of what
 * the guest was told.
 */
public final class VirtualDisk {
  /** createType 11 is a VMFS flat disk, allocationType 1 thick (0 thin), as DumpDiskInfo prints them. */
  private static final int CREATE_TYPE_VMFS = 11;

  private final Bus bus;
  private final SimRandom random;
  private final VmId vm;
  private final String scsi;
  private final DiskConfig config;
  private WriteAudit audit;
  private final long initialTag;
  private VmfsFile flat;
  private String fileName;
  private DiskPath path;
  private BlockStore content;
  private String longContentId;
  private boolean writtenSinceOpen;
  private boolean throughMirror;
  private String delta;
  /** Each write in flight, with what its sectors held before it: undone if the host loses power. */
  private final java.util.TreeMap<Long, Pending> unacknowledged = new java.util.TreeMap<>();
  /**
   * False in a run that plans no host crash: nothing can then undo a write, so no before-image is kept
   * (each was a read of the disk's runs per guest write, ~9 % of a long run's time).
   */
  private boolean keepsBeforeImages = true;

  private record Pending(BlockStore store, long lba, long sectors, long[] before) {}

  public VirtualDisk(Bus bus, SimRandom random, VmId vm, String scsi, DiskConfig config, long initialTag) {
    this.bus = bus;
    this.random = random;
    this.vm = vm;
    this.scsi = scsi;
    this.config = config;
    this.audit = new WriteAudit(config.capacitySectors(), initialTag);
    this.initialTag = initialTag;
    this.longContentId = ContentId.longContentId(random);
  }

  /** DiskLib opens {@code descriptor} (backed by {@code flat}); I/O then takes {@code path}. */
  public void open(String descriptor, VmfsFile flat, DiskPath path, String mirrorNode) {
    open(descriptor, flat, path, mirrorNode, null, 0);
  }

  /**
   * DiskLib opens a snapshot's chain: {@code descriptor} is the child's, {@code delta} its delta extent
   * (of {@code deltaBytes}), above {@code flat}; I/O takes {@code path}.
   */
  public void open(String descriptor, VmfsFile flat, DiskPath path, String mirrorNode, String delta,
      long deltaBytes) {
    this.fileName = descriptor;
    this.delta = delta;
    this.flat = flat;
    this.path = path;
    this.content = path.store();
    this.writtenSinceOpen = false;
    this.throughMirror = mirrorNode != null;
    bus.publish(new VmxEvent.DiskOpened(vm, scsi, descriptor, mirrorNode != null ? mirrorNode : descriptor,
        mirrorNode != null, config.capacitySectors(), CREATE_TYPE_VMFS, config.thin() ? 0 : 1,
        delta == null ? 1 : 2, ContentId.cid(longContentId), flat.fullPath(), flat.handle(), delta, deltaBytes));
  }

  public void close() {
    bus.publish(new VmxEvent.DiskClosed(vm, scsi, fileName, flat.fullPath(), throughMirror, delta));
    path = null;
  }

  /** Called as a write is issued: the first one after an open changes the content id. */
  public void beforeWrite() {
    if (!writtenSinceOpen) {
      writtenSinceOpen = true;
      bus.publish(new VmxEvent.FirstWrite(vm, scsi, fileName));
      String previous = longContentId;
      longContentId = ContentId.longContentId(random);
      bus.publish(new VmxEvent.ContentIdChanged(vm, scsi, longContentId, previous));
    }
  }

  /**
   * A write goes to the disk now: its sectors' content before it is kept until it is acknowledged. svmsim
   * models a write as durable only once acknowledged (the array's volatile cache, the kernel's queues):
   * on a power loss, what was not acknowledged is gone ({@link #loseUnacknowledged}).
   */
  public void writeIssued(long lba, long sectors, long tag) {
    if (!keepsBeforeImages) {
      return;
    }
    BlockStore store = path.store();
    unacknowledged.put(tag, new Pending(store, lba, sectors, store.read(lba, sectors).runs()));
  }

  /** The write completed (acknowledged, or failed back to the guest): it is no longer in flight. */
  public void writeCompleted(long tag) {
    unacknowledged.remove(tag);
  }

  /**
   * The host lost power: every write not acknowledged is undone, newest first, in the sectors that still
   * hold it (a newer acknowledged write over it stays). Writes that went into a redo-log chain, which
   * cannot be written from outside, wait for the chain's consolidation ({@link #loseUnacknowledgedInto}).
   */
  public void loseUnacknowledged() {
    requireBeforeImages();
    for (var it = unacknowledged.descendingMap().entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (e.getValue().store().writable()) {
        undo(e.getKey(), e.getValue(), e.getValue().store());
        it.remove();
      }
    }
  }

  /** The chain was consolidated into {@code base}: the writes it held unacknowledged are undone there. */
  public void loseUnacknowledgedInto(BlockStore base) {
    requireBeforeImages();
    for (var e : unacknowledged.descendingMap().entrySet()) {
      undo(e.getKey(), e.getValue(), base);
    }
    unacknowledged.clear();
  }

  /**
   * The run plans no host crash ({@link org.svmsim.vmx.Vmx#powerNeverFails}): this disk keeps no
   * before-image of its writes in flight. Call before the first write.
   */
  public void keepNoBeforeImages() {
    keepsBeforeImages = false;
  }

  private void requireBeforeImages() {
    if (!keepsBeforeImages) {
      throw new IllegalStateException(vm + " " + scsi + ": the host lost power in a run that planned no"
          + " host crash, so no before-image of the writes in flight was kept");
    }
  }

  private static void undo(long tag, Pending p, BlockStore target) {
    long[] now = target.read(p.lba(), p.sectors()).runs();
    for (int i = 0; i < now.length; i += 3) {
      if (now[i + 2] != tag) {
        continue;
      }
      for (int j = 0; j < p.before().length; j += 3) {
        long from = Math.max(now[i], p.before()[j]);
        long to = Math.min(now[i + 1], p.before()[j + 1]);
        if (from < to) {
          target.write(from, to - from, p.before()[j + 2]);
        }
      }
    }
  }

  /**
   * This disk is {@code crashed}'s after the host booted again: the record of what the guest was told
   * (the test's oracle, independent of the disk) goes on.
   */
  public void carryOver(VirtualDisk crashed) {
    audit = crashed.audit;
    // Until the VM is started again, its content is what the crashed disk held.
    content = crashed.content;
  }

  public String scsi() {
    return scsi;
  }

  public DiskConfig config() {
    return config;
  }

  /**
   * The content the guest sees through the disk last opened, still there once it is closed: a flat file,
   * or a redo-log chain. The audit of acknowledged writes reads it.
   */
  public BlockStore content() {
    return content;
  }

  public DiskPath path() {
    return path;
  }

  public VmfsFile flat() {
    return flat;
  }

  public String fileName() {
    return fileName;
  }

  /** The tag of the content the disk holds before the guest writes (negative: older than any write). */
  public long initialTag() {
    return initialTag;
  }

  public WriteAudit audit() {
    return audit;
  }
}
