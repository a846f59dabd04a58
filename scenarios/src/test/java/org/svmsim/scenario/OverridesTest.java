package org.svmsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.scenario.unit.ByteSize;

class OverridesTest {
  private static Scenario with(Overrides o) {
    return Scenarios.load(Scenarios.minimal(), o);
  }

  @Test
  void dottedAndBracketedIndexesAreTheSamePath() {
    Scenario dotted = with(Overrides.none().withSet("vms.0.workload.iops=50"));
    Scenario bracketed = with(Overrides.none().withSet("vms[0].workload.iops=50"));
    assertEquals(50.0, dotted.vms().get(0).workload().iops());
    assertEquals(dotted, bracketed);
  }

  @Test
  void valuesAreReadAsYamlScalars() {
    Scenario s = with(Overrides.none()
        .withSet("vms[0].disks[0].size=16GiB")
        .withSet("host.cpus=8")
        .withSet("datastores[1].vaai=true")
        .withSet("host.build=3620759")
        .withSet("host.rescan.worlds=[7, 8]")
        .withSet("description=")
        .withSet("timeline[1].options.maxSwitchover=30s"));
    assertEquals(ByteSize.parse("16GiB"), s.vms().get(0).disks().get(0).size());
    assertEquals(8, s.host().cpus());
    assertTrue(s.datastores().get(1).vaai());
    assertEquals("3620759", s.host().build());
    assertEquals(List.of(7, 8), s.host().rescan().worlds());
    assertEquals("", s.description());
    assertEquals(30_000_000_000L, s.timeline().get(1).options().maxSwitchover().nanos());
  }

  @Test
  void textThatLooksLikeAMappingStaysText() {
    Scenario s = with(Overrides.none().withSet("description=note: slow copy"));
    assertEquals("note: slow copy", s.description());
  }

  @Test
  void theLastSetWins() {
    Scenario s = with(Overrides.none().withSeed(5).withSet("seed=6").withSet("seed=7"));
    assertEquals(7, s.seed());
  }

  @Test
  void seedAndMethodOverride() {
    Scenario s = with(Overrides.none().withSeed(99).withMethod("dbt"));
    assertEquals(99, s.seed());
    assertEquals("dbt", s.timeline().get(1).method());
    // Only relocates change: the other actions keep the default.
    assertEquals("mirror", s.timeline().get(0).method());
    assertEquals(List.of("dbt"), s.relocateMethods());
  }

  @Test
  void anUnknownPathIsNamed() {
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> with(Overrides.none().withSet("vms[0].workload.iopz=5")));
    assertEquals("--set vms[0].workload.iopz=5", e.source());
    assertEquals("vms[0].workload.iopz", e.path());
    assertTrue(e.detail().startsWith("unknown path: vms[0].workload has no field iopz"), e.detail());
  }

  @Test
  void anIndexPastTheEndIsAnUnknownPath() {
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> with(Overrides.none().withSet("vms.3.workload.iops=5")));
    assertEquals("vms[3].workload.iops", e.path());
    assertTrue(e.detail().contains("vms has 1 element(s), no 3"), e.detail());
  }

  @Test
  void aPathThroughAScalarIsAnUnknownPath() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> with(Overrides.none().withSet("seed.x=1")));
    assertTrue(e.detail().contains("seed is a single value"), e.detail());
  }

  @Test
  void anAssignmentNeedsAnEqualsSign() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> with(Overrides.none().withSet("seed")));
    assertTrue(e.detail().startsWith("expected path=value"), e.detail());
  }

  @Test
  void aBadValueFromAFlagIsBlamedOnTheFlag() {
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> with(Overrides.none().withSet("vms[0].disks[0].size=16QB")));
    assertEquals("--set vms[0].disks[0].size=16QB", e.source());
    assertEquals("vms[0].disks[0].size", e.path());
    ScenarioException m = assertThrows(ScenarioException.class, () -> with(Overrides.none().withMethod("warp")));
    assertEquals("--method warp", m.source());
    assertEquals("timeline[1].method", m.path());
    ScenarioException d = assertThrows(ScenarioException.class,
        () -> with(Overrides.none().withSet("timeline[1].destination=nowhere")));
    assertEquals("--set timeline[1].destination=nowhere", d.source());
  }
}
