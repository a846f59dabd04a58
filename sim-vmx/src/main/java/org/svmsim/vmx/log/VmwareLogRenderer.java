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
import org.svmsim.kernel.log.LogRenderer;
import org.svmsim.kernel.sim.Event;
import org.svmsim.vmx.disk.ContentId;

/**
 * Renders each VM's vmware.log from VMX events. The source VMX and its fail-safe shadow write into one
 * file, placed in the VM's home at the end of the events seen (the destination after a successful
 * Storage vMotion). Guest I/O renders nothing: a real VMX does not log every I/O.
 */
public final class VmwareLogRenderer implements LogRenderer {
  private final Map<VmId, VmLog> logs = new LinkedHashMap<>();
  private RunEvent.RunStarted run;
  private EsxTime time;

  @Override
  public void onEvent(long t, Event event) {
    // Most events are guest I/O and kernel facts, which vmware.log does not show: leave early.
    if (!(event instanceof VmxEvent || event instanceof RunEvent) || event instanceof VmxEvent.GuestIoIssued) {
      return;
    }
    if (event instanceof RunEvent.RunStarted started) {
      run = started;
      time = new EsxTime(started.startEpochMillis());
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
    } else if (event instanceof VmxEvent.SvmotionPhaseEntered e) {
      log(e, e.vm()).add(t, PHASE_ENTERED, e.phase());
    } else if (event instanceof VmxEvent.DiskCopyStarted e) {
      log(e, e.vm()).add(t, COPY_STARTED, e.destinationPath());
    } else if (event instanceof VmxEvent.ChangeTrackingOpened e) {
      log(e, e.vm()).add(t, CBT_OPENING, e.node());
    } else if (event instanceof VmxEvent.ChangeTrackingClosed e) {
      log(e, e.vm()).add(t, CBT_SHUTTING_DOWN, e.fid());
      log(e, e.vm()).add(t, CBT_DISCONNECTED);
    } else if (event instanceof VmxEvent.CopyPassEnded e) {
      passEnded(log(e, e.vm()), t, e);
    } else if (event instanceof VmxEvent.DiskCopyFinished e) {
      log(e, e.vm()).add(t, COPY_COMPLETED, e.destinationPath(), e.bytes(), seconds(e.elapsedNanos()));
    } else if (event instanceof VmxEvent.VmStunned e) {
      log(e, e.vm()).add(t, STUNNING);
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
      log(e, e.vm()).add(t, UNSTUNNED, e.stoppedMicros());
    } else if (event instanceof VmxEvent.SvmotionFinished e) {
      finished(t, e);
    } else if (event instanceof VmxEvent.VmxStopped e) {
      VmLog log = log(e, e.vm());
      log.add(t, STOPPING_VCPUS);
      log.add(t, VMX_EXIT, 0);
    }
  }

  private void started(long t, VmxEvent.VmxStarted e) {
    if (time == null) {
      throw new IllegalStateException("vmware.log: " + e + " before RunStarted");
    }
    VmLog log = logs.computeIfAbsent(e.vm(), vm -> new VmLog(time));
    if (e.shadow()) {
      log.homeIfUnknown(e.home());
      log.add(t, SHADOW_STARTED, e.pid());
      log.add(t, SHADOW_IDLE, e.vmxPath());
      return;
    }
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
      default -> { }
    }
  }

  private static void dict(VmLog log, long t, String key, Object value) {
    log.add(t, DICT_ENTRY, String.format("%25s", key), value);
  }

  private void finished(long t, VmxEvent.SvmotionFinished e) {
    VmLog log = log(e, e.vm());
    if (e.success()) {
      log.home(e.home());
      log.add(t, SVMOTION_SUCCEEDED);
    } else {
      log.add(t, SVMOTION_FAILED, e.reason());
    }
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
