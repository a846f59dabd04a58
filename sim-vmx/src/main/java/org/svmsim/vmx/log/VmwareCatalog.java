package org.svmsim.vmx.log;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.svmsim.kernel.log.CatalogEntry;
import org.svmsim.kernel.log.MessageIndex;
import org.svmsim.kernel.log.MessageTemplate;
import org.svmsim.kernel.log.Provenance;

/**
 * Every vmware.log message family svmsim writes or recognises, as (thread, level, text): the thread is
 * the one svmsim logs the message from (the disk lines move to vcpu-0 when the VMX reopens a disk
 * through a mirror node). {@code REAL} entries cite the file of ../shared/real-lines they come from.
 */
public enum VmwareCatalog implements CatalogEntry {
  // The VMX's start. svmsim's: the sources show no vmware.log header.
  LOG_START(Provenance.SVMSIM, Threads.VMX, "Log for VMware ESX pid={} version={} build=build-{} option=Release"),
  PROCESS_64_BIT(Provenance.SVMSIM, Threads.VMX, "The process is 64-bit."),
  HOST_CODEPAGE(Provenance.SVMSIM, Threads.VMX, "Host codepage=UTF-8 encoding=UTF-8"),
  HOST_VERSION(Provenance.SVMSIM, Threads.VMX, "Host is VMkernel version {}"),
  HOSTNAME(Provenance.SVMSIM, Threads.VMX, "Hostname={}"),
  LOG_FILE(Provenance.SVMSIM, Threads.VMX, "Log file: {}"),
  DICT_CONFIGURATION(Provenance.SVMSIM, Threads.VMX, "DICT --- CONFIGURATION {}"),
  /** The key is right-aligned in 25 columns, as the VMX prints it; recognition drops the padding. */
  DICT_ENTRY(Provenance.SVMSIM, Threads.VMX, "DICT {} = \"{}\""),
  // svmsim's wording: what the shadow VMX of the fail-safe destination logs is not public.
  SHADOW_STARTED(Provenance.SVMSIM, Threads.VMX,
      "Migrate: Shadow VM started in fail-safe mode for Storage vMotion, pid={}."),
  SHADOW_IDLE(Provenance.SVMSIM, Threads.VMX, "Migrate: Shadow VM {} idles until the switchover."),
  EXEC_STATE_REQUESTED(Provenance.SVMSIM, Threads.VMX, "VMXVmdbCbVmVmxExecState: Exec state change requested"
      + " to state {} without a reset, soft, softOptionTimeout: 0."),
  EXEC_STATE_TRANSITIONED(Provenance.SVMSIM, Threads.VMX, "Transitioned vmx/execState/val to {}"),
  // real-lines/vmware_virtuallyhyper-esxi50-consolidation-unstun.log (open, close of a VMFS extent).
  DISKLIB_VMFS_OPENED(Provenance.REAL, Threads.VMX,
      "DISKLIB-VMFS  : \"{}\" : open successful ({}) size = {}, hd = {}. Type {}"),
  DISKLIB_LINK_OPENED(Provenance.SVMSIM, Threads.VMX, "DISKLIB-LINK  : Opened '{}' (0xa): vmfs, {} sectors / {}."),
  DISKLIB_LIB_OPENED(Provenance.SVMSIM, Threads.VMX, "DISKLIB-LIB   : Opened \"{}\" (flags 0xa, type vmfs)."),
  DISK_OPEN(Provenance.SVMSIM, Threads.VMX, "DISK: OPEN {} '{}' persistent R[]"),
  // The seed's reopen burst (real-lines/vmware_cosysn-hexo-blog.log), three spaces before the colon.
  MIRROR_NODE_OPENING(Provenance.REAL, Threads.VCPU0, "DISKLIB-LIB_MISC   : Opening mirror node {}"),
  VIRTUAL_DEV_CREATING(Provenance.REAL, Threads.VMX, "Creating virtual dev for {}"),
  DISK_INFO(Provenance.REAL, Threads.VMX,
      "DumpDiskInfo: {} createType={}, capacity = {}, numLinks = {}, allocationType = {}"),
  FS_BACKEND(Provenance.REAL, Threads.VMX, "SCSIDiskESXPopulateVDevDesc: Using FS backend"),
  GEOMETRY(Provenance.REAL, Threads.VMX, "DISKUTIL: {} : geometry={}/{}/{}"),
  VMXNET3_DRIVER_INFO(Provenance.REAL, Threads.VCPU0, "VMXNET3 user: {} Driver Info: version = {} gosBits = {}"
      + " gosType = {}, gosVer = {}, gosMisc = {}"),
  DISK_CLOSING(Provenance.SVMSIM, Threads.VMX, "Closing disk {}"),
  DISKLIB_VMFS_CLOSED(Provenance.REAL, Threads.VMX, "DISKLIB-VMFS  : \"{}\" : closed."),
  FIRST_WRITE(Provenance.REAL, Threads.VCPU0, "HBACommon: First write on {}.fileName='{}'"),
  CONTENT_ID_CHANGED(Provenance.REAL, Threads.VCPU0, "DDB: \"longContentID\" = \"{}\" (was \"{}\")"),
  CID_UPDATED(Provenance.SVMSIM, Threads.VCPU0,
      "DISKLIB-CHAIN : DiskChainUpdateContentID: oldCID = {}, newCID = {} ({})"),
  // Phase 8 and the copy start are the seed's; svmsim numbers the other phases (Phase.java).
  PHASE_ENTERED(Provenance.REAL, Threads.WORKER0, "SVMotion: Enter Phase {}"),
  COPY_STARTED(Provenance.REAL, Threads.WORKER0, "Disk/File copy started for {}."),
  COPY_COMPLETED(Provenance.SVMSIM, Threads.WORKER0, "Disk/File copy completed for {}: {} bytes in {} s."),
  // The migration state machine: MigrateSetInfo is named by issue 7 (shape of public vmware.logs, not in
  // real-lines); the state and wrap-up lines are real-lines/vmware_kb320352_vmotion-maxswitchover.log.
  MIGRATE_SET_INFO(Provenance.REAL, Threads.VMX,
      "MigrateSetInfo: state={} srcIp=<{}> dstIp=<{}> mid={} uuid={} priority={}"),
  SET_STATE(Provenance.REAL, Threads.VMX, "MigrateSetState: Transitioning from state {} to {}."),
  SET_STATE_FINISHED(Provenance.REAL, Threads.VMX, "MigrateSetStateFinished: type={} new state={}"),
  WRITE_HOST_LOG(Provenance.REAL, Threads.VMX, "MigrateWriteHostLog: Writing to log file took {} us."),
  REMOTE_LOG(Provenance.REAL, Threads.WORKER0, "Migrate: Remote Log: {}"),
  CONFIGDB_SETTING(Provenance.REAL, Level.NO, Threads.VMX, "ConfigDB: Setting {} = \"{}\""),
  FAILURE_LOG_SWITCHING(Provenance.REAL, Threads.VMX, "Migrate_SetFailureMsgList: switching to new log file."),
  FAILURE_LOG_SWITCHED(Provenance.REAL, Threads.VMX, "Migrate_SetFailureMsgList: Now in new log file."),
  CACHING_ERRORS(Provenance.REAL, Threads.VMX, "Migrate: Caching migration error message list:"),
  MSG_MAX_SWITCHOVER(Provenance.REAL, Threads.VMX, "[msg.checkpoint.migration.maxSwitchoverTimeExceeded] The"
      + " migration has exceeded the maximum switchover time of {} second(s). ESX has preemptively failed the"
      + " migration to allow the VM to continue running on the source. To avoid this failure, either increase"
      + " the maximum allowable switchover time or wait until the VM is performing a less intensive workload."),
  CONTINUE_ON_SOURCE(Provenance.REAL, Threads.VMX, "Migrate: Attempting to continue running on the source."),
  // real-lines/vmware_snapshot-consolidation-and-faults.log, KB 308477.
  SET_FAILURE(Provenance.REAL, Threads.VMX, "Migrate_SetFailure: {}"),
  CLEANING_UP(Provenance.REAL, Threads.VMX, "Migrate: cleaning up migration state."),
  MSG_POST(Provenance.REAL, Threads.VMX, "Msg_Post: {}"),
  /** A message of the VMX's message list ({@code [msg.x.y] text}); svmsim's keys are marked where used. */
  MSG_ENTRY(Provenance.REAL, Threads.VMX, "[{}] {}"),
  MSG_SEPARATOR(Provenance.REAL, Threads.VCPU0, "----------------------------------------"),
  CLEANUP_WAITING(Provenance.REAL, Threads.WORKER0, "SVMotionCleanupThread: Waiting for SVMotion Bitmap thread"),
  EMPTY(Provenance.REAL, Threads.VMX, ""),
  // Compute vMotion's destination (real-lines/vmware_kb436882_vmotion-stun.log, vmware_kb320352...).
  MIGRATE_OPEN_RESTORING(Provenance.REAL, Threads.VMX, "Migrate_Open: Restoring from <{}> with migration id {}"),
  VMIOP_LOG(Provenance.REAL, Threads.VMX, "vmiop_log: {}"),
  HOST_MANIFESTS_DONE(Provenance.REAL, Threads.WORKER0, "GetHostManifests: Done extracting the manifest file."),
  TOOLS_MIN_VERSION(Provenance.REAL, Threads.WORKER0, "Using ToolsMinVersion = {}"),
  // The stun for the switchover, named by issue 7 as the real wording of the VMX's Migrate module.
  STUN_STARTING(Provenance.REAL, Threads.VMX,
      "Migrate: VM starting stun, waiting {} seconds for go/no-go message."),
  STUNNED(Provenance.REAL, Threads.VCPU0, "Migrate: VM successfully stunned"),
  // svmsim's own check of the destination against the source while stunned; ESXi logs no such line.
  DESTINATION_CONSISTENT(Provenance.SVMSIM, Threads.WORKER0, "SVMotion: Destination {} matches source block for block."),
  DESTINATION_DIFFERS(Provenance.SVMSIM, Threads.WORKER0, "SVMotion: Destination {} differs from source at sector {}."),
  FAST_SUSPEND_RESUMED(Provenance.SVMSIM, Threads.VMX,
      "Migrate: Fast suspend/resume to {} completed ({} bytes of checkpoint state)."),
  // The checkpoint (CPT) lines around an unstun: real-lines/vmware_virtuallyhyper-esxi50-consolidation-unstun.log
  // and, for the ESXi 8 "stunned for", vmware_snapshot-consolidation-and-faults.log (KB 417644).
  CPT_REQUESTING(Provenance.REAL, Threads.VCPU0, "CPT current = {}, requesting {}"),
  UNSTUNNED(Provenance.REAL, Threads.VCPU0, "Checkpoint_Unstun: vm stopped for {} us"),
  MON_MODULES_SYNCED(Provenance.REAL, Threads.VCPU0, "Done Sync monModules({})."),
  CPT_MONITOR_ACK(Provenance.REAL, Threads.VCPU0, "CPT: monitor ACKing mode {}"),
  CPT_STUNNED_FOR(Provenance.REAL, Threads.VCPU0, "CPT: vm was stunned for {} us"),
  SVMOTION_SUCCEEDED(Provenance.SVMSIM, Threads.VMX, "SVMotion: Migration succeeded."),
  STOPPING_VCPUS(Provenance.SVMSIM, Threads.VMX, "Stopping VCPU threads..."),
  VMX_LEFT(Provenance.REAL, Threads.VMX, "VMX has left the building: {}."),
  // Snapshots, consolidation, change tracking and lock failures
  // (real-lines/vmware_snapshot-consolidation-and-faults.log, vmware_virtuallyhyper-esxi50-...).
  MSG_QUESTION_REPLY(Provenance.REAL, Threads.VCPU0, "Msg_Question: {} reply={}"),
  MSG_QUESTION(Provenance.REAL, Threads.VCPU0, "Msg_Question:"),
  MSG_REDO_OUT_OF_SPACE(Provenance.REAL, Threads.VCPU0,
      "msg.hbacommon.outofspace There is no more space for the redo log of {}."),
  MSG_REDO_OUT_OF_SPACE_1(Provenance.REAL, Threads.VCPU0,
      "You may be able to continue this session by freeing disk space on"),
  MSG_REDO_OUT_OF_SPACE_2(Provenance.REAL, Threads.VCPU0, "the relevant partition, and clicking Retry. Otherwise,"),
  MSG_REDO_OUT_OF_SPACE_3(Provenance.REAL, Threads.VCPU0, "click Abort to terminate this session."),
  CONSOLIDATE_ITERATION(Provenance.REAL, Threads.VMX, "SnapshotVMXConsolidateOnlineCB: Another iteration is needed."),
  SNAPSHOT_PREPARED(Provenance.REAL, Threads.VMX, "SNAPSHOT: SnapshotPrepareTakeDoneCB: Prepare phase complete."),
  SNAPSHOT_TAKEN(Provenance.REAL, Threads.VCPU0, "SnapshotVMXTakeSnapshotComplete: Done with snapshot '{}': {}"),
  CONSOLIDATE_END(Provenance.REAL, Threads.VCPU0, "ConsolidateEnd: Snapshot consolidate complete: {}"),
  CBT_OPENING(Provenance.REAL, Threads.VCPU0, "DISKLIB-CBT : Opening cbt node {}"),
  CBT_CREATE_FAILED(Provenance.REAL, Threads.VCPU0, "DISKLIB-CBT : Creating cbt node {} failed with error {}"),
  CBT_SHUTTING_DOWN(Provenance.REAL, Threads.VCPU0, "DISKLIB-CBT : Shutting down change tracking for untracked fid {}."),
  CBT_DISCONNECTED(Provenance.REAL, Threads.VCPU0, "DISKLIB-CBT : Successfully disconnected CBT node."),
  // svmsim's wording: ESX 4.x's own lines for each dirty block pass are not public.
  DBT_PASS_ENDED(Provenance.SVMSIM, Threads.WORKER0,
      "SVMotion: Dirty block copy pass {} of {} copied {} bytes{}; {} bytes dirty; next: {}."),
  // svmsim's wording: ESX 3.5's own lines for a Storage vMotion's re-parenting and rounds are not public.
  REDO_REPARENTED(Provenance.SVMSIM, Threads.WORKER0, "SVMotion: Re-parented the redo logs of {} onto {}."),
  // svmsim's: the host's boot after a crash consolidates the redo logs of a migration that had not committed.
  REDO_CONSOLIDATED_AT_BOOT(Provenance.SVMSIM, Threads.VMX,
      "DISKLIB-LIB   : Consolidated {} redo-log files of {} into '{}' after the host's crash."),
  CONSOLIDATE_ROUND_ENDED(Provenance.SVMSIM, Threads.WORKER0,
      "SVMotion: Consolidation round {} of {} copied {} bytes{}; {} bytes in the newest redo log; next: {}."),
  CBT_RESUMING(Provenance.REAL, Threads.VCPU0, "DISKLIB-LIB : Resuming change tracking."),
  AIO_OPEN_FAILED(Provenance.REAL, Threads.VCPU0, "AIOGNRC: Failed to open '{}' : {}"),
  AIO_LOCKED(Provenance.REAL, Threads.VCPU0, "AIOMGR: AIOMgr_OpenWithRetry: Descriptor file '{}' locked (try {})"),
  DISKLIB_VMFS_OPEN_FAILED(Provenance.REAL, Threads.VCPU0, "DISKLIB-VMFS : \"{}\" : failed to open ({}): {}"),
  DISKLIB_LINK_OPEN_FAILED(Provenance.REAL, Threads.VCPU0, "DISKLIB-LINK : \"{}\" : failed to open ({})."),
  DISKLIB_CHAIN_OPEN_FAILED(Provenance.REAL, Threads.VCPU0, "DISKLIB-CHAIN : \"{}\" : failed to open ({})."),
  DISKLIB_LIB_OPEN_FAILED(Provenance.REAL, Threads.VCPU0, "DISKLIB-LIB : Failed to open '{}' with flags {} {}"),
  SNAPSHOT_OPEN_FAILED(Provenance.REAL, Threads.VCPU0, "SNAPSHOT:Failed to open disk {} : {}"),
  CONSOLIDATE_OPEN_FAILED(Provenance.REAL, Threads.VCPU0, "DISK: Failed to open disk for consolidate '{}' : {}");

  /** The VMX threads svmsim logs from. */
  public static final class Threads {
    public static final String VMX = "vmx";
    public static final String VCPU0 = "vcpu-0";
    /** The SVMotion worker: {@code Worker#0} before ESXi 7.0U2, {@code worker-<tid>} after. */
    public static final String WORKER0 = "Worker#0";

    private Threads() {}
  }

  /** The level of a line, as each layout prints it. */
  public enum Level {
    IN("In(05)", "I120", "I125"), WA("Wa(03)", "W110", "W115"), NO("No(00)", "A100", "A115");

    private final String tag;
    private final String esx60;
    private final String esx65;

    Level(String tag, String esx60, String esx65) {
      this.tag = tag;
      this.esx60 = esx60;
      this.esx65 = esx65;
    }

    /** {@code In(05)}, as ESXi 7.0U2 and later print it. */
    public String tag() {
      return tag;
    }

    /** {@code I120} up to ESXi 6.0, {@code I125} from 6.5. */
    public String code(boolean esx65) {
      return esx65 ? this.esx65 : esx60;
    }
  }

  /** A vmware.log line the catalog knows; {@code level} is {@code I120} or, in 7.0U2+ logs, {@code In(05)}. */
  public record Recognised(Instant timestamp, String thread, String level, VmwareCatalog entry,
      List<String> args) {}

  private static final String TS = "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z)";
  /** ESXi 5.0-7.0: {@code <ts>| <thread>| [I120: ]<message>}. */
  private static final Pattern OLD = Pattern.compile("^" + TS + "\\| ([^|]+)\\| (?:([A-Z]\\d{3}): )?(.*)$");
  /** ESXi 7.0U2 and later: {@code <ts> In(05) <thread> - <message>}. */
  private static final Pattern NEW =
      Pattern.compile("^" + TS + " ((?:In|Wa|No|Er|Db|Cr)\\(\\d{2}\\)) (\\S+) - (.*)$");
  private static final MessageIndex<VmwareCatalog> INDEX = new MessageIndex<>(Arrays.asList(values()));

  private final Provenance provenance;
  private final Level level;
  private final String thread;
  private final MessageTemplate template;

  VmwareCatalog(Provenance provenance, String thread, String text) {
    this(provenance, Level.IN, thread, text);
  }

  VmwareCatalog(Provenance provenance, Level level, String thread, String text) {
    this.provenance = provenance;
    this.level = level;
    this.thread = thread;
    this.template = new MessageTemplate(text);
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  public Level level() {
    return level;
  }

  public String thread() {
    return thread;
  }

  @Override
  public MessageTemplate template() {
    return template;
  }

  /** A whole line in the ESXi 5.1-6.0 layout, logged from {@code thread}. */
  public String line(String timestamp, String thread, Object... args) {
    return VmwareLayout.ESX51.line(timestamp, thread, level, template.render(args));
  }

  /** The entry whose text is {@code message} (normalised), or null. */
  public static VmwareCatalog find(String message) {
    return INDEX.find(message);
  }

  /** Reads a whole vmware.log line of the layouts svmsim writes; the thread is the line's. */
  public static Optional<Recognised> recognise(String line) {
    Matcher m = OLD.matcher(line);
    String thread;
    String level;
    if (m.matches()) {
      thread = m.group(2);
      level = m.group(3);
    } else {
      m = NEW.matcher(line);
      if (!m.matches()) {
        return Optional.empty();
      }
      level = m.group(2);
      thread = m.group(3);
    }
    String message = MessageTemplate.normalise(m.group(4));
    VmwareCatalog entry = find(message);
    return entry == null ? Optional.empty() : Optional.of(new Recognised(Instant.parse(m.group(1)), thread,
        level, entry, entry.template.args(message)));
  }
}
