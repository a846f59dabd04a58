package org.svmsim.kernel.redo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.svmsim.kernel.copy.snapshot.SnapshotCopy;
import org.svmsim.kernel.copy.snapshot.SnapshotPolicy;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ExtentStore;
import org.svmsim.kernel.storage.SectorContent;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.kernel.vmfs.VmfsFile;
import org.svmsim.kernel.vmfs.VmfsVolume;

/**
 * Snapshots of disks for snapshot-based copies: each redo log is a sparse file pair on the source's
 * datastore, {@code <disk>-00000N.vmdk} and {@code <disk>-00000N-delta.vmdk}, beside the disk. svmsim does
 * not yet charge a redo log's growth to the datastore's free space (a modelled gap: a full datastore under
 * a redo log is a later issue's fault).
 */
public final class RedoLogs {
  private final Bus bus;

  public RedoLogs(Bus bus) {
    this.bus = bus;
  }

  /**
   * Takes a snapshot of {@code sourceFile} (descriptor {@code descriptorPath}) for a copy into {@code
   * destinationFile}: the source becomes read-only under its first redo log.
   */
  public SnapshotDisk take(WorldId world, VmfsVolume source, VmfsFile sourceFile, String descriptorPath,
      VmfsVolume destination, VmfsFile destinationFile, SnapshotPolicy policy) {
    String stem = descriptorPath.replaceFirst("\\.vmdk$", "");
    List<String> files = new ArrayList<>();
    BlockStore sourceStore = source.content(sourceFile.path());
    SnapshotCopy copy = new SnapshotCopy(sourceStore, destination.content(destinationFile.path()), policy,
        capacity -> {
          int n = files.size() / 2 + 1;
          String name = stem + String.format(Locale.ROOT, "-%06d", n);
          try {
            source.createFile(name + ".vmdk", 512, false);
            VmfsFile delta = source.createFile(name + "-delta.vmdk", capacity * BlockStore.SECTOR, true);
            files.add(name + ".vmdk");
            files.add(delta.path());
            bus.publish(new KernelEvent.RedoLogCreated(world, source.id(), delta.path(), delta.handle(), n));
          } catch (NoSpaceException e) {
            throw new IllegalStateException("a redo log's descriptor did not fit on " + source.id(), e);
          }
          return new ExtentStore(capacity, SectorContent.ZERO);
        });
    return new SnapshotDisk(bus, copy, source.service().openStream(stem + " chain"),
        destination.service().openStream(stem + " chain"), files);
  }
}
