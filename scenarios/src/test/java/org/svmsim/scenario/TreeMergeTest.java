package org.svmsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TreeMergeTest {
  private static JsonNode yaml(String text) throws Exception {
    return Mappers.yaml().readTree(text);
  }

  @Test
  void templateIsMergedUnderEveryElement() throws Exception {
    JsonNode defaults = yaml("items: [ {size: 1MiB, kind: thick} ]");
    JsonNode merged = TreeMerge.merge(defaults, yaml("items: [ {name: a}, {name: b, size: 8MiB} ]"));
    assertEquals(yaml("items: [ {size: 1MiB, kind: thick, name: a}, {size: 8MiB, kind: thick, name: b} ]"), merged);
  }

  @Test
  void nestedTemplatesMergeAtEveryDepth() throws Exception {
    JsonNode defaults = yaml("vms: [ {vcpus: 2, disks: [ {provisioning: thick} ], workload: {iops: 10, io: 4KiB}} ]");
    JsonNode merged = TreeMerge.merge(defaults,
        yaml("vms: [ {disks: [ {size: 1GiB}, {size: 2GiB, provisioning: thin} ], workload: {iops: 1}} ]"));
    assertEquals(yaml("vms: [ {vcpus: 2, disks: [ {provisioning: thick, size: 1GiB}, "
        + "{provisioning: thin, size: 2GiB} ], workload: {iops: 1, io: 4KiB}} ]"), merged);
  }

  @Test
  void listsOfScalarsAreReplacedWholesale() throws Exception {
    JsonNode merged = TreeMerge.merge(yaml("worlds: [1, 2, 3]\nat: []"), yaml("worlds: [9]\nat: [1s, 2s]"));
    assertEquals(yaml("worlds: [9]\nat: [1s, 2s]"), merged);
  }

  @Test
  void anAbsentTemplatedListHasNoElements() throws Exception {
    JsonNode merged = TreeMerge.merge(yaml("items: [ {size: 1MiB} ]\nworlds: [1]"), yaml("other: 1"));
    assertEquals(yaml("items: []\nworlds: [1]\nother: 1"), merged);
  }

  @Test
  void theDefaultsAreNotModified() throws Exception {
    JsonNode defaults = yaml("a: {b: 1}\nitems: [ {c: 2} ]");
    JsonNode copy = defaults.deepCopy();
    TreeMerge.merge(defaults, yaml("a: {b: 5}\nitems: [ {c: 3}, {d: 4} ]"));
    assertEquals(copy, defaults);
  }

  @Test
  void unknownKeysPassThroughForBindingToReject() throws Exception {
    JsonNode merged = TreeMerge.merge(yaml("a: {b: 1}"), yaml("a: {typo: 2}"));
    assertTrue(merged.path("a").has("typo"));
    assertEquals(1, merged.path("a").path("b").asInt());
  }

  @Test
  void theBundledDefaultsUseTemplatesForEveryListOfObjects() {
    JsonNode d = ScenarioLoader.defaults();
    for (String list : new String[] {"datastores", "vms", "timeline"}) {
      assertTrue(TreeMerge.isTemplate(d.get(list)), list);
    }
    assertTrue(TreeMerge.isTemplate(d.get("vms").get(0).get("disks")));
    assertTrue(d.path("host").path("rescan").path("worlds").isArray());
  }
}
