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
    assertTrue(r.guestWrites() > 0, "the guest wrote");
    assertEquals(r.guestWrites(), r.latency().getTotalCount(), "every write's latency is recorded");
    assertTrue(r.outcome().bytesCopied() >= SECTORS * 512);
    if (method == Method.MIRROR) {
      assertEquals(1, r.outcome().passes(), "the mirror copies in one pass");
    }
  }

  @Test
  void aCorruptedDestinationFailsTheCheck() {
    Migration.Prepared p = migration(Method.MIRROR, 0, 0).prepare();
    Method.Running running = Method.MIRROR.start(p.source, p.destination, Store.MEMORY::create);
    org.svmsim.bench.GuestWriters guest = new org.svmsim.bench.GuestWriters(0, 0, Locality.UNIFORM, SECTORS, 8, 1,
        Migration.FILL, running.sink()).start();
    running.migrate(guest, 512);
    guest.close();
    p.destination.write(100, 1, 42);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> running.check(guest));
  }
}
