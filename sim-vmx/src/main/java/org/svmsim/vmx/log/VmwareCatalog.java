package org.svmsim.vmx.log;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.svmsim.kernel.log.MessageTemplate;

/**
 * Every vmware.log message svmsim writes, as (thread, text): the thread is the one svmsim logs the
 * message from (the disk lines move to vcpu-0 when the VMX reopens a disk through a mirror node). Texts
 * come from the seed and real ESXi 5.x-7.0 logs where known; the others say which they are.
 */
public enum VmwareCatalog {
  LOG_START(Threads.VMX, "Log for VMware ESX pid={} version={} build=build-{} option=Release"),
  PROCESS_64_BIT(Threads.VMX, "The process is 64-bit."),
  HOST_CODEPAGE(Threads.VMX, "Host codepage=UTF-8 encoding=UTF-8"),
  HOST_VERSION(Threads.VMX, "Host is VMkernel version {}"),
  HOSTNAME(Threads.VMX, "Hostname={}"),
  LOG_FILE(Threads.VMX, "Log file: {}"),
  DICT_CONFIGURATION(Threads.VMX, "DICT --- CONFIGURATION {}"),
  /** The key is right-aligned in 25 columns, as the VMX prints it; recognise() keeps the padding. */
  DICT_ENTRY(Threads.VMX, "DICT {} = \"{}\""),
  // svmsim's wording: what the shadow VMX of the fail-safe destination logs is not public.
  SHADOW_STARTED(Threads.VMX, "Migrate: Shadow VM started in fail-safe mode for Storage vMotion, pid={}."),
  SHADOW_IDLE(Threads.VMX, "Migrate: Shadow VM {} idles until the switchover."),
  EXEC_STATE_REQUESTED(Threads.VMX, "VMXVmdbCbVmVmxExecState: Exec state change requested to state {}"
      + " without a reset, soft, softOptionTimeout: 0."),
  EXEC_STATE_TRANSITIONED(Threads.VMX, "Transitioned vmx/execState/val to {}"),
  DISKLIB_VMFS_OPENED(Threads.VMX, "DISKLIB-VMFS  : \"{}\" : open successful (10) size = {}, hd = {}. Type 3"),
  DISKLIB_LINK_OPENED(Threads.VMX, "DISKLIB-LINK  : Opened '{}' (0xa): vmfs, {} sectors / {}."),
  DISKLIB_LIB_OPENED(Threads.VMX, "DISKLIB-LIB   : Opened \"{}\" (flags 0xa, type vmfs)."),
  DISK_OPEN(Threads.VMX, "DISK: OPEN {} '{}' persistent R[]"),
  MIRROR_NODE_OPENING(Threads.VCPU0, "DISKLIB-LIB_MISC : Opening mirror node {}"),
  VIRTUAL_DEV_CREATING(Threads.VMX, "Creating virtual dev for {}"),
  DISK_INFO(Threads.VMX, "DumpDiskInfo: {} createType={}, capacity = {}, numLinks = {}, allocationType = {}"),
  FS_BACKEND(Threads.VMX, "SCSIDiskESXPopulateVDevDesc: Using FS backend"),
  GEOMETRY(Threads.VMX, "DISKUTIL: {} : geometry={}/{}/{}"),
  DISK_CLOSING(Threads.VMX, "Closing disk {}"),
  DISKLIB_VMFS_CLOSED(Threads.VMX, "DISKLIB-VMFS  : \"{}\" : closed."),
  FIRST_WRITE(Threads.VCPU0, "HBACommon: First write on {}.fileName='{}'"),
  CONTENT_ID_CHANGED(Threads.VCPU0, "DDB: \"longContentID\" = \"{}\" (was \"{}\")"),
  CID_UPDATED(Threads.VCPU0, "DISKLIB-CHAIN : DiskChainUpdateContentID: oldCID = {}, newCID = {} ({})"),
  PHASE_ENTERED(Threads.WORKER0, "SVMotion: Enter Phase {}"),
  // Change tracking for a DBT copy: real DiskLib lines (real-lines/vmware_snapshot-consolidation-and-faults.log).
  CBT_OPENING(Threads.VCPU0, "DISKLIB-CBT : Opening cbt node {}"),
  CBT_SHUTTING_DOWN(Threads.VCPU0, "DISKLIB-CBT : Shutting down change tracking for untracked fid {}."),
  CBT_DISCONNECTED(Threads.VCPU0, "DISKLIB-CBT : Successfully disconnected CBT node."),
  // svmsim's wording: ESX 4.x's own lines for each DBT pass are not public.
  DBT_PASS_ENDED(Threads.WORKER0,
      "SVMotion: Dirty block copy pass {} of {} copied {} bytes{}; {} bytes dirty; next: {}."),
  COPY_STARTED(Threads.WORKER0, "Disk/File copy started for {}."),
  COPY_COMPLETED(Threads.WORKER0, "Disk/File copy completed for {}: {} bytes in {} s."),
  STUNNING(Threads.VCPU0, "Checkpoint_Stun: Stunning the VM for the Storage vMotion switchover."),
  // svmsim's own check of the destination against the source while stunned; ESXi logs no such line.
  DESTINATION_CONSISTENT(Threads.WORKER0, "SVMotion: Destination {} matches source block for block."),
  DESTINATION_DIFFERS(Threads.WORKER0, "SVMotion: Destination {} differs from source at sector {}."),
  FAST_SUSPEND_RESUMED(Threads.VMX,
      "Migrate: Fast suspend/resume to {} completed ({} bytes of checkpoint state)."),
  UNSTUNNED(Threads.VCPU0, "Checkpoint_Unstun: vm stopped for {} us"),
  SVMOTION_SUCCEEDED(Threads.VMX, "SVMotion: Migration succeeded."),
  SVMOTION_FAILED(Threads.VMX, "SVMotion: Migration failed: {}."),
  STOPPING_VCPUS(Threads.VMX, "Stopping VCPU threads..."),
  VMX_EXIT(Threads.VMX, "VMX exit ({}).");

  /** The VMX threads svmsim logs from. */
  public static final class Threads {
    public static final String VMX = "vmx";
    public static final String VCPU0 = "vcpu-0";
    public static final String WORKER0 = "Worker#0";

    private Threads() {}
  }

  /** A vmware.log line the catalog knows; {@code level} is {@code I120} or, in 7.0U2+ logs, {@code In(05)}. */
  public record Recognised(Instant timestamp, String thread, String level, VmwareCatalog entry,
      List<String> args) {}

  private static final String TS = "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z)";
  /** ESXi 5.1-7.0: {@code <ts>| <thread>| I120: <message>}. */
  private static final Pattern OLD = Pattern.compile("^" + TS + "\\| ([^|]+)\\| ([A-Z]\\d{3}): (.*)$");
  /** ESXi 7.0U2 and later: {@code <ts> In(05) <thread> - <message>}. */
  private static final Pattern NEW =
      Pattern.compile("^" + TS + " ((?:In|Wa|No|Er|Db|Cr)\\(\\d{2}\\)) (\\S+) - (.*)$");

  private final String thread;
  private final MessageTemplate template;

  VmwareCatalog(String thread, String text) {
    this.thread = thread;
    this.template = new MessageTemplate(text);
  }

  public String thread() {
    return thread;
  }

  public MessageTemplate template() {
    return template;
  }

  /** A whole line in the ESXi 5.1-7.0 format, logged from {@code thread}. */
  public String line(String timestamp, String thread, Object... args) {
    return timestamp + "| " + thread + "| I120: " + template.render(args);
  }

  /** Reads a whole vmware.log line of either format; the thread is the line's, not the entry's. */
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
    String message = m.group(4);
    for (VmwareCatalog entry : values()) {
      Optional<List<String>> args = entry.template.match(message);
      if (args.isPresent()) {
        return Optional.of(new Recognised(Instant.parse(m.group(1)), thread, level, entry, args.get()));
      }
    }
    return Optional.empty();
  }
}
