package org.svmsim.vmx.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.vmx.config.WorkloadConfig;
import org.svmsim.vmx.config.WorkloadConfig.Locality;

class WorkloadGeneratorTest {
  private static final int N = 20_000;

  private static WorkloadGenerator gen(double iops, double readRatio, long ioSectors, Locality locality,
      double hotFraction, double hotProbability, long capacity) {
    return new WorkloadGenerator(new WorkloadConfig(iops, readRatio, ioSectors, locality, hotFraction,
        hotProbability), new SimRandom(17).split("workload0"), capacity);
  }

  private static List<WorkloadGenerator.NextIo> draw(WorkloadGenerator g, int n) {
    List<WorkloadGenerator.NextIo> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(g.next());
    }
    return out;
  }

  @Test
  void arrivalsComeAtTheConfiguredRate() {
    List<WorkloadGenerator.NextIo> ios = draw(gen(400, 0.5, 8, Locality.UNIFORM, 1, 0, 1 << 20), N);
    double mean = ios.stream().mapToLong(WorkloadGenerator.NextIo::delayNanos).average().orElseThrow();
    double expected = VirtualTime.SECOND / 400.0;
    assertTrue(Math.abs(mean - expected) < 0.05 * expected, "mean gap " + mean + " ns");
    assertTrue(ios.stream().allMatch(io -> io.delayNanos() >= 1));
  }

  @Test
  void readsAndWritesComeInTheConfiguredMix() {
    long reads = draw(gen(100, 0.3, 8, Locality.UNIFORM, 1, 0, 1 << 20), N).stream()
        .filter(io -> !io.write()).count();
    assertTrue(Math.abs(reads / (double) N - 0.3) < 0.02, "read share " + reads / (double) N);
    assertTrue(draw(gen(100, 0, 8, Locality.UNIFORM, 1, 0, 1 << 20), 1000).stream()
        .allMatch(WorkloadGenerator.NextIo::write));
    assertTrue(draw(gen(100, 1, 8, Locality.UNIFORM, 1, 0, 1 << 20), 1000).stream()
        .noneMatch(WorkloadGenerator.NextIo::write));
  }

  @Test
  void aHotSetTakesItsShareOfTheIos() {
    long capacity = 1 << 20;
    List<WorkloadGenerator.NextIo> ios = draw(gen(100, 0.5, 8, Locality.HOTSET, 0.1, 0.8, capacity), N);
    long hotEnd = (long) (capacity / 8 * 0.1) * 8;
    long hot = ios.stream().filter(io -> io.lba() + io.sectors() <= hotEnd).count();
    assertTrue(Math.abs(hot / (double) N - 0.8) < 0.02, "hot share " + hot / (double) N);
    // The rest spreads over the cold part, not only its start.
    assertTrue(ios.stream().anyMatch(io -> io.lba() > capacity * 9 / 10), "no I/O near the end");
  }

  @Test
  void uniformIosSpreadOverTheWholeDisk() {
    long capacity = 1 << 20;
    List<WorkloadGenerator.NextIo> ios = draw(gen(100, 0.5, 8, Locality.UNIFORM, 1, 0, capacity), N);
    long firstTenth = ios.stream().filter(io -> io.lba() < capacity / 10).count();
    assertTrue(Math.abs(firstTenth / (double) N - 0.1) < 0.02, "first tenth " + firstTenth / (double) N);
  }

  @Test
  void aHotSetOfTheWholeDiskNeverDrawsFromAnEmptyColdPart() {
    List<WorkloadGenerator.NextIo> ios = draw(gen(100, 0.5, 8, Locality.HOTSET, 1, 0, 800), 2000);
    assertTrue(ios.stream().allMatch(io -> io.lba() + io.sectors() <= 800));
  }

  @Test
  void sequentialIosWalkTheDiskAndWrap() {
    // 100 sectors in 16-sector I/Os: 6 whole slots, the last 4 sectors are never touched.
    List<WorkloadGenerator.NextIo> ios = draw(gen(100, 0.5, 16, Locality.SEQUENTIAL, 1, 0, 100), 14);
    assertEquals(List.of(0L, 16L, 32L, 48L, 64L, 80L, 0L, 16L, 32L, 48L, 64L, 80L, 0L, 16L),
        ios.stream().map(WorkloadGenerator.NextIo::lba).toList());
  }

  @Test
  void iosStayWithinTheDiskAndAreAligned() {
    for (Locality l : Locality.values()) {
      for (long capacity : new long[] {1, 7, 100, 1001}) {
        for (WorkloadGenerator.NextIo io : draw(gen(100, 0.5, 8, l, 0.3, 0.7, capacity), 500)) {
          String what = l + " on " + capacity + " sectors: " + io;
          assertTrue(io.lba() >= 0 && io.sectors() > 0 && io.lba() + io.sectors() <= capacity, what);
          assertEquals(0, io.lba() % io.sectors(), what);
          assertEquals(Math.min(8, capacity), io.sectors(), what);
        }
      }
    }
  }

  @Test
  void theSameStreamGivesTheSameIos() {
    assertEquals(draw(gen(100, 0.5, 8, Locality.HOTSET, 0.2, 0.9, 1 << 20), 200),
        draw(gen(100, 0.5, 8, Locality.HOTSET, 0.2, 0.9, 1 << 20), 200));
  }

  @Test
  void aGuestWithoutIopsIsInactive() {
    assertFalse(gen(0, 0.5, 8, Locality.UNIFORM, 1, 0, 100).active());
    assertTrue(gen(0.5, 0.5, 8, Locality.UNIFORM, 1, 0, 100).active());
  }
}
