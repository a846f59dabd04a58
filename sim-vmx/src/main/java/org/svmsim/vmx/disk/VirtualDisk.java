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
  private final WriteAudit audit;
  private final long initialTag;
  private VmfsFile flat;
  private String fileName;
  private DiskPath path;
  private BlockStore content;
  private String longContentId;
  private boolean writtenSinceOpen;
  private boolean throughMirror;

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
    this.fileName = descriptor;
    this.flat = flat;
    this.path = path;
    this.content = path.store();
    this.writtenSinceOpen = false;
    this.throughMirror = mirrorNode != null;
    bus.publish(new VmxEvent.DiskOpened(vm, scsi, descriptor, mirrorNode != null ? mirrorNode : descriptor,
        mirrorNode != null, config.capacitySectors(), CREATE_TYPE_VMFS, config.thin() ? 0 : 1, 1,
        ContentId.cid(longContentId), flat.fullPath(), flat.handle()));
  }

  public void close() {
    bus.publish(new VmxEvent.DiskClosed(vm, scsi, fileName, flat.fullPath(), throughMirror));
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
