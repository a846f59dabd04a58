package org.svmsim.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.DeviceName;
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
  boolean checked;
  boolean consistent = true;
  String mover = "";
  final Map<DeviceName, Integer> passesPerDevice = new LinkedHashMap<>();
  /** Bytes of the copies still running, by device: the partial figure of an aborted run. */
  private final Map<DeviceName, Long> copying = new LinkedHashMap<>();
  private long relocateStartedNanos = -1;

  @Override
  public void onEvent(long t, Event event) {
    if (event instanceof AgentEvent.RelocateVm e) {
      method = e.method();
      relocateStartedNanos = t;
    } else if (event instanceof KernelEvent.ChunkCopied e) {
      copying.merge(e.device(), e.sectors() * BlockStore.SECTOR, Long::sum);
    } else if (event instanceof KernelEvent.DiskCopyFailed e) {
      copying.remove(e.device());
    } else if (event instanceof AgentEvent.RelocateFinished e) {
      migrationNanos = e.elapsedNanos();
    } else if (event instanceof VmxEvent.VmUnstunned e) {
      downtimeMicros = Math.max(downtimeMicros, 0) + e.stoppedMicros();
    } else if (event instanceof KernelEvent.DataMoverSelected e) {
      mover = e.mover();
    } else if (event instanceof KernelEvent.DiskCopyStarted e) {
      passesPerDevice.merge(e.device(), 1, Integer::sum);
      copying.put(e.device(), 0L);
    } else if (event instanceof KernelEvent.DiskCopyCompleted e) {
      bytesCopied += e.bytesCopied();
      copying.remove(e.device());
    } else if (event instanceof KernelEvent.GuestIoCompleted e && e.write()) {
      guestWrites++;
      if (e.route().mirrored()) {
        guestWritesMirrored++;
      }
    } else if (event instanceof VmxEvent.ConsistencyChecked e) {
      checked = true;
      consistent &= e.consistent();
    } else if (event instanceof RunEvent.RunFinished e) {
      outcome = e.outcome();
      failureReason = e.failureReason();
      if (outcome.equals("aborted")) {
        // The figures reached so far: the copies under way, and the migration's time until the stop.
        bytesCopied += copying.values().stream().mapToLong(Long::longValue).sum();
        if (migrationNanos < 0 && relocateStartedNanos >= 0) {
          migrationNanos = t - relocateStartedNanos;
        }
      }
    }
  }

  int passes() {
    return passesPerDevice.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
