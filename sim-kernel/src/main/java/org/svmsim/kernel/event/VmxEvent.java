package org.svmsim.kernel.event;

import java.util.List;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.id.MigrationId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Event;

/** What a VMX process does and is asked to do; vmware.log is rendered from these facts. */
public sealed interface VmxEvent extends Event {

  /** hostd asks for the VM's VMX to start (power on); {@code shadow} for the fail-safe shadow VM. */
  record StartVmx(VmId vm, DatastoreId home, boolean shadow) implements VmxEvent {}

  /** hostd asks the VMX to power the VM off. */
  record StopVmx(VmId vm) implements VmxEvent {}

  /** vpxa asks the running VMX to move the VM's disks to {@code destination}. */
  record StartSvmotion(VmId vm, Method method, DatastoreId destination, MigrationId migrationId, String opId,
      MigrationOptions options) implements VmxEvent {}

  /** vpxa asks the VMX to give up the Storage vMotion under way: the user cancelled the task. */
  record CancelSvmotion(VmId vm, String opId) implements VmxEvent {}

  /**
   * AIOMgr could not open a destination disk file because another host holds its VMFS lock: try
   * {@code attempt} (from 0) failed; another follows about 300 ms later (DOMAIN.md section 9).
   */
  record DiskOpenLocked(VmId vm, String extent, int attempt) implements VmxEvent {}

  /** The open of a destination disk failed for good: the lock was never released. */
  record DiskOpenFailed(VmId vm, String descriptor, String extent, String reason) implements VmxEvent {}

  /** The VMX process is up: the first lines of vmware.log. */
  record VmxStarted(VmId vm, DatastoreId home, int pid, WorldId world, String vmxPath, String uuid,
      int vcpus, long memoryBytes, String guestOs, boolean shadow) implements VmxEvent {}

  /** The guest is running. */
  record GuestRunning(VmId vm) implements VmxEvent {}

  /**
   * DiskLib opened a disk for a virtual SCSI device: {@code node} is the path actually opened (the vmdk,
   * or /vmfs/devices/svm/... for a mirror node); {@code flatFile} and {@code handle} are the VMFS file
   * that holds the data and its handle. {@code deltaFile} is the redo log's delta extent the guest writes
   * to when the disk is a snapshot's chain (null otherwise), {@code deltaBytes} that file's size.
   */
  record DiskOpened(VmId vm, String scsi, String fileName, String node, boolean mirrorNode,
      long capacitySectors, int createType, int allocationType, int numLinks, String cid, String flatFile,
      DiskHandle handle, String deltaFile, long deltaBytes) implements VmxEvent {
    public DiskOpened(VmId vm, String scsi, String fileName, String node, boolean mirrorNode,
        long capacitySectors, int createType, int allocationType, int numLinks, String cid, String flatFile,
        DiskHandle handle) {
      this(vm, scsi, fileName, node, mirrorNode, capacitySectors, createType, allocationType, numLinks, cid,
          flatFile, handle, null, 0);
    }
  }

  /**
   * DiskLib closed a disk; {@code mirrorNode} says it had been opened through a mirror node; {@code
   * deltaFile} is the redo log's delta it had open too (null when none).
   */
  record DiskClosed(VmId vm, String scsi, String fileName, String flatFile, boolean mirrorNode,
      String deltaFile) implements VmxEvent {
    public DiskClosed(VmId vm, String scsi, String fileName, String flatFile, boolean mirrorNode) {
      this(vm, scsi, fileName, flatFile, mirrorNode, null);
    }
  }

  /**
   * The guest issues an I/O (the VMX's own timer: the next I/O of the workload is due) to its disk number
   * {@code disk} (scsi0:disk).
   */
  record GuestIoIssued(VmId vm, int disk, long ioId, boolean write, long lba, long sectors, long tag)
      implements VmxEvent {}

  /** The first write after the disk was opened (HBACommon). */
  record FirstWrite(VmId vm, String scsi, String fileName) implements VmxEvent {}

  /** The disk database changed the disk's content id, as it does on the first write after an open. */
  record ContentIdChanged(VmId vm, String scsi, String longContentId, String previous)
      implements VmxEvent {}

  /** The SVMotion state machine entered a phase; phase 8 is the disk copy (the mirrored one in mirror mode). */
  record SvmotionPhaseEntered(VmId vm, int phase, String name) implements VmxEvent {}

  /** Worker thread started the copy of one disk. */
  record DiskCopyStarted(VmId vm, String scsi, String destinationPath) implements VmxEvent {}

  /** The disk copy of one disk finished. */
  record DiskCopyFinished(VmId vm, String scsi, String destinationPath, long bytes, long elapsedNanos)
      implements VmxEvent {}

  /** What a method does after a copy pass or consolidation round. */
  enum NextStep {
    /** Another pass (or round) while the guest runs. */
    PASS,
    /** Converged: stun, then the last pass while stunned. */
    FINAL,
    /** Did not converge, and the scenario says force: stun and copy what is left anyway. */
    FORCED_FINAL,
    /** Did not converge: the migration fails; the VM stays on the source. */
    FAIL,
    /** The stunned pass is done: the destination holds the disk. */
    DONE
  }

  /** DiskLib opened the change-tracking node of a disk for a DBT copy. */
  record ChangeTrackingOpened(VmId vm, String scsi, String node, long blockBytes) implements VmxEvent {}

  /** DiskLib shut change tracking down on a disk ({@code fid} is the tracked file's id). */
  record ChangeTrackingClosed(VmId vm, String scsi, long fid) implements VmxEvent {}

  /** The VMX took a snapshot of a disk for a snapshot-based copy: {@code redoLog} now takes its writes. */
  record SnapshotTaken(VmId vm, String scsi, String name, int uid, String redoLog) implements VmxEvent {}

  /** The disk's redo logs were re-parented onto the copy of their parent on the destination. */
  record RedoLogReparented(VmId vm, String scsi, String parent) implements VmxEvent {}

  /**
   * A copy pass (DBT) or consolidation round (snapshot) of one disk ended: it copied {@code copiedBytes};
   * {@code pendingBytes} is what the guest dirtied (DBT) or wrote to the newest redo log (snapshot)
   * meanwhile, what the next pass must copy.
   */
  record CopyPassEnded(VmId vm, String scsi, Method method, int pass, boolean stunned, long copiedBytes,
      long pendingBytes, NextStep next) implements VmxEvent {}

  /** vcpus stopped for the switchover. */
  record VmStunned(VmId vm) implements VmxEvent {}

  /** Destination compared with source, block for block, while stunned. */
  record ConsistencyChecked(VmId vm, String scsi, boolean consistent, long firstDifference)
      implements VmxEvent {}

  /** Fast suspend/resume moved the running VM onto the shadow VM. */
  record FastSuspendResumed(VmId vm, DatastoreId home, long checkpointBytes) implements VmxEvent {}

  /** vcpus run again; {@code stoppedMicros} is the downtime the guest saw. */
  record VmUnstunned(VmId vm, long stoppedMicros) implements VmxEvent {}

  /** The Storage vMotion ended; the VM runs from {@code home}. */
  record SvmotionFinished(VmId vm, boolean success, String reason, DatastoreId home,
      List<String> sourceFiles) implements VmxEvent {}

  /** The VMX process exited. */
  record VmxStopped(VmId vm, String reason) implements VmxEvent {}

  /** hostd, started again, asks the VM's VMX how it is (ESXi: hostd reconnects to each VMX's VMDB). */
  record QueryVmx(VmId vm) implements VmxEvent {}

  /**
   * The VMX's answer to {@link QueryVmx}: whether it runs, whether a migration is under way, and the last
   * migration's end ({@code ended}; then {@code success}, {@code reason}, {@code home}, {@code sourceFiles}
   * as {@link SvmotionFinished} gave them), which the VMX keeps for hostd until the next one starts.
   * {@code guestRunning}: the power-on is over (the VMX's execState is poweredOn), which a hostd that was
   * down when it happened learns here.
   */
  record VmxReported(VmId vm, boolean running, boolean migrating, boolean ended, boolean success, String reason,
      DatastoreId home, List<String> sourceFiles, boolean guestRunning) implements VmxEvent {}

  /**
   * At the host's boot after a crash, the redo logs of a snapshot-based migration that had not committed
   * were consolidated into the base disk ({@code descriptor}): {@code files} redo-log files, removed.
   */
  record RedoLogsConsolidated(VmId vm, String scsi, String descriptor, int files) implements VmxEvent {}
}
