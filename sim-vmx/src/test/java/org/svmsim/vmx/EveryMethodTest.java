package org.svmsim.vmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.copy.dbt.DbtPolicy;
import org.svmsim.kernel.copy.snapshot.SnapshotPolicy;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.vmx.config.WorkloadConfig;

/**
 * Every method, across 210 seeds and the three localities, at write rates from light to beyond the copy
 * rate: at the switchover the destination equals the source block for block, and no acknowledged write
 * is lost, whether the migration succeeds or fails. Small disks keep it fast.
 */
class EveryMethodTest {
  private static final long SECTORS = (16L << 20) / 512;
  private static final int SEEDS_PER_LOCALITY = 70;
  private static final double[] IOPS = {50, 800, 6000};

  static MigrationOptions options(long seed) {
    // Tight policies so that some runs converge, some are forced and some fail.
    DbtPolicy dbt = new DbtPolicy(128, 1L << 20, 5, 2,
        seed % 2 == 0 ? DbtPolicy.GiveUp.FAIL : DbtPolicy.GiveUp.FORCE_FINAL, seed % 4 == 1, 2L << 20);
    SnapshotPolicy snapshot = new SnapshotPolicy(seed % 3 == 0 ? 8 : 128, 1L << 20, 5, 2);
    return new MigrationOptions(512, "auto", 100 * VirtualTime.SECOND, dbt, snapshot);
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void theDestinationEqualsTheSourceAtSwitchoverAndNoWriteIsEverLost(Method method) {
    Map<String, Integer> outcomes = new TreeMap<>();
    for (WorkloadConfig.Locality locality : WorkloadConfig.Locality.values()) {
      for (long seed = 1; seed <= SEEDS_PER_LOCALITY; seed++) {
        String where = method + " " + locality + " seed " + seed;
        WorkloadConfig w = new WorkloadConfig(IOPS[(int) (seed % IOPS.length)], 0.3, 8, locality, 0.1, 0.9);
        VmxHarness h = new VmxHarness(seed, SECTORS, w, 2048, 1 << 20, 1L << 40);
        h.powerOnAndMigrate(2 * VirtualTime.SECOND, method, options(seed));
        VmxEvent.SvmotionFinished done = h.runMigration(200 * VirtualTime.MILLISECOND);
        assertNotNull(done, where + ": the migration never finished");
        for (VmxEvent.ConsistencyChecked c : h.all(VmxEvent.ConsistencyChecked.class)) {
          assertTrue(c.consistent(), where + ": destination differs at sector " + c.firstDifference());
        }
        assertEquals(done.success() ? VmxHarness.DST : VmxHarness.SRC, h.process().home(), where);
        if (done.success()) {
          assertEquals(1, h.all(VmxEvent.ConsistencyChecked.class).size(), where);
        }
        assertEquals(0, h.lostWrites(), where + ": acknowledged writes lost");
        outcomes.merge(done.success() ? "success" : "failed", 1, Integer::sum);
      }
    }
    assertTrue(outcomes.getOrDefault("success", 0) > 0, method + ": " + outcomes);
    if (method != Method.MIRROR) {
      assertTrue(outcomes.getOrDefault("failed", 0) > 0, method + " never gave up: " + outcomes);
    } else {
      assertEquals(Map.of("success", 3 * SEEDS_PER_LOCALITY), outcomes, "the mirror always converges");
    }
  }
}
