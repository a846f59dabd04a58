package org.svmsim.explain;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.svmsim.kernel.log.CatalogEntry;

/**
 * The lines that name what went wrong in a migration, and the fault each one is a sign of, in the kinds of
 * svmsim's {@code --fault} (README, Faults) so that a run's summary and explain's agree: a destination
 * write error (FS3DM's retry warnings, the mirror's failed secondary write), a source read error, a lock held by another host (AIOMGR's
 * retries, DISKLIB's lock failure, DLX's lock dump, {@code vim.fault.FileLocked}), a switchover timeout
 * (the FSR lines, {@code maxSwitchoverTimeExceeded}), a cancel ({@code RequestCanceled}), a full
 * destination ({@code No space left on device}, {@code NoDiskSpace}, the redo log's {@code outofspace}),
 * change tracking out of memory, a host agent that restarted, a host that crashed and booted, a slow destination (the kernel's latency
 * watch), and a copy that never converged. Families are named by
 * {@code log.FAMILY} (as notes.tsv does), so a sign may name a family another branch is still adding:
 * it matches once the family lands.
 */
final class FaultSigns {
  /** One fault a line is a sign of: its kind, its mode if the line tells it (or null). */
  record Sign(String kind, String mode) {}

  /**
   * Not a {@code --fault} kind: the guest wrote faster than the copy passes could catch up, so the
   * switchover never came within its limit (the VMX then logs maxSwitchoverTimeExceeded).
   */
  static final String NO_CONVERGENCE = "no-convergence";
  // Looked up only: the key of each family, made once; and the families that are never a sign.
  private final Map<CatalogEntry, String> keys = new IdentityHashMap<>();
  private final Map<CatalogEntry, Boolean> never = new IdentityHashMap<>();

  /** The fault {@code p} (already classified) is a sign of, or null. */
  Sign of(ParsedLine p) {
    if (never.containsKey(p.family)) {
      return null;
    }
    String family = keys.computeIfAbsent(p.family, Notes::key);
    String text = p.normal == null ? "" : p.normal;
    return switch (family) {
      case "vmkernel.FS3DM_CHUNK_FAILED" -> chunk(p.family.template().args(text));
      case "vmkernel.SVM_SECONDARY_WRITE_FAILED" -> new Sign("dest-write-error", null);
      case "vmkernel.SCSI_LATENCY_DETERIORATED", "vmkernel.SCSI_LATENCY_IMPROVED" -> new Sign("dest-slow", null);
      case "vmware.AIO_LOCKED", "vmkernel.DLX_NOT_FREE" -> new Sign("lock-conflict", null);
      case "vmware.AIO_OPEN_FAILED", "vmware.DISKLIB_LIB_OPEN_FAILED", "vmware.DISKLIB_VMFS_OPEN_FAILED",
          "vmware.DISKLIB_LINK_OPEN_FAILED", "vmware.DISKLIB_CHAIN_OPEN_FAILED", "vmware.SNAPSHOT_OPEN_FAILED" ->
          text.contains("Failed to lock the file")
              ? new Sign("lock-conflict", family.equals("vmware.AIO_OPEN_FAILED") ? null : "persistent") : null;
      case "vmkernel.FSR_SOURCE_SWITCHOVER_TIMEOUT", "vmkernel.FSR_DESTINATION_SWITCHOVER_TIMEOUT",
          "vmkernel.MIGRATE_SWITCHOVER_FAILED", "vmware.MSG_MAX_SWITCHOVER" -> new Sign("switchover-timeout", null);
      case "vmkernel.MIGRATE_FAILED" -> text.contains("No space left on device") ? new Sign("dest-out-of-space", null)
          : text.contains("(0xbad0109)") ? new Sign("switchover-timeout", null) : null;
      case "vmware.MSG_REDO_OUT_OF_SPACE", "vmware.MSG_QUESTION_REPLY" ->
          text.contains("outofspace") ? new Sign("out-of-space", null) : null;
      case "vmware.DBT_PASS_ENDED", "vmware.CONSOLIDATE_ROUND_ENDED" ->
          text.endsWith("next: fail.") ? new Sign(NO_CONVERGENCE, null) : null;
      case "vmkernel.CBT_NO_MEMORY" -> new Sign("out-of-memory", null);
      case "vmware.CBT_CREATE_FAILED" -> text.contains("Out of memory") ? new Sign("out-of-memory", null) : null;
      case "vpxa.ERROR", "hostd.TASK_FAILED", "hostd.RESOLVE_FAILED" -> vsphereFault(text);
      case "hostd.STOPPING", "hostd.INVENTORY_LOADED" -> new Sign("agent-restart", "hostd");
      case "vpxa.STOPPING", "vpxa.RECOVER" -> new Sign("agent-restart", "vpxa");
      case "vmkernel.BOOT_STARTING", "vmkernel.BOOT_VOLUME_MOUNTED", "hostd.RECOVERED", "vpxa.RECOVER_AFTER_CRASH",
          "vmware.REDO_CONSOLIDATED_AT_BOOT" -> new Sign("host-crash", null);
      default -> {
        Sign named = byName(family);
        if (named == null) {
          never.put(p.family, Boolean.TRUE);
        }
        yield named;
      }
    };
  }

  /** An FS3DM copy chunk failed: args job, io, sectors, lba, status, word, attempt, attempts, what next. */
  private static Sign chunk(List<String> args) {
    return args == null ? null : new Sign(args.get(1).equals("read") ? "source-read-error" : "dest-write-error",
        args.get(args.size() - 1).startsWith("giving up") ? "persistent" : null);
  }

  /** The fault a vSphere fault type names ({@code vim.fault.NoDiskSpace}), or null. */
  private static Sign vsphereFault(String text) {
    if (text.contains("RequestCanceled")) {
      return new Sign("cancel", null);
    }
    if (text.contains("NoDiskSpace")) {
      return new Sign("dest-out-of-space", null);
    }
    if (text.contains("FileLocked")) {
      return new Sign("lock-conflict", "persistent");
    }
    return null;
  }

  /**
   * A hook for families still to come: a family whose name says it, such as {@code vmkernel.HOST_BOOTED}
   * or {@code vmkernel.DEVICE_LATENCY_DETERIORATED}.
   */
  private static Sign byName(String family) {
    String name = family.substring(family.indexOf('.') + 1).toUpperCase(Locale.ROOT);
    if (name.contains("CRASH") || name.contains("BOOT") || name.contains("RECOVER")) {
      return new Sign("host-crash", null);
    }
    if (name.contains("LATENCY") || name.contains("DETERIORATED") || name.contains("SLOW")) {
      return new Sign("dest-slow", null);
    }
    return null;
  }
}
