package org.svmsim.bench.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.svmsim.bench.Locality;
import org.svmsim.bench.Store;

/** Each migration benchmark's body, once, on a small disk: it migrates, and its data check passes. */
class MigrationTest {
  private static final long SECTORS = 16_384; // 8 MiB

  private static Migration migration(Method method, int writers, long rate) {
    return new Migration(method, SECTORS, writers, rate, Locality.UNIFORM, 8, Store.MEMORY, 512, 7);
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void anIdleDiskIsCopiedOnceAndWhole(Method method) {
    Migration.Result r = migration(method, 0, 0).run();
    assertEquals(SECTORS * 512, r.outcome().bytesCopied(), "an idle disk is copied exactly once");
    assertTrue(r.outcome().converged());
    assertEquals(0, r.guestWrites());
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void writersFlatOutLoseNothingAndTheDataCheckPasses(Method method) {
    for (Store store : Store.values()) {
      writersFlatOut(method, store);
    }
  }

  private static void writersFlatOut(Method method, Store store) {
    Migration.Result r = new Migration(method, SECTORS, 2, 0, Locality.HOTSET, 8, store, 512, 7).run();
    assertEquals(r.guestWrites(), r.latency().getTotalCount(), "every write's latency is recorded");
    assertEquals(r.guestWrites(), r.service().getTotalCount(), "and its service time");
    assertTrue(r.outcome().bytesCopied() >= SECTORS * 512);
    if (method == Method.MIRROR) {
      assertEquals(1, r.outcome().passes(), "the mirror copies in one pass");
    }
  }

  @Test
  void aCorruptedDestinationFailsTheCheck() {
    Migration.Run run = migration(Method.MIRROR, 0, 0).prepare();
    run.migrate();
    run.destination.write(100, 1, 42);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, run::finish);
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void aBlockWithoutItsLastWriteFailsTheCheck(Method method) {
    Migration.Run run = migration(method, 0, 0).prepare();
    run.migrate();
    // The same wrong content on both disks: they are equal, but block 0 no longer holds what was written.
    run.source.write(0, 8, 42);
    run.destination.write(0, 8, 42);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, run::finish);
  }
}
