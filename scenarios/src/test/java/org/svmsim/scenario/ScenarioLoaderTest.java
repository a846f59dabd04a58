package org.svmsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.svmsim.scenario.unit.ByteSize;
import org.svmsim.scenario.unit.SimDuration;

class ScenarioLoaderTest {
  @Test
  void defaultsFillWhatTheScenarioLeavesOut() {
    Scenario s = Scenarios.load(Scenarios.minimal());
    assertEquals("mini", s.name());
    assertEquals("", s.description());
    assertEquals(Instant.parse("2016-05-19T12:41:00Z"), s.start());
    assertEquals(24, s.host().cpus());
    assertEquals(List.of(34821, 34803), s.host().rescan().worlds());
    assertEquals(ByteSize.parse("1MiB"), s.datastores().get(0).blockSize());
    assertEquals(ByteSize.parse("8MiB"), s.datastores().get(1).blockSize());
    assertEquals("thick", s.vms().get(0).disks().get(0).provisioning());
    assertEquals(10.0, s.vms().get(0).workload().iops());
    assertEquals("mirror", s.timeline().get(1).method());
    assertEquals(SimDuration.ofSeconds(100), s.timeline().get(1).options().maxSwitchover());
    assertEquals(List.of("mirror"), s.relocateMethods());
  }

  @Test
  void aScenarioRoundTripsThroughYamlAndJson() throws Exception {
    Scenario s = Scenarios.load(Scenarios.minimal(), Overrides.none().withSet("vms[0].workload.iops=12.5"));
    assertEquals(s, Scenarios.load(Mappers.yaml().writeValueAsString(s)));
    assertEquals(s, Scenarios.load(Mappers.json().writeValueAsString(s)));
  }

  private static ScenarioException error(String text) {
    return assertThrows(ScenarioException.class, () -> Scenarios.load(text));
  }

  private static String replace(String from, String to) {
    String text = Scenarios.minimal();
    assertTrue(text.contains(from), from);
    return text.replace(from, to);
  }

  @Test
  void aBadUnitNamesTheFileTheFieldAndTheValue() {
    ScenarioException e = error(replace("size: 1GiB", "size: 16QB"));
    assertEquals("test.yaml", e.source());
    assertEquals("vms[0].disks[0].size", e.path());
    assertTrue(e.detail().startsWith("bad value \"16QB\": expected a size like 16GiB"), e.detail());
    assertEquals("test.yaml: vms[0].disks[0].size: " + e.detail(), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "size: 1GiB | size: 1000B | vms[0].disks[0].size | bad value \"1000B\": must be a positive multiple of 512",
      "worldId: 1000 | worldId: 0 | vms[0].worldId | bad value \"0\": must be at least 1",
      "worldId: 1000 | worldId: x | vms[0].worldId | bad value \"x\": expected an integer",
      "worldId: 1000 | worldId: 1.5 | vms[0].worldId | bad value \"1.5\": expected an integer",
      "worldId: 1000 | worldId: [1] | vms[0].worldId | bad value \"[1]\": expected an integer",
      "name: mini | name: 'a b' | name | bad value \"a b\": expected letters",
      "uuid: 11111111-22222222-3333-444444444444 | uuid: nope | datastores[0].uuid | bad value \"nope\": expected a VMFS uuid",
      "blockSize: 8MiB | blockSize: 3MiB | datastores[1].blockSize | bad value \"3MiB\": must be a power of two",
      "action: powerOff | action: reboot | timeline[2].action | bad value \"reboot\": expected one of powerOn, relocate, powerOff",
      "worldId: 1000 | worldId: 1000\\n    extra: 1 | vms[0].extra | unknown field (known fields: boot, datastore, disks",
      "name: mini | name: mini\\nstart: noon | start | bad value \"noon\": expected an ISO-8601 UTC instant",
      "name: mini | name: mini\\ndescription: ~ | description | missing",
      "name: mini | name: mini\\ndescription: \"two\\x0alines\" | description | bad value \"two\\nlines\": must be one line",
      "name: mini | name: mini\\nlesson: ~ | lesson | missing",
      "name: mini | name: mini\\nhost: {rescan: {worlds: 5}} | host.rescan.worlds | bad value \"5\": expected a list",
      "blockSize: 8MiB | blockSize: 8MiB\\n    performance: {bandwidth: 9GB/s} | datastores[1].performance.bandwidth | bad value \"9GB/s\": must be at most 8GB/s",
      "datastore: a | datastore: [a] | vms[0].datastore | bad value \"[\"a\"]\": expected a single value",
  })
  void badValuesAreLocated(String from, String to, String path, String detail) {
    ScenarioException e = error(replace(from, to.replace("\\n", "\n")));
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.detail().startsWith(detail), e.getMessage());
  }

  @Test
  void aMissingRequiredFieldIsNamed() {
    ScenarioException e = error(replace("    worldId: 1000\n", ""));
    assertEquals("vms[0].worldId", e.path());
    assertTrue(e.detail().startsWith("missing"), e.detail());
    assertEquals("name", error(replace("name: mini\n", "")).path());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "datastore: a | datastore: c | vms[0].datastore | bad value \"c\": no datastore has that name or uuid",
      "destination: b | destination: a | timeline[1].destination | bad value \"a\": vm1 is already there",
      "destination: b | destination: zz | timeline[1].destination | bad value \"zz\": no datastore",
      "at: 10s | at: 10m | timeline[2].at | bad value \"5m\": the timeline must be in order",
      "at: 0s, action: powerOn | at: 0s, action: powerOff | timeline[0].action | bad value \"powerOff\": vm1 is not on",
      "- name: b | - name: a | datastores[1].name | bad value \"a\": names another datastore",
      "worldId: 1000 | worldId: 34821 | vms[0].worldId | bad value \"34821\": is another VM's or a rescan world's id",
      "size: 1GiB | size: 1GiB\\n        handle: 0abc\\n        destinationHandle: ABC | vms[0].disks[0].destinationHandle | bad value \"abc\": is another disk's",
      "pid: 999 | pid: 999\\n    vcpus: 32 | vms[0].vcpus | bad value \"32\": the host has 24 cpus",
      "size: 1GiB | size: 16MiB\\n    workload: {ioSize: 32MiB} | vms[0].workload.ioSize | bad value \"32MiB\": larger than",
      "vm: vm1, destination: b | vm: vm2, destination: b | timeline[1].vm | bad value \"vm2\": no VM has that name",
  })
  void crossFieldRulesAreLocated(String from, String to, String path, String detail) {
    ScenarioException e = error(replace(from, to.replace("\\n", "\n")));
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.detail().startsWith(detail), e.getMessage());
  }

  @Test
  void disksThatDoNotFitOnTheirDatastoreAreRefused() {
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> Scenarios.load(Scenarios.minimal(), Overrides.none().withSet("vms[0].disks[0].size=60TiB")));
    assertEquals("vms[0].disks", e.path());
    assertTrue(e.detail().contains("free for the VMs placed on it"), e.detail());
  }

  @Test
  void aRelocateOfAVmThatIsOffIsRefused() {
    ScenarioException e = error(replace("  - {at: 0s, action: powerOn, vm: vm1}\n", ""));
    assertEquals("timeline[0].action", e.path());
    assertTrue(e.detail().contains("is not on"), e.detail());
  }

  @Test
  void syntaxErrorsGiveTheLine() {
    ScenarioException e = error("name: x\nvms: [\n  foo: : bar\n");
    assertEquals("", e.path());
    assertTrue(e.detail().matches("line \\d+, column \\d+: syntax error: .+"), e.detail());
  }

  @Test
  void duplicateKeysAreRefused() {
    ScenarioException e = error(Scenarios.minimal() + "name: again\n");
    assertTrue(e.detail().contains("Duplicate field 'name'"), e.detail());
  }

  @Test
  void theTopMustBeAMapping() {
    assertTrue(error("- a\n- b\n").detail().startsWith("expected a mapping"));
    assertTrue(error("").detail().startsWith("empty"));
    assertTrue(error("# only a comment\n").detail().startsWith("empty"));
  }

  @Test
  void unknownScenarioNamesListTheBundledOnes() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("nope", Overrides.none()));
    assertEquals("nope", e.source());
    assertTrue(e.detail().contains("seed, quick, big-disk"), e.detail());
    ScenarioException f = assertThrows(ScenarioException.class,
        () -> ScenarioLoader.load("missing/dir/x.yaml", Overrides.none()));
    assertEquals("missing/dir/x.yaml: cannot read the file: no such file", f.getMessage());
  }
}
