package org.svmsim.vmx.svmotion;

import org.svmsim.kernel.Vmkernel;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.storage.SectorContent;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.kernel.vmfs.VmfsVolume;
import org.svmsim.vmx.VmFiles;
import org.svmsim.vmx.VmxProcess;
import org.svmsim.vmx.disk.VirtualDisk;

/**
 * One disk's move, what every method shares: its source file, its destination disk, its kernel copy job,
 * and the way back to the migration for the method's {@link DiskCopy}.
 */
public final class DiskMove {
  private final Migration migration;
  private final VirtualDisk disk;
  private final VmfsFile sourceFlat;
  private VmfsFile destinationFlat;
  private CopyJobId job;
  DiskCopy copy;
  boolean converged;
  boolean finalCopied;
  boolean stunnedCopyStarted;
  long copyStartedAt;
  long bytesCopied;

  DiskMove(Migration migration, VirtualDisk disk) {
    this.migration = migration;
    this.disk = disk;
    this.sourceFlat = source().file(VmFiles.flat(vm(), disk.config())).orElseThrow();
  }

  /** Phase 3: the destination's descriptor and an empty flat file of the same size. */
  void createDestination() throws NoSpaceException {
    var cfg = disk.config();
    VmfsVolume destination = destination();
    if (destination.file(VmFiles.descriptor(vm(), cfg)).isEmpty()) {
      destination.createFile(VmFiles.descriptor(vm(), cfg), VmFiles.DESCRIPTOR_BYTES, false);
    }
    destinationFlat = destination.createDisk(VmFiles.flat(vm(), cfg), cfg.capacitySectors(), cfg.thin(),
        cfg.destinationHandle(), SectorContent.ZERO);
  }

  /** Phase 8: the kernel's copy job for this disk. */
  void createJob() {
    job = kernel().copies().create(vmx().config().world(), source(), sourceFlat, copy.sourceView(),
        destination(), destinationFlat, options());
  }

  /** The VM runs from the destination now: its disk reopens there, with no filter. */
  void openOnDestination() {
    disk.open(destinationDescriptorPath(), destinationFlat, destination().openDisk(destinationFlat.path()),
        null);
  }

  /** The disk reopens straight on its source file, which is complete. */
  public void openOnSource() {
    disk.open(sourceDescriptorPath(), sourceFlat, source().openDisk(sourceFlat.path()), null);
  }

  /** The method's copy reached the point where the VM may be stunned for the switchover. */
  public void converged() {
    converged = true;
    bus().publish(new VmxEvent.DiskCopyFinished(vm(), disk.scsi(), destinationDescriptorPath(), bytesCopied,
        bus().now() - copyStartedAt));
    migration.converged();
  }

  /** The stunned copy is done: the destination must now equal the source. */
  public void finalCopyDone() {
    finalCopied = true;
    migration.finalCopyDone();
  }

  /** Gives the migration up; {@code faultType} is the vSphere fault the agents report. */
  public void fail(String faultType, String message) {
    migration.fail(faultType, message);
  }

  public Bus bus() {
    return migration.bus();
  }

  public Vmkernel kernel() {
    return migration.kernel();
  }

  public VmxProcess vmx() {
    return migration.vmx();
  }

  public VmId vm() {
    return vmx().config().name();
  }

  public VirtualDisk disk() {
    return disk;
  }

  public MigrationOptions options() {
    return migration.request().options();
  }

  public VmfsVolume source() {
    return migration.sourceVolume();
  }

  public VmfsVolume destination() {
    return migration.destinationVolume();
  }

  public VmfsFile sourceFlat() {
    return sourceFlat;
  }

  public VmfsFile destinationFlat() {
    return destinationFlat;
  }

  /** The copy job; null before phase 8. */
  public CopyJobId job() {
    return job;
  }

  /** The disk's descriptor, relative to its volume ({@code W1_2/W1_2.vmdk}). */
  public String sourceDescriptorRelative() {
    return VmFiles.descriptor(vm(), disk.config());
  }

  public String sourceDescriptorPath() {
    return source().id().resolve(VmFiles.descriptor(vm(), disk.config()));
  }

  public String destinationDescriptorPath() {
    return destination().id().resolve(VmFiles.descriptor(vm(), disk.config()));
  }
}
