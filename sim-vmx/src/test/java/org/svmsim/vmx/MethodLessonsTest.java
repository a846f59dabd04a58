package org.svmsim.vmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.copy.dbt.DbtPolicy;
import org.svmsim.kernel.copy.snapshot.SnapshotPolicy;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.vmx.config.WorkloadConfig;

/** What the comparison of the methods is for (issue 5): each lesson, asserted on the simulated flow. */
class MethodLessonsTest {
  private static final long SECTORS = (256L << 20) / 512;
  private static final long MIGRATE_AT = 2 * VirtualTime.SECOND;

  private static WorkloadConfig writes(double iops) {
    return new WorkloadConfig(iops, 0.0, 8, WorkloadConfig.Locality.UNIFORM, 0.1, 0.9);
  }

  private static MigrationOptions options(DbtPolicy dbt) {
    return new MigrationOptions(2048, "auto", 100 * VirtualTime.SECOND, dbt, SnapshotPolicy.defaults());
  }

  private static VmxHarness run(long seed, Method method, WorkloadConfig w, MigrationOptions o) {
    return run(seed, SECTORS, method, w, o);
  }

  private static VmxHarness run(long seed, long sectors, Method method, WorkloadConfig w, MigrationOptions o) {
    VmxHarness h = new VmxHarness(seed, sectors, w, 2048, 1 << 20, 1L << 40);
    h.powerOnAndMigrate(MIGRATE_AT, method, o);
    h.runMigration(100 * VirtualTime.MILLISECOND);
    return h;
  }

  private static VmxEvent.SvmotionFinished finished(VmxHarness h) {
    return h.all(VmxEvent.SvmotionFinished.class).get(0);
  }

  /** From StartSvmotion to SvmotionFinished. */
  private static long migrationNanos(VmxHarness h) {
    long[] t = {-1, -1};
    h.loopTimes().forEach((time, e) -> {
      if (e instanceof VmxEvent.StartSvmotion && t[0] < 0) {
        t[0] = time;
      } else if (e instanceof VmxEvent.SvmotionFinished) {
        t[1] = time;
      }
    });
    return t[1] - t[0];
  }

  private static List<Long> dirtyPerUnstunnedPass(VmxHarness h) {
    return h.all(VmxEvent.CopyPassEnded.class).stream().filter(p -> !p.stunned())
        .map(VmxEvent.CopyPassEnded::pendingBytes).toList();
  }

  private static long stoppedMicros(VmxHarness h) {
    return h.all(VmxEvent.VmUnstunned.class).stream().mapToLong(VmxEvent.VmUnstunned::stoppedMicros).sum();
  }

  @Test
  void theMirrorTakesDiskSizeOverCopyRateWhateverTheGuestWritesAndAlwaysConverges() {
    VmxHarness idle = run(3, Method.MIRROR, writes(0), options(DbtPolicy.defaults()));
    long base = migrationNanos(idle);
    for (double iops : new double[] {100, 1000, 4000}) {
      VmxHarness busy = run(3, Method.MIRROR, writes(iops), options(DbtPolicy.defaults()));
      assertTrue(finished(busy).success(), iops + " IOPS: " + finished(busy).reason());
      double ratio = (double) migrationNanos(busy) / base;
      assertTrue(ratio < 1.15, iops + " IOPS: migration took " + ratio + " times the idle VM's");
      assertEquals(1, busy.all(KernelEvent.CopyPassStarted.class).size(), "exactly one pass");
    }
  }

  @Test
  void dbtPassesShrinkWhenTheGuestDirtiesFarSlowerThanTheCopy() {
    // 50 writes/s dirty ~3 MiB/s of 64 KiB blocks; the copy moves 200 MB/s, ~28 MB/s in scattered blocks.
    DbtPolicy policy = DbtPolicy.defaults().withFinalPassBytes(256L << 10);
    VmxHarness h = run(5, Method.DBT, writes(50), options(policy));
    assertTrue(finished(h).success(), finished(h).reason());
    List<Long> dirty = dirtyPerUnstunnedPass(h);
    assertTrue(dirty.size() >= 3, "a few passes: " + dirty);
    for (int i = 1; i < dirty.size(); i++) {
      assertTrue(dirty.get(i) < dirty.get(i - 1), "passes shrink: " + dirty);
    }
    assertTrue(dirty.get(dirty.size() - 1) <= 256L << 10, dirty.toString());
  }

  @Test
  void dbtFailsOrStunsLongWhenTheGuestDirtiesFasterThanTheCopy() {
    // 64 KiB blocks dirtied by 4 KiB writes at 6000 IOPS: ~390 MB/s of dirty data against a 200 MB/s copy.
    long small = SECTORS / 4;
    DbtPolicy fail = DbtPolicy.defaults().withFinalPassBytes(1L << 20);
    DbtPolicy force = fail.withPasses(10, 2, DbtPolicy.GiveUp.FORCE_FINAL);
    VmxHarness calm = run(7, small, Method.DBT, writes(50), options(force));
    assertTrue(finished(calm).success(), finished(calm).reason());
    VmxHarness failing = run(7, small, Method.DBT, writes(6000), options(fail));
    VmxEvent.SvmotionFinished failed = finished(failing);
    assertFalse(failed.success(), "did not converge, did not fail");
    assertTrue(failed.reason().contains("did not converge"), failed.reason());
    assertEquals(VmxHarness.SRC, failing.process().home());
    assertEquals(0, failing.lostWrites());

    VmxHarness forced = run(7, small, Method.DBT, writes(6000), options(force));
    assertTrue(finished(forced).success(), finished(forced).reason());
    assertEquals(0, forced.lostWrites());
    assertTrue(stoppedMicros(forced) > 4 * stoppedMicros(calm),
        "forced " + stoppedMicros(forced) + " us stopped, calm " + stoppedMicros(calm) + " us");
  }

  @Test
  void snapshotRedoLogBytesGrowWithTheWriteRate() {
    long previous = -1;
    for (double iops : new double[] {20, 200, 1000}) {
      VmxHarness h = run(11, SECTORS / 4, Method.SNAPSHOT, writes(iops), options(DbtPolicy.defaults()));
      long redo = h.all(VmxEvent.CopyPassEnded.class).stream().filter(p -> p.pass() > 1)
          .mapToLong(VmxEvent.CopyPassEnded::copiedBytes).sum();
      assertTrue(finished(h).success(), iops + " IOPS: " + finished(h).reason());
      assertEquals(0, h.lostWrites());
      assertTrue(redo > previous, iops + " IOPS: " + redo + " redo-log bytes, not more than " + previous);
      previous = redo;
    }
  }

  @Test
  void underTheSameLoadTheMirrorsWriteLatencyP99ExceedsDbts() {
    WorkloadConfig load = new WorkloadConfig(800, 0.5, 8, WorkloadConfig.Locality.UNIFORM, 0.1, 0.9);
    long mirror = p99(duringCopy(run(9, Method.MIRROR, load, options(DbtPolicy.defaults()))));
    long dbt = p99(duringCopy(run(9, Method.DBT, load, options(DbtPolicy.defaults()))));
    assertTrue(mirror > dbt, "mirror p99 " + mirror + " ns, DBT p99 " + dbt + " ns");
  }

  /** Write latencies of the writes completed while the first copy pass ran. */
  private static long[] duringCopy(VmxHarness h) {
    long[] window = {-1, -1};
    List<long[]> lat = new java.util.ArrayList<>();
    h.loopTimes().forEach((time, e) -> {
      if (e instanceof KernelEvent.CopyPassStarted && window[0] < 0) {
        window[0] = time;
      } else if (e instanceof KernelEvent.CopyPassCompleted && window[1] < 0) {
        window[1] = time;
      } else if (e instanceof KernelEvent.GuestIoCompleted c && c.write() && window[0] >= 0 && window[1] < 0) {
        lat.add(new long[] {c.latencyNanos()});
      }
    });
    return lat.stream().mapToLong(a -> a[0]).toArray();
  }

  private static long p99(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.99) - 1)];
  }
}
