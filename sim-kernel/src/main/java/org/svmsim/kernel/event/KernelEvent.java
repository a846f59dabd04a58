package org.svmsim.kernel.event;

import org.svmsim.kernel.copy.mover.DataMover;
import org.svmsim.kernel.fault.Fault;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.id.MigrationId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.io.IoRoute;
import org.svmsim.kernel.sim.Event;

/** What the vmkernel does and is asked to do; vmkernel.log is rendered from these facts. */
public sealed interface KernelEvent extends Event {

  /** A VMFS volume is mounted under /vmfs/volumes/uuid. */
  record VolumeMounted(DatastoreId datastore, String name, long blockSizeBytes, long capacityBytes,
      long freeBytes) implements KernelEvent {}

  /** A file was created on a volume; {@code allocatedBytes} is what it took from the free space now. */
  record FileCreated(DatastoreId datastore, String path, DiskHandle handle, long sizeBytes,
      long allocatedBytes) implements KernelEvent {}

  /** A file was removed and its space returned. */
  record FileDeleted(DatastoreId datastore, String path, DiskHandle handle, long freedBytes)
      implements KernelEvent {}

  /** A world opened a device; {@code mode} is an {@link org.svmsim.kernel.device.OpenMode} name. */
  record DeviceOpened(WorldId world, DeviceName device, String mode) implements KernelEvent {}

  record DeviceClosed(WorldId world, DeviceName device) implements KernelEvent {}

  /** The periodic filesystem rescan is due (the kernel's own timer). */
  record RescanDue() implements KernelEvent {}

  /** Vol3 could not open a device to probe it for a VMFS volume (Vol3: 2675). */
  record ProbeOpenFailed(WorldId world, DeviceName device, String status) implements KernelEvent {}

  /** Vol3 could not open a device as a volume (Vol3: 1072). */
  record VolumeOpenFailed(WorldId world, DeviceName device, String status) implements KernelEvent {}

  /** No filesystem driver claimed a probed device (FSS: 5327). */
  record NoFsDriverClaimed(WorldId world, DeviceName device) implements KernelEvent {}

  /** SVM_MakeDev created the mirror device /vmfs/devices/svm/name (SVM: 5139 and 5188). */
  record SvmDeviceCreated(WorldId world, DeviceName device, DiskHandle primary, DiskHandle secondary)
      implements KernelEvent {}

  /** The mirror driver's I/O statistics, logged at teardown (SVM: 2428 and the figures after it). */
  record SvmMirrorStats(WorldId world, DeviceName device, long reads, long readBytes, long writes,
      long writeBytes, long sourceOnlyWrites, long mirroredWrites, long splitWrites, long heldWrites,
      long copiedBytes, long mirroredBytes) implements KernelEvent {}

  /** The mirror device is gone (SVM: 2450). */
  record SvmDeviceDestroyed(WorldId world, DeviceName device) implements KernelEvent {}

  /**
   * A copy job for one disk: {@code source} is the handle of the source disk file, {@code destination} that
   * of its copy; every later fact of the copy names the job.
   */
  record CopyJobCreated(WorldId world, CopyJobId job, DiskHandle source, DiskHandle destination,
      long sectors) implements KernelEvent {}

  /**
   * Change tracking started on a source disk for a DBT copy: the node /vmfs/devices/cbt/{@code device},
   * its bitmap's block size and what the bitmaps take in memory ({@code Mem.MemCBTBitmapMaxAlloc}).
   */
  record ChangeTrackingStarted(WorldId world, DeviceName device, DiskHandle disk, long blockBytes,
      long bitmapBytes) implements KernelEvent {}

  /** Change tracking stopped; the node is gone. */
  record ChangeTrackingStopped(WorldId world, DeviceName device) implements KernelEvent {}

  /** A redo log was created on a datastore for a snapshot: its delta file, and its number in the chain. */
  record RedoLogCreated(WorldId world, DatastoreId datastore, String path, DiskHandle handle, int number)
      implements KernelEvent {}

  /** The data mover chosen for a copy job, and why (DOMAIN.md section 5). */
  record DataMoverSelected(CopyJobId job, DataMover mover, String reason) implements KernelEvent {}

  /** Pass {@code pass} (from 1) of a copy job started; it will copy {@code sectors} sectors. */
  record CopyPassStarted(WorldId world, CopyJobId job, int pass, long sectors, long chunkSectors,
      DataMover mover) implements KernelEvent {}

  /** A chunk of a pass reached the destination. */
  record ChunkCopied(CopyJobId job, int pass, long lba, long sectors) implements KernelEvent {}

  /** A pass is over: every sector it was to copy is on the destination. */
  record CopyPassCompleted(WorldId world, CopyJobId job, int pass, long bytesCopied, long elapsedNanos)
      implements KernelEvent {}

  /** The kernel's timer: a switchover's {@code fsr.maxSwitchoverSeconds} are up. */
  record SwitchoverDeadline(MigrationId migrationId) implements KernelEvent {}

  /** A switchover ran past its limit and is failed; the VM should resume on the source (FSR: 690). */
  record SwitchoverTimedOut(WorldId world, MigrationId migrationId, long maxSeconds) implements KernelEvent {}

  /**
   * A copy pass stopped before the end: {@code status} is the vmkernel status word
   * ({@link org.svmsim.kernel.vmfs.NoSpaceException#STATUS} for a full destination), {@code reason} the
   * detail. The source is untouched.
   */
  record CopyFailed(WorldId world, CopyJobId job, int pass, long copiedSectors, String status,
      String reason) implements KernelEvent {}

  /**
   * A chunk's {@code io} ("read" of the source, "write" of the destination) completed with {@code status}
   * instead of its data: attempt {@code attempt} failed; {@code retrying} says the mover tries again.
   */
  record CopyChunkFailed(WorldId world, CopyJobId job, int pass, long lba, long sectors, String io,
      String status, int attempt, boolean retrying) implements KernelEvent {}

  /**
   * A guest I/O completed and is acknowledged to the guest; {@code disk} is the VMX's disk index, passed
   * through. {@code route} is the path it took; {@code waited} says a write first waited for the chunk
   * under copy.
   */
  record GuestIoCompleted(VmId vm, int disk, long ioId, boolean write, long lba, long sectors, long tag,
      IoRoute route, boolean waited, long latencyNanos) implements KernelEvent {}

  /**
   * A guest I/O completed with an error {@code status} (a vmkernel status text) instead of succeeding: the
   * guest is told it failed, and a failed write is not acknowledged (its sectors may hold its content,
   * as a real disk's may).
   */
  record GuestIoFailed(VmId vm, int disk, long ioId, boolean write, long lba, long sectors, long tag,
      String status) implements KernelEvent {}

  /**
   * A mirrored write's destination half failed with {@code status}: the mirror can no longer keep the
   * destination in step, so the mirror has failed (the write itself completes on the source).
   */
  record SvmMirrorWriteFailed(WorldId world, DeviceName device, long lba, long sectors, String status)
      implements KernelEvent {}

  /**
   * The kernel's watch on a datastore's device latency: the mean latency of the last window moved from
   * {@code fromMicros} to {@code toMicros}, a deterioration or, after one, an improvement.
   */
  record DeviceLatencyChanged(String datastore, boolean deteriorated, long fromMicros, long toMicros)
      implements KernelEvent {}

  /** The run's fault plan strikes: {@code fault} happens now ({@link org.svmsim.kernel.fault.FaultPlan}). */
  record FaultInjected(Fault fault) implements KernelEvent {}

  /**
   * The host booted again after losing power {@code poweredOffNanos} earlier: a new kernel, no process of
   * the old one; its volumes are mounted again (the {@link VolumeMounted} facts that follow).
   */
  record HostBooted(long poweredOffNanos) implements KernelEvent {}
}
