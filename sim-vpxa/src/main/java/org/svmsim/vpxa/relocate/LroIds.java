package org.svmsim.vpxa.relocate;

import org.svmsim.kernel.id.MigrationId;
import org.svmsim.kernel.sim.SimRandom;

/** Names vpxa gives a long-running operation: lro-n, an operation id, a task UUID (52...), a migration id. */
final class LroIds {
  private static final long MIN_16_DIGITS = 1_000_000_000_000_000L;
  private static final long MAX_16_DIGITS = 10_000_000_000_000_000L;
  private final SimRandom random;
  private long nextLro;
  private long lastMigrationId;

  record Lro(String lroId, String opId, String taskUuid) {}

  LroIds(SimRandom random) {
    this.random = random;
    // vpxa numbers its operations from its own start, so a run begins somewhere in the sequence.
    this.nextLro = random.nextLong(1_000L, 1_000_000L);
  }

  Lro next() {
    // vpxa's opIDs: a root id, then one hop per component that passed the operation on (real-lines vpxa:
    // e6012b2-01-b0); hostd chains its own hops after them.
    return new Lro("lro-" + nextLro++, hex(7) + "-" + hex(2) + "-" + hex(2), "52" + hex(6) + "-" + hex(4) + "-" + hex(4) + "-" + hex(4) + "-"
        + hex(12));
  }

  /**
   * The seed's migration id 1463662769720447 is the wall clock in microseconds when the migration began
   * (2016-05-19T12:59:29.720447Z), so the id is taken from the virtual wall clock when it is known, and
   * drawn as a 16-digit number otherwise. Ids stay unique when two migrations start in one microsecond.
   */
  MigrationId migrationId(long epochMicros) {
    long id = epochMicros >= MIN_16_DIGITS && epochMicros < MAX_16_DIGITS
        ? epochMicros : random.nextLong(MIN_16_DIGITS, MAX_16_DIGITS);
    if (id <= lastMigrationId) {
      id = lastMigrationId + 1;
    }
    lastMigrationId = id;
    return new MigrationId(id);
  }

  private String hex(int digits) {
    StringBuilder sb = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      sb.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sb.toString();
  }
}
