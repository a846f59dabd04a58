package org.svmsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.svmsim.scenario.unit.ByteSize;
import org.svmsim.scenario.unit.SimDuration;

class BundledScenariosTest {
  static List<String> names() {
    return BundledScenarios.names();
  }

  @Test
  void theIndexListsTheBundledScenarios() {
    assertEquals(List.of("seed", "quick", "big-disk", "idle-vm", "light-db", "write-storm", "hot-spot",
        "slow-destination"), names());
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyBundledScenarioLoadsValidatesAndAssembles(String name) throws Exception {
    Scenario s = ScenarioLoader.load(name, Overrides.none());
    assertEquals(name, s.name());
    assertFalse(s.description().isBlank());
    assertTrue(s.lesson().length() > 200, "a lesson is a paragraph: " + s.lesson());
    ScenarioAssembly a = ScenarioAssembly.of(s);
    assertEquals(s.timeline().size(), a.timeline().size());
    // show's output loads back to the same scenario
    assertEquals(s, ScenarioLoader.parse(Mappers.yaml().writeValueAsString(s), "shown", Overrides.none()));
  }

  private static SimDuration since(Instant start, String isoTime) {
    return SimDuration.ofNanos(Duration.between(start, Instant.parse(isoTime)).toNanos());
  }

  @Test
  void seedPinsTheRescansAtTheBlogPostsProbeTimes() {
    Scenario s = ScenarioLoader.load("seed", Overrides.none());
    assertEquals(Instant.parse("2016-05-19T12:41:00Z"), s.start());
    List<SimDuration> probes = List.of(since(s.start(), "2016-05-19T13:00:25.159Z"),
        since(s.start(), "2016-05-19T13:07:32.032Z"), since(s.start(), "2016-05-19T13:16:10.123Z"),
        since(s.start(), "2016-05-19T13:25:12.841Z"));
    assertEquals(probes, s.host().rescan().at());
    assertEquals(List.of(34821, 34803), s.host().rescan().worlds());
    assertEquals("6.0.0", s.host().version());
    assertEquals("3620759", s.host().build());
    assertEquals(24, s.host().cpus());
  }

  @Test
  void seedMovesW12FromA1MiBToAn8MiBDatastoreInMirrorMode() {
    Scenario s = ScenarioLoader.load("seed", Overrides.none());
    VmSpec vm = s.vms().get(0);
    assertEquals("W1_2", vm.name());
    assertEquals(808643, vm.worldId());
    DiskSpec disk = vm.disks().get(0);
    assertEquals(33554432L, disk.size().sectors());
    assertEquals("thick", disk.provisioning());
    assertEquals("10a80a6", disk.handle());
    assertEquals("819390", disk.destinationHandle());
    ActionSpec relocate = s.timeline().get(1);
    assertEquals("relocate", relocate.action());
    assertEquals("mirror", relocate.method());
    assertEquals(SimDuration.parse("18m29.640s"), relocate.at());
    DatastoreSpec from = ScenarioValidator.datastore(s.datastores(), vm.datastore()).orElseThrow();
    DatastoreSpec to = ScenarioValidator.datastore(s.datastores(), relocate.destination()).orElseThrow();
    assertEquals("5739734e-f309ac87-4491-f8bc123449c2", to.uuid());
    assertEquals(ByteSize.parse("1MiB"), from.blockSize());
    assertEquals(ByteSize.parse("8MiB"), to.blockSize());
    // The power-off comes well after the seed's mirror destroy at 13:27:20.668.
    assertTrue(s.timeline().get(2).at().compareTo(since(s.start(), "2016-05-19T13:27:20.668Z")) > 0);
  }

  @Test
  void quickIsSmallAndUsesFs3dm() {
    Scenario s = ScenarioLoader.load("quick", Overrides.none());
    assertEquals(ByteSize.parse("1GiB"), s.vms().get(0).disks().get(0).size());
    assertEquals("fs3dm", s.timeline().get(1).options().mover());
    assertEquals(s.datastores().get(0).blockSize(), s.datastores().get(1).blockSize());
    assertTrue(s.vms().get(0).workload().iops() >= 100);
  }

  @Test
  void bigDiskMovesTwoTebibytesInLargeChunks() {
    Scenario s = ScenarioLoader.load("big-disk", Overrides.none());
    assertEquals(ByteSize.parse("2TiB"), s.vms().get(0).disks().get(0).size());
    assertEquals("mirror", s.timeline().get(1).method());
    assertEquals(ByteSize.parse("64MiB"), s.timeline().get(1).options().chunkSize());
    assertEquals("hotset", s.vms().get(0).workload().locality());
    assertEquals(s.datastores().get(0).blockSize(), s.datastores().get(1).blockSize());
    assertNotEquals(s.datastores().get(0).uuid(), s.datastores().get(1).uuid());
  }
}
