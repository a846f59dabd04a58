package org.svmsim.explain;

import java.util.List;

/** The end of an explanation: how much was recognised, and the migrations followed. */
public record Summary(List<String> files, long lines, long layouts, long families, List<Migration> migrations,
    int dropped) {

  /** {@code success} when every migration read succeeded, {@code failed} when one failed, {@code none}. */
  public String outcome() {
    if (migrations.isEmpty()) {
      return "none";
    }
    if (migrations.stream().anyMatch(m -> m.failed)) {
      return "failed";
    }
    return migrations.stream().allMatch(m -> m.succeeded) ? "success" : "unknown";
  }

  public String failureReason() {
    return migrations.stream().filter(m -> m.failed).map(m -> m.reason).findFirst().orElse("");
  }

  /** Every fault the lines show, {@code kind} or {@code kind:mode}, in the order the migrations were read. */
  public List<String> faults() {
    return migrations.stream().flatMap(m -> m.faults.values().stream())
        .map(f -> f.mode == null ? f.kind : f.kind + ":" + f.mode).distinct().toList();
  }

  /** The last migration's time, as summary.json reports the run's relocate; -1 if none. */
  public double migrationTimeMs() {
    return migrations.isEmpty() ? -1 : migrations.get(migrations.size() - 1).elapsedMillis();
  }

  /** Every stun's stop time added up, as summary.json does. */
  public double downtimeMs() {
    return migrations.stream().mapToLong(m -> m.downtimeMicros).sum() / 1e3;
  }
}
