package org.svmsim.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.Observer;
import org.svmsim.kernel.storage.BlockStore;

/** The run's figures, gathered from the facts on the bus, for {@code summary.json}. */
final class RunMetrics implements Observer {
  String method = "";
  String outcome = "failed";
  String failureReason = "";
  long migrationNanos = -1;
  long downtimeMicros = -1;
  long bytesCopied;
  long guestWrites;
  long guestWritesMirrored;
  long guestIoErrors;
  long mirroredBytes;
  long redoLogBytes;
  int stunCount;
  boolean checked;
  boolean consistent = true;
  String mover = "";
  final Map<CopyJobId, Integer> passesPerJob = new LinkedHashMap<>();
  /** Bytes the guest dirtied during each unstunned DBT pass, over all disks: pass 1 first. */
  final List<Long> dirtyPerPass = new ArrayList<>();
  final GuestWriteImpact guestImpact = new GuestWriteImpact();
  /** Bytes of the copy passes still running, by job: the partial figure of an aborted run. */
  private final Map<CopyJobId, Long> copying = new LinkedHashMap<>();
  private long relocateStartedNanos = -1;

  @Override
  public void onEvent(long t, Event event) {
    guestImpact.onEvent(t, event);
    if (event instanceof AgentEvent.RelocateVm e) {
      method = e.method().id();
      relocateStartedNanos = t;
    } else if (event instanceof KernelEvent.ChunkCopied e) {
      copying.merge(e.job(), e.sectors() * BlockStore.SECTOR, Long::sum);
    } else if (event instanceof KernelEvent.CopyFailed e) {
      copying.remove(e.job());
    } else if (event instanceof AgentEvent.RelocateFinished e) {
      migrationNanos = e.elapsedNanos();
    } else if (event instanceof VmxEvent.VmStunned) {
      stunCount++;
    } else if (event instanceof VmxEvent.VmUnstunned e) {
      downtimeMicros = Math.max(downtimeMicros, 0) + e.stoppedMicros();
    } else if (event instanceof KernelEvent.DataMoverSelected e) {
      mover = e.mover().id();
    } else if (event instanceof KernelEvent.CopyPassStarted e) {
      passesPerJob.merge(e.job(), 1, Integer::sum);
      copying.put(e.job(), 0L);
    } else if (event instanceof KernelEvent.CopyPassCompleted e) {
      bytesCopied += e.bytesCopied();
      copying.remove(e.job());
    } else if (event instanceof VmxEvent.CopyPassEnded e) {
      passEnded(e);
    } else if (event instanceof KernelEvent.SvmMirrorStats e) {
      mirroredBytes += e.mirroredBytes();
    } else if (event instanceof KernelEvent.GuestIoCompleted e && e.write()) {
      guestWrites++;
      if (e.route().mirrored()) {
        guestWritesMirrored++;
      }
    } else if (event instanceof KernelEvent.GuestIoFailed) {
      guestIoErrors++;
    } else if (event instanceof VmxEvent.ConsistencyChecked e) {
      checked = true;
      consistent &= e.consistent();
    } else if (event instanceof RunEvent.RunFinished e) {
      outcome = e.outcome();
      failureReason = e.failureReason();
      if (outcome.equals("aborted")) {
        // The figures reached so far: the passes under way, and the migration's time until the stop.
        bytesCopied += copying.values().stream().mapToLong(Long::longValue).sum();
        if (migrationNanos < 0 && relocateStartedNanos >= 0) {
          migrationNanos = t - relocateStartedNanos;
        }
      }
    }
  }

  private void passEnded(VmxEvent.CopyPassEnded e) {
    if (e.method() == Method.DBT && !e.stunned()) {
      while (dirtyPerPass.size() < e.pass()) {
        dirtyPerPass.add(0L);
      }
      dirtyPerPass.set(e.pass() - 1, dirtyPerPass.get(e.pass() - 1) + e.pendingBytes());
    } else if (e.method() == Method.SNAPSHOT && e.pass() > 1) {
      redoLogBytes += e.copiedBytes(); // pass 1 copied the parent; every later one a redo log
    }
  }

  int passes() {
    return passesPerJob.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
