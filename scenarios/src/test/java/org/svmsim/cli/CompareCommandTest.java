package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code svmsim compare}: three runs of one workload, their trees, compare.json, the chart, the table. */
class CompareCommandTest {
  @TempDir
  Path tmp;

  @Test
  void comparesTheThreeMethodsOnTheSameWorkload() throws Exception {
    Path out = tmp.resolve("cmp");
    Cli r = Cli.run("compare", "quick", "--set", "vms[0].disks[0].size=64MiB", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("method") && r.out().contains("snapshot"), r.out());
    JsonNode json = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
    List<String> methods = new ArrayList<>();
    json.get("runs").forEach(run -> methods.add(run.get("method").asText()));
    assertEquals(List.of("mirror", "dbt", "snapshot"), methods);
    json.get("runs").forEach(run -> assertEquals(0, run.get("lostWrites").asLong(), run.toString()));
    for (String m : methods) {
      assertTrue(Files.exists(out.resolve(m).resolve("summary.json")), m);
      assertTrue(Files.exists(out.resolve(m).resolve("var/log/vmkernel.log")), m);
    }
    byte[] png = Files.readAllBytes(out.resolve("compare.png"));
    assertTrue(png.length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG chart");
    Path page = out.resolve("report.html");
    assertTrue(org.svmsim.report.ReportFile.ours(page), "compare writes the side-by-side report.html");
    assertTrue(Files.size(page) > Files.size(out.resolve("mirror").resolve("report.html")),
        "the comparison page holds more than one run");
  }
}
