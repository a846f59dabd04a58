package org.svmsim.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;

/**
 * {@code summary.json}: the run's outcome and figures. Only virtual-time figures: a summary must be
 * byte-identical for the same scenario and seed. {@code passes} counts copy passes (DBT) or consolidation
 * rounds (snapshot); the method's own figures appear for that method only: {@code guestWritesMirrored}
 * and {@code mirroredBytes} (mirror), {@code dirtyBytesPerPass} (DBT), {@code redoLogBytes} (snapshot).
 * {@code guestWriteLatencyP50Us}, {@code P99Us}, {@code MaxUs} and {@code guestWriteThroughputMBps} are
 * the migrating VMs' write acknowledgements while their relocate ran (0 when they wrote nothing).
 * {@code guestIosThrottled} and {@code guestThrottledMs} (how many guest I/Os found the adapter's queue
 * full, and their total wait for a slot) appear only when the guest was throttled at all; {@code
 * guestIoErrors} (guest I/Os that completed with an error status, never acknowledged) only when non-zero.
 */
@JsonPropertyOrder({"scenario", "seed", "method", "outcome", "failureReason", "migrationTimeMs",
    "downtimeMs", "bytesCopied", "diskBytes", "guestWrites", "guestWritesMirrored", "guestWriteLatencyP50Us",
    "guestWriteLatencyP99Us", "guestWriteLatencyMaxUs", "guestWriteThroughputMBps", "guestIosThrottled",
    "guestThrottledMs", "guestIoErrors", "passes", "stunCount", "mirroredBytes", "dirtyBytesPerPass", "redoLogBytes",
    "consistent", "lostWrites", "mover", "copyRateMiBps", "events", "logs"})
public record RunSummary(String scenario, long seed, String method, String outcome, String failureReason,
    double migrationTimeMs, double downtimeMs, long bytesCopied, long diskBytes, long guestWrites,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long guestWritesMirrored, double guestWriteLatencyP50Us,
    double guestWriteLatencyP99Us, double guestWriteLatencyMaxUs, double guestWriteThroughputMBps,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) long guestIosThrottled,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) double guestThrottledMs,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) long guestIoErrors, int passes, int stunCount,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long mirroredBytes,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Long> dirtyBytesPerPass,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long redoLogBytes, boolean consistent, long lostWrites,
    String mover, double copyRateMiBps, long events, List<String> logs) {

  /** One line for the terminal. */
  public String oneLine() {
    String writes = guestWritesMirrored == null ? guestWrites + " guest writes"
        : guestWrites + " guest writes (" + guestWritesMirrored + " mirrored)";
    return String.format(Locale.ROOT, "%s: %s %s seed %d, migration %s, downtime %.1f ms, %s, %d pass%s,"
            + " consistent %s, lost writes %d%s",
        scenario, method, outcome, seed, duration(migrationTimeMs), downtimeMs, writes, passes,
        passes == 1 ? "" : "es", consistent, lostWrites, failureReason.isEmpty() ? "" : " (" + failureReason + ")");
  }

  private static String duration(double ms) {
    if (ms < 0) {
      return "n/a";
    }
    long s = Math.round(ms / 1000);
    return s >= 60
        ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
        : String.format(Locale.ROOT, "%.3fs", ms / 1000);
  }
}
