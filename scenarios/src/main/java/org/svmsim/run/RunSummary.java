package org.svmsim.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;

/**
 * {@code summary.json}: the run's outcome and figures. Only virtual-time figures: a summary must be
 * byte-identical for the same scenario and seed. {@code guestIosThrottled} and {@code guestThrottledMs}
 * (how many guest I/Os found the adapter's queue full, and their total wait for a slot) appear only when
 * the guest was throttled at all.
 */
@JsonPropertyOrder({"scenario", "seed", "method", "outcome", "failureReason", "migrationTimeMs",
    "downtimeMs", "bytesCopied", "diskBytes", "guestWrites", "guestWritesMirrored", "guestIosThrottled", "guestThrottledMs", "passes",
    "consistent", "lostWrites", "mover", "copyRateMiBps", "events", "logs"})
public record RunSummary(String scenario, long seed, String method, String outcome, String failureReason,
    double migrationTimeMs, double downtimeMs, long bytesCopied, long diskBytes, long guestWrites,
    long guestWritesMirrored, @JsonInclude(JsonInclude.Include.NON_DEFAULT) long guestIosThrottled,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) double guestThrottledMs, int passes, boolean consistent, long lostWrites, String mover,
    double copyRateMiBps, long events, List<String> logs) {

  /** One line for the terminal. */
  public String oneLine() {
    return String.format(Locale.ROOT, "%s: %s %s seed %d, migration %s, downtime %.1f ms, %d guest writes (%d mirrored),"
            + " consistent %s, lost writes %d%s",
        scenario, method, outcome, seed, duration(migrationTimeMs), downtimeMs, guestWrites,
        guestWritesMirrored, consistent, lostWrites, failureReason.isEmpty() ? "" : " (" + failureReason + ")");
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
