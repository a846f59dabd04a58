package org.svmsim.kernel.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every vmkernel.log message family svmsim writes or recognises, as (module, source line number, text):
 * the line numbers are those of the build the real line was seen in. The same entries render svmsim's
 * lines and recognise real ones; recognition goes by module and text, never by line number, level or
 * spacing, which vary between builds and copies.
 */
public enum VmkernelCatalog implements CatalogEntry {
  // The seed's lines (real-lines/vmkernel_cosysn-hexo-blog.log).
  SVM_MAKE_DEV(Provenance.REAL, "SVM", 5139, "SVM_MakeDev.5139: Creating device {}: Success"),
  SVM_CREATED(Provenance.REAL, "SVM", 5188, "Created device {}, primary {}, secondary {}"),
  VOL3_PROBE_OPEN_FAILED(Provenance.REAL, "Vol3", 2675, "Could not open device '{}' for probing: {}"),
  VOL3_VOLUME_OPEN_FAILED(Provenance.REAL, "Vol3", 1072, "Could not open device '{}' for volume open: {}"),
  FSS_NO_FS_DRIVER(Provenance.REAL, "FSS", 5327, "No FS driver claimed device '{}': No filesystem on the device"),
  SVM_IO_STATS(Provenance.REAL, "SVM", 2428, "SVM Mirrored mode IO stats for device: {}"),
  /** The seed cut the lines with the figures, so this wording is svmsim's own. */
  SVM_IO_STATS_TOTALS(SVM_IO_STATS, Provenance.SVMSIM, "Reads: {} ({} bytes), Writes: {} ({} bytes)"),
  SVM_IO_STATS_WRITES(SVM_IO_STATS, Provenance.SVMSIM,
      "Mirrored writes: {}, split: {}, source only: {}, waited for copy: {}, copied: {} bytes"),
  SVM_DESTROYED(Provenance.REAL, "SVM", 2450, "Destroyed device {}"),
  // The switchover-timeout failure of KB 1010045 (real-lines/kb1010045_fsr-max-switchover.log); args start
  // with the migration id.
  FSR_SOURCE_SWITCHOVER_TIMEOUT(Provenance.REAL, Level.WARNING, "FSR", 690,
      "{} S: Maximum switchover time ({} seconds) reached. Failing migration; VM should resume on source."),
  FSR_DESTINATION_SWITCHOVER_TIMEOUT(Provenance.REAL, Level.WARNING, "FSR", 3281,
      "{} D: The migration exceeded the maximum switchover time of {} second(s). ESX has preemptively"
          + " failed the migration to allow the VM to continue running on the source host."),
  MIGRATE_SWITCHOVER_FAILED(Provenance.REAL, Level.WARNING, "Migrate", 296,
      "{} D: Failed: Maximum switchover time for migration exceeded({}) @0x{}"),
  // A Storage vMotion failure on ESXi 5.5 (real-lines/vmkernel_rssing-esxi55-svmotion-maxswitchover.log):
  // migration id, side (S or D), status text, status word, return address.
  MIGRATE_FAILED(Provenance.REAL, Level.WARNING, "Migrate", 269, "{} {}: Failed: {} ({}) @0x{}"),
  MIGRATE_VMX_FAILURE(Provenance.REAL, Level.WARNING, "Migrate", 5289, "{} {}: Migration considered a failure"
      + " by the VMX. It is most likely a timeout, but check the VMX log for the true error."),
  VMOTION_PRECOPY_END_FAILED(Provenance.REAL, Level.WARNING, "VMotion", 3680,
      "{} {}: failed to end preCopy stream: {}"),
  // Compute vMotion's pre-copy (real-lines/vmware_kb436882_vmotion-stun.log): Storage vMotion shares FSR.
  VMOTION_STOPPING_PRECOPY(Provenance.REAL, "VMotion", 4650, "{} {}: Stopping pre-copy: only {} pages left to"
      + " send, which can be sent within the switchover time goal of {} seconds (network bandwidth ~{} MB/s,"
      + " {}% t2d)"),
  VMOTIONSEND_SENT_ALL(Provenance.REAL, "VMotionSend", 4156,
      "{} {}: Sent all modified pages to destination (network bandwidth ~{}"),
  // Around a VM's start on ESXi 6.x (real-lines/vmkernel_pastebin-3ERZKU5F_esxi6-poweron.log).
  WORLD_OPID_MAPS(Provenance.REAL, "World", 14299, "VC opID {} maps to vmkernel opID {}"),
  WORLD_STARTING(Provenance.REAL, "World", 1465, "Starting world {} of type {}"),
  CONFIG_SET(Provenance.REAL, "Config", 346, "\"{}\" = {}, Old Value: {}, (Status: {})"),
  MEMSCHED_SWAP_EXTENDED(Provenance.REAL, "MemSched", 8313, "extended swap to {} pgs"),
  DLX_CHECKING_LIVENESS(Provenance.REAL, "DLX", 3733, "vol '{}', lock at {}: [Req mode {}] Checking liveness:"),
  DLX_NOT_FREE(Provenance.REAL, "DLX", 4262, "vol '{}', lock at {}: [Req mode: {}] Not free:"),
  DLX_LOCK_TYPE(DLX_CHECKING_LIVENESS, Provenance.REAL, "[type {} offset {} v {}, hb offset {}"),
  DLX_LOCK_OWNER(DLX_CHECKING_LIVENESS, Provenance.REAL, "gen {}, mode {}, owner {} mtime {}"),
  DLX_LOCK_COUNTS(DLX_CHECKING_LIVENESS, Provenance.REAL, "num {} gblnum {} gblgen {} gblbrk {}]"),
  // Change tracking out of memory, KB 2114076 (real-lines/vmware_snapshot-consolidation-and-faults.log).
  CBT_NO_MEMORY(Provenance.REAL, Level.WARNING, "CBT", 191, "No memory available! Called from 0x{}"),
  // The kernel's change-tracking filter device of a DBT copy (the node /vmfs/devices/cbt/<handle>-cbt). ESXi
  // 5.x-6.x field logs print it as "CBT: 1133: Created device 1f12db-cbt for cbt driver with filehandle
  // 2036443" and "CBT: 723: Disconnecting the cbt device 1f12db-cbt with filehandle 2036443"; no copy is in
  // DOMAIN.md or real-lines, so the wording is recalled, not cited: provenance svmsim. Args: device, the
  // source file's handle in decimal.
  CBT_DEVICE_CREATED(Provenance.SVMSIM, "CBT", 1133, "Created device {} for cbt driver with filehandle {}"),
  CBT_DEVICE_DISCONNECTED(Provenance.SVMSIM, "CBT", 723, "Disconnecting the cbt device {} with filehandle {}"),
  // An injected I/O error on a copy chunk (faults): svmsim's wording, no real line known. Args: job, io
  // (read or write), sectors, lba, status text, status word, attempt, attempts, what follows.
  FS3DM_CHUNK_FAILED(Provenance.SVMSIM, Level.WARNING, "FS3DM", 2319,
      "Copy job {}: {} of {} sectors at {} failed: {} ({}), attempt {} of {}; {}"),
  // A mirrored write whose destination half failed (faults): svmsim's wording, no real line known. Args:
  // sectors, lba, device, status text, status word.
  SVM_SECONDARY_WRITE_FAILED(Provenance.SVMSIM, Level.WARNING, "SVM", 2783,
      "Write of {} sectors at {} to the secondary of device {} failed: {} ({}); mirror failed"),
  // The kernel's device latency watch (dest-slow and any overloaded datastore). The wording follows the
  // ScsiDeviceIO latency messages as VMware's KBs describe them, but no line in DOMAIN.md or real-lines
  // shows it verbatim, so it is svmsim's. Args: device, average, now (microseconds).
  SCSI_LATENCY_DETERIORATED(Provenance.SVMSIM, Level.WARNING, "ScsiDeviceIO", 1218, "Device {} performance has"
      + " deteriorated. I/O latency increased from average value of {} microseconds to {} microseconds."),
  SCSI_LATENCY_IMPROVED(Provenance.SVMSIM, "ScsiDeviceIO", 1195,
      "Device {} performance has improved. I/O latency reduced from {} microseconds to {} microseconds."),
  // The host's boot after a power loss: real-lines shows no boot, so the wording is svmsim's.
  BOOT_STARTING(Provenance.SVMSIM, "Boot", 1, "VMware ESXi {} build-{}: booting after an unclean shutdown;"
      + " the host was without power for {} s"),
  BOOT_VOLUME_MOUNTED(Provenance.SVMSIM, "Vol3", 1, "Mounted VMFS volume {} ({}): stale locks of this host"
      + " released");

  /** What vmkernel prints before the module of a line. */
  public enum Level {
    LOG(""), WARNING("WARNING: "), ALERT("ALERT: ");

    private final String prefix;

    Level(String prefix) {
      this.prefix = prefix;
    }
  }

  /** A vmkernel.log line the catalog knows; {@code opId} is null when the line carries none. */
  public record Recognised(Instant timestamp, int cpu, int world, String opId, VmkernelCatalog entry,
      int sourceLine, List<String> args) {}

  private static final Pattern LINE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z)"
      + "(?: [A-Z][a-z]\\(\\d+\\) vmkernel:)? cpu(\\d+):(\\d+)(?: opID=([0-9a-f]+))?\\)(.*)$");
  private static final Pattern HEADED =
      Pattern.compile("^(?:(WARNING|ALERT): )?([A-Za-z][A-Za-z0-9_]*): (?:vm \\d+: )?(\\d+): (.*)$");
  private static final Map<String, List<VmkernelCatalog>> BY_MODULE = new HashMap<>();
  private static final MessageIndex<VmkernelCatalog> CONTINUATIONS;

  static {
    List<VmkernelCatalog> continuations = new ArrayList<>();
    for (VmkernelCatalog e : values()) {
      if (e.continues == null) {
        BY_MODULE.computeIfAbsent(e.module, k -> new ArrayList<>()).add(e);
      } else {
        continuations.add(e);
      }
    }
    CONTINUATIONS = new MessageIndex<>(continuations);
  }

  private final Provenance provenance;
  private final Level level;
  private final String module;
  private final int sourceLine;
  private final VmkernelCatalog continues;
  private final MessageTemplate template;

  VmkernelCatalog(Provenance provenance, String module, int sourceLine, String text) {
    this(provenance, Level.LOG, module, sourceLine, text);
  }

  VmkernelCatalog(Provenance provenance, Level level, String module, int sourceLine, String text) {
    this.provenance = provenance;
    this.level = level;
    this.module = module;
    this.sourceLine = sourceLine;
    this.continues = null;
    this.template = new MessageTemplate(text);
  }

  /** A continuation line of {@code head}'s message: no module prefix. */
  VmkernelCatalog(VmkernelCatalog head, Provenance provenance, String text) {
    this.provenance = provenance;
    this.level = head.level;
    this.module = head.module;
    this.sourceLine = 0;
    this.continues = head;
    this.template = new MessageTemplate(text);
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  public Level level() {
    return level;
  }

  public String module() {
    return module;
  }

  /** The source line number in the build the line was seen in; 0 for a continuation line. */
  public int sourceLine() {
    return sourceLine;
  }

  /** The head of the message this line continues, if it is a continuation line. */
  public Optional<VmkernelCatalog> continues() {
    return Optional.ofNullable(continues);
  }

  @Override
  public MessageTemplate template() {
    return template;
  }

  /** Everything after {@code cpuN:world)}: {@code [WARNING: ]Module: line: message}, or the bare text. */
  public String body(Object... args) {
    String message = template.render(args);
    return continues != null ? message : level.prefix + module + ": " + sourceLine + ": " + message;
  }

  /** The headed entry of {@code module} whose text is {@code message} (normalised), or null. */
  public static VmkernelCatalog find(String module, String message) {
    List<VmkernelCatalog> entries = BY_MODULE.get(module);
    if (entries != null) {
      for (VmkernelCatalog e : entries) {
        if (e.template.matchesNormal(message)) {
          return e;
        }
      }
    }
    return null;
  }

  /** The continuation entry whose text is {@code text} (normalised), or null. */
  public static VmkernelCatalog findContinuation(String text) {
    return CONTINUATIONS.find(text);
  }

  /**
   * Reads a whole vmkernel.log line of the layouts svmsim writes (ESXi 5.x-7.0, and 8.x with its
   * {@code In(182) vmkernel: } prefix). Explain reads every other layout.
   */
  public static Optional<Recognised> recognise(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    Instant timestamp = Instant.parse(m.group(1));
    int cpu = Integer.parseInt(m.group(2));
    int world = Integer.parseInt(m.group(3));
    String body = m.group(5);
    Matcher h = HEADED.matcher(body);
    if (h.matches()) {
      String message = MessageTemplate.normalise(h.group(4));
      VmkernelCatalog entry = find(h.group(2), message);
      if (entry != null) {
        return Optional.of(new Recognised(timestamp, cpu, world, m.group(4), entry,
            Integer.parseInt(h.group(3)), entry.template.args(message)));
      }
    }
    String text = MessageTemplate.normalise(body);
    VmkernelCatalog entry = findContinuation(text);
    return entry == null ? Optional.empty()
        : Optional.of(new Recognised(timestamp, cpu, world, m.group(4), entry, 0, entry.template.args(text)));
  }
}
