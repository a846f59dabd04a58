package org.svmsim.vmx.log;

import static org.svmsim.vmx.log.VmwareCatalog.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.log.EsxTime;
import org.svmsim.kernel.log.EsxVersion;
import org.svmsim.kernel.log.LogRenderer;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.vmx.disk.ContentId;

/**
 * Renders each VM's vmware.log from VMX events, in the layout of the host's version. The source VMX and
 * its fail-safe shadow write into one file, placed in the VM's home at the end of the events seen (the
 * destination after a successful Storage vMotion). Guest I/O renders nothing: a real VMX does not log
 * every I/O. The migration lines follow the VMX's Migrate module: its state machine (MigrateSetState),
 * the stun, the checkpoint lines of the unstun and, on failure, the wrap-up of KB 320352.
 */
public final class VmwareLogRenderer implements LogRenderer {
  /** The VMX logs the migration as same-host: source and destination are this host. */
  static final String LOOPBACK = "127.0.0.1";
  private final Map<VmId, VmLog> logs = new LinkedHashMap<>();
  private final Map<VmId, VmxEvent.StartSvmotion> migrations = new LinkedHashMap<>();
  private final Map<VmId, Integer> vcpus = new LinkedHashMap<>();
  private RunEvent.RunStarted run;
  private EsxTime time;
  private VmwareLayout layout;
  private SimRandom random;
  private String hostUuid;

  private static final String LOCK_FAILED = "Failed to lock the file";

  @Override
  public void onEvent(long t, Event event) {
    // Most events are guest I/O and kernel facts, which vmware.log does not show: leave early.
    if (!(event instanceof VmxEvent || event instanceof RunEvent) || event instanceof VmxEvent.GuestIoIssued) {
      return;
    }
    if (event instanceof RunEvent.RunStarted started) {
      start(started);
    } else if (event instanceof VmxEvent.VmxStarted e) {
      started(t, e);
    } else if (event instanceof VmxEvent.GuestRunning e) {
      VmLog log = log(e, e.vm());
      log.add(t, EXEC_STATE_REQUESTED, "poweredOn");
      log.add(t, EXEC_STATE_TRANSITIONED, "poweredOn");
    } else if (event instanceof VmxEvent.DiskOpened e) {
      DiskLines.opened(log(e, e.vm()), t, e);
    } else if (event instanceof VmxEvent.DiskClosed e) {
      DiskLines.closed(log(e, e.vm()), t, e);
    } else if (event instanceof VmxEvent.FirstWrite e) {
      log(e, e.vm()).add(t, FIRST_WRITE, e.scsi(), e.fileName());
    } else if (event instanceof VmxEvent.ContentIdChanged e) {
      log(e, e.vm()).add(t, CONTENT_ID_CHANGED, e.longContentId(), e.previous());
      log(e, e.vm()).add(t, CID_UPDATED, ContentId.cid(e.previous()), ContentId.cid(e.longContentId()),
          e.longContentId());
    } else if (event instanceof VmxEvent.StartSvmotion e) {
      migrations.put(e.vm(), e);
      VmLog log = log(e, e.vm());
      log.add(t, MIGRATE_SET_INFO, 1, LOOPBACK, LOOPBACK, e.migrationId(), hostUuid, "high");
      log.migrateState(t, 1);
    } else if (event instanceof VmxEvent.SvmotionPhaseEntered e) {
      phase(t, e);
    } else if (event instanceof VmxEvent.DiskOpenLocked e) {
      // real-lines/vmware_snapshot-consolidation-and-faults.log: each locked try, with its AIO status.
      log(e, e.vm()).add(t, AIO_OPEN_FAILED, e.extent(), LOCK_FAILED + " (400000003) (0x2013).");
      log(e, e.vm()).add(t, AIO_LOCKED, e.extent(), e.attempt());
    } else if (event instanceof VmxEvent.DiskOpenFailed e) {
      VmLog log = log(e, e.vm());
      log.add(t, AIO_OPEN_FAILED, e.extent(), LOCK_FAILED + " (400000003) (0x2013).");
      log.add(t, DISKLIB_VMFS_OPEN_FAILED, e.extent(), LOCK_FAILED, "AIOMgr_Open failed. Type 8");
      log.add(t, DISKLIB_LINK_OPEN_FAILED, e.descriptor(), LOCK_FAILED);
      log.add(t, DISKLIB_CHAIN_OPEN_FAILED, e.descriptor(), LOCK_FAILED);
      log.add(t, DISKLIB_LIB_OPEN_FAILED, e.descriptor(), "0x8", LOCK_FAILED + " (16392).");
    } else if (event instanceof VmxEvent.DiskCopyStarted e) {
      log(e, e.vm()).add(t, COPY_STARTED, e.destinationPath());
    } else if (event instanceof VmxEvent.ChangeTrackingOpened e) {
      log(e, e.vm()).add(t, CBT_OPENING, e.node());
    } else if (event instanceof VmxEvent.ChangeTrackingClosed e) {
      log(e, e.vm()).add(t, CBT_SHUTTING_DOWN, e.fid());
      log(e, e.vm()).add(t, CBT_DISCONNECTED);
    } else if (event instanceof VmxEvent.SnapshotTaken e) {
      log(e, e.vm()).add(t, SNAPSHOT_PREPARED);
      log(e, e.vm()).add(t, SNAPSHOT_TAKEN, e.name(), e.uid());
    } else if (event instanceof VmxEvent.RedoLogsConsolidated e) {
      log(e, e.vm()).add(t, REDO_CONSOLIDATED_AT_BOOT, e.files(), e.scsi(), e.descriptor());
    } else if (event instanceof VmxEvent.RedoLogReparented e) {
      log(e, e.vm()).add(t, REDO_REPARENTED, e.scsi(), e.parent());
    } else if (event instanceof VmxEvent.CopyPassEnded e) {
      passEnded(log(e, e.vm()), t, e);
    } else if (event instanceof VmxEvent.DiskCopyFinished e) {
      log(e, e.vm()).add(t, COPY_COMPLETED, e.destinationPath(), e.bytes(), seconds(e.elapsedNanos()));
    } else if (event instanceof VmxEvent.VmStunned e) {
      log(e, e.vm()).add(t, STUNNED);
    } else if (event instanceof VmxEvent.ConsistencyChecked e) {
      // svmsim's own check of destination against source while stunned; ESXi logs no such line.
      if (e.consistent()) {
        log(e, e.vm()).add(t, DESTINATION_CONSISTENT, e.scsi());
      } else {
        log(e, e.vm()).add(t, DESTINATION_DIFFERS, e.scsi(), e.firstDifference());
      }
    } else if (event instanceof VmxEvent.FastSuspendResumed e) {
      log(e, e.vm()).add(t, FAST_SUSPEND_RESUMED, e.home().resolve(e.vm()), e.checkpointBytes());
    } else if (event instanceof VmxEvent.VmUnstunned e) {
      unstunned(t, e);
    } else if (event instanceof VmxEvent.SvmotionFinished e) {
      MigrationEnd.render(log(e, e.vm()), t, e, migrations.remove(e.vm()), random);
    } else if (event instanceof VmxEvent.VmxStopped e) {
      VmLog log = log(e, e.vm());
      log.add(t, STOPPING_VCPUS);
      log.add(t, VMX_LEFT, 0);
    }
  }

  private void start(RunEvent.RunStarted started) {
    run = started;
    time = new EsxTime(started.startEpochMillis());
    layout = VmwareLayout.of(EsxVersion.parse(started.esxVersion()));
    random = new SimRandom(started.seed()).split("vmware.log");
    hostUuid = String.format("%08x-%04x-%04x-%04x-%012x", random.nextLong(0, 1L << 32),
        random.nextInt(1 << 16), random.nextInt(1 << 16), random.nextInt(1 << 16), random.nextLong(0, 1L << 48));
  }

  private void phase(long t, VmxEvent.SvmotionPhaseEntered e) {
    VmLog log = log(e, e.vm());
    if (e.phase() == 8) {
      // The guest's NIC driver reports in the same burst as the reopen (seed).
      log.add(t, VMXNET3_DRIVER_INFO, "Ethernet1", 16778496, 2, 1, 0, 0);
    }
    log.add(t, PHASE_ENTERED, e.phase());
    VmxEvent.StartSvmotion m = migrations.get(e.vm());
    // Pre-copy starts with the mirror, before the reopen burst, which the seed shows unbroken.
    if (e.phase() == 6 && log.migrateState == 1) {
      log.migrateState(t, 2);
    } else if (e.phase() == 9 && m != null) {
      log.add(t, STUN_STARTING, m.options().maxSwitchoverNanos() / VirtualTime.SECOND);
      log.migrateState(t, 3);
    }
  }

  /**
   * The checkpoint lines of an unstun (real-lines, ESXi 5.0): the request for mode 6, the stop time, each
   * vcpu's monitor sync, the ACK; ESXi 8 adds, some 29 ms later, the stun time seen by the checkpoint,
   * about 29.5 ms more than the vcpus' stop (KB 417644). The gaps are drawn: their spread is a guess.
   */
  private void unstunned(long t, VmxEvent.VmUnstunned e) {
    VmLog log = log(e, e.vm());
    log.add(t, CPT_REQUESTING, 2, 6);
    log.add(t, UNSTUNNED, e.stoppedMicros());
    for (int v = vcpus.getOrDefault(e.vm(), 1) - 1; v >= 0; v--) {
      log.addOn(t, "vcpu-" + v, MON_MODULES_SYNCED, 6);
    }
    log.add(t, CPT_MONITOR_ACK, 6);
    if (layout == VmwareLayout.ESX70U2) {
      long later = random.nextLong(28_000, 30_000);
      log.later(t + later * VirtualTime.MICROSECOND, CPT_STUNNED_FOR,
          e.stoppedMicros() + random.nextLong(29_000, 30_000));
    }
  }

  private void started(long t, VmxEvent.VmxStarted e) {
    if (time == null) {
      throw new IllegalStateException("vmware.log: " + e + " before RunStarted");
    }
    // The worker's thread id follows the VMX's pid closely, as in real-lines (vmx 3476900s, worker-3476962).
    VmLog log = logs.computeIfAbsent(e.vm(), vm -> new VmLog(time, layout, e.pid() + 20 + random.nextInt(100)));
    if (e.shadow()) {
      log.homeIfUnknown(e.home());
      log.add(t, SHADOW_STARTED, e.pid());
      log.add(t, SHADOW_IDLE, e.vmxPath());
      return;
    }
    vcpus.put(e.vm(), Math.max(1, e.vcpus()));
    log.home(e.home());
    log.add(t, LOG_START, e.pid(), run.esxVersion(), run.esxBuild());
    log.add(t, PROCESS_64_BIT);
    log.add(t, HOST_CODEPAGE);
    log.add(t, HOST_VERSION, run.esxVersion());
    log.add(t, HOSTNAME, run.hostname());
    log.add(t, LOG_FILE, "/" + VmLog.path(e.home(), e.vm()));
    log.add(t, DICT_CONFIGURATION, e.vmxPath());
    dict(log, t, "config.version", "8");
    dict(log, t, "displayName", e.vm());
    dict(log, t, "numvcpus", e.vcpus());
    dict(log, t, "memSize", e.memoryBytes() >> 20);
    dict(log, t, "guestOS", e.guestOs());
    dict(log, t, "uuid.bios", e.uuid());
  }

  private static void passEnded(VmLog log, long t, VmxEvent.CopyPassEnded e) {
    String next = e.next().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    switch (e.method()) {
      case DBT -> log.add(t, DBT_PASS_ENDED, e.pass(), e.scsi(), e.copiedBytes(),
          e.stunned() ? " while stunned" : "", e.pendingBytes(), next);
      case SNAPSHOT -> {
        // Pass 1 copied the parent; each later pass is a consolidation round (round pass - 1).
        if (e.pass() > 1) {
          log.add(t, CONSOLIDATE_ROUND_ENDED, e.pass() - 1, e.scsi(), e.copiedBytes(),
              e.stunned() ? " while stunned" : "", e.pendingBytes(), next);
        }
        if (e.next() == VmxEvent.NextStep.PASS) {
          log.add(t, CONSOLIDATE_ITERATION);
        } else if (e.next() == VmxEvent.NextStep.DONE) {
          log.add(t, CONSOLIDATE_END, "The operation completed successfully (0).");
        }
      }
      default -> { }
    }
  }

  private static void dict(VmLog log, long t, String key, Object value) {
    log.add(t, DICT_ENTRY, String.format("%25s", key), value);
  }

  /** The VM's log; its VMX must have started, or there is no vmware.log to write to. */
  private VmLog log(VmxEvent e, VmId vm) {
    VmLog log = logs.get(vm);
    if (log == null) {
      throw new IllegalStateException("vmware.log: " + e + " before the VM's VmxStarted");
    }
    return log;
  }

  /** {@code 1.234} for 1.234 s, without the locale that String.format would apply. */
  static String seconds(long nanos) {
    long millis = nanos / 1_000_000L;
    long frac = millis % 1000;
    return millis / 1000 + "." + (frac < 100 ? "0" : "") + (frac < 10 ? "0" : "") + frac;
  }

  @Override
  public SortedMap<String, String> files() {
    SortedMap<String, String> files = new TreeMap<>();
    logs.forEach((vm, log) -> files.put(log.path(vm), log.text()));
    return files;
  }
}
