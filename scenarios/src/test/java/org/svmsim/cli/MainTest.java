package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svmsim.scenario.Overrides;
import org.svmsim.scenario.Scenario;
import org.svmsim.scenario.ScenarioLoader;

class MainTest {
  @TempDir
  Path tmp;

  private static void assertUserError(Cli r, String expectedLine) {
    assertEquals(2, r.code(), r.err());
    assertEquals(expectedLine + System.lineSeparator(), r.err());
  }

  private static void assertOneLineUserError(Cli r, String... fragments) {
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("svmsim: "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    for (String f : fragments) {
      assertTrue(r.err().contains(f), "missing '" + f + "' in " + r.err());
    }
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text);
  }

  private String seedWith(String from, String to) throws Exception {
    Cli shown = Cli.run("show", "seed");
    assertTrue(shown.out().contains(from), from);
    return shown.out().replace(from, to);
  }

  @Test
  void listShowsEveryBundledScenarioWithItsDescription() {
    Cli r = Cli.run("list");
    assertEquals(0, r.code());
    String[] lines = r.out().split("\\R");
    assertEquals(8, lines.length, r.out());
    assertTrue(lines[0].matches("seed +The blog post's run: .*"), lines[0]);
    assertTrue(lines[1].matches("quick +1 GiB disk.*"), lines[1]);
    assertTrue(lines[2].matches("big-disk +2 TiB disk.*"), lines[2]);
    assertTrue(lines[5].matches("write-storm +A write storm .*"), lines[5]);
  }

  @Test
  void versionAndHelpExitZero() {
    Cli v = Cli.run("--version");
    assertEquals(0, v.code());
    assertTrue(v.out().startsWith("svmsim "), v.out());
    Cli h = Cli.run("--help");
    assertEquals(0, h.code());
    for (String command : new String[] {"run", "show", "replay", "list"}) {
      assertTrue(h.out().contains(command), command);
      Cli sub = Cli.run(command, "--help");
      assertEquals(0, sub.code(), sub.err());
      assertTrue(sub.out().startsWith("Usage: svmsim " + command), sub.out());
    }
  }

  @Test
  void showPrintsAScenarioThatLoadsBackUnchanged() throws Exception {
    for (String format : new String[] {"yaml", "json"}) {
      Cli r = Cli.run("show", "quick", "--format", format, "--seed", "9", "--set", "vms[0].workload.iops=77");
      assertEquals(0, r.code(), r.err());
      Path saved = write("quick-shown." + format, r.out());
      Scenario expected = ScenarioLoader.load("quick", Overrides.none().withSeed(9).withSet("vms[0].workload.iops=77"));
      assertEquals(expected, ScenarioLoader.load(saved.toString(), Overrides.none()));
      // and showing the saved file prints the same text again
      assertEquals(r.out(), Cli.run("show", saved.toString(), "--format", format).out());
    }
  }

  @Test
  void aShownScenarioRunsUnchanged() throws Exception {
    Path saved = write("seed.yaml", Cli.run("show", "seed").out());
    Path out = tmp.resolve("out");
    Cli r = Cli.run("run", saved.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isRegularFile(out.resolve("summary.json")));
    assertTrue(r.out().contains("output: " + out.toAbsolutePath()), r.out());
  }

  @Test
  void aBadValueNamesTheFileTheFieldAndTheValue() throws Exception {
    Path file = write("bad.yaml", seedWith("size: 16GiB", "size: 16QB"));
    assertUserError(Cli.run("run", file.toString(), "--out", tmp.resolve("o").toString()),
        "svmsim: " + file + ": vms[0].disks[0].size: bad value \"16QB\": expected a size like 16GiB, 512B or 16GB");
    assertFalse(Files.exists(tmp.resolve("o")));
  }

  @Test
  void anUnknownFieldIsNamed() throws Exception {
    Path file = write("typo.yaml", seedWith("    vcpus: 2\n", "    vcpu: 2\n"));
    assertOneLineUserError(Cli.run("show", file.toString()), file.toString(), "vms[0].vcpu: unknown field");
  }

  @Test
  void aYamlSyntaxErrorNamesTheLine() throws Exception {
    Path file = write("broken.yaml", "name: x\nvms: [\n  a: : b\n");
    assertOneLineUserError(Cli.run("show", file.toString()), file.toString(), "line ", "syntax error");
  }

  @Test
  void unknownScenariosAndUnreadableFilesAreUserErrors() {
    assertOneLineUserError(Cli.run("run", "nope"), "svmsim: nope: no such scenario", "seed, quick, big-disk");
    String missing = tmp.resolve("missing.yaml").toString();
    assertUserError(Cli.run("show", missing), "svmsim: " + missing + ": cannot read the file: no such file");
  }

  @Test
  void badOverridesAreUserErrors() {
    assertUserError(Cli.run("show", "seed", "--set", "vms[0].workload.iopz=5"),
        "svmsim: --set vms[0].workload.iopz=5: vms[0].workload.iopz: unknown path: vms[0].workload has no field "
            + "iopz (fields: iops, readRatio, ioSize, locality, hotFraction, hotProbability, outstanding)");
    assertOneLineUserError(Cli.run("show", "seed", "--method", "warp"),
        "svmsim: --method warp: timeline[1].method: bad value \"warp\"");
    assertOneLineUserError(Cli.run("show", "seed", "--seed", "many"), "--seed", "many");
    assertOneLineUserError(Cli.run("show", "seed", "--format", "xml"), "--format");
    assertOneLineUserError(Cli.run("frobnicate"), "frobnicate");
    assertOneLineUserError(Cli.run("run"), "SCENARIO");
    assertOneLineUserError(Cli.run(), "missing command");
  }

  @Test
  void aTypoNamesTheNearestCommandOrOptionAndPointsAtItsHelp() {
    assertUserError(Cli.run("rnu", "seed"), "svmsim: unknown command 'rnu': did you mean run? (see svmsim --help)");
    assertUserError(Cli.run("replya", "x"), "svmsim: unknown command 'replya': did you mean replay? (see svmsim --help)");
    assertUserError(Cli.run("run", "seed", "--froce"),
        "svmsim: unknown option '--froce': did you mean --force? (see svmsim run --help)");
    assertUserError(Cli.run("show", "seed", "--seed", "x"),
        "svmsim: Invalid value for option '--seed': 'x' is not a whole number (see svmsim show --help)");
  }

  @Test
  void nanAndInfinitiesNameTheirField() throws Exception {
    Path nan = write("nan.yaml", Cli.run("show", "quick").out().replaceFirst("iops: [0-9.]+", "iops: .nan"));
    assertOneLineUserError(Cli.run("show", nan.toString()), nan + ": vms[0].workload.iops: line ",
        "bad value \".nan\": expected a finite number");
    Path inf = write("inf.yaml", Cli.run("show", "quick").out().replaceFirst("readRatio: [0-9.]+", "readRatio: -.inf"));
    assertOneLineUserError(Cli.run("show", inf.toString()), "vms[0].workload.readRatio: line ", "\"-.inf\"");
    assertOneLineUserError(Cli.run("show", "quick", "--set", "vms[0].workload.iops=.nan"), "vms[0].workload.iops");
  }

  @Test
  void anEmptyTimelineIsBadInputAndWritesNothing() {
    Path out = tmp.resolve("idle");
    assertUserError(Cli.run("run", "quick", "--set", "timeline=[]", "--out", out.toString()),
        "svmsim: --set timeline=[]: timeline: bad value \"[]\": list at least one action (powerOn, relocate,"
            + " powerOff): a run without one has nothing to do");
    assertFalse(Files.exists(out));
  }

  @Test
  void aSetThatReplacesAMappingNamesWhatItDropped() {
    assertUserError(Cli.run("show", "quick", "--set", "host.rescan={first: 1s}"),
        "svmsim: --set host.rescan={first: 1s}: host.rescan.minInterval: missing: this field is required; that"
            + " --set replaced all of host.rescan, so its other fields lost their defaults (set one field at a time,"
            + " like --set host.rescan.minInterval=...)");
  }

  @Test
  void sizesRatesDurationsAndNamesHaveUpperBounds() {
    String name = "v".repeat(100_000);
    Cli r = Cli.run("show", "quick", "--set", "vms[0].name=" + name);
    assertOneLineUserError(r, "vms[0].name: bad value \"" + "v".repeat(60) + "... (100000 characters)\": is 100000"
        + " characters long; an ESXi VM name has at most 80");
    assertTrue(r.err().length() < 400, "a huge value is shown by its start and length");
    assertOneLineUserError(Cli.run("show", "quick", "--set", "vms[0].disks[0].size=1PiB"),
        "vms[0].disks[0].size: bad value \"1PiB\": must be at most 62TiB (VMFS's largest virtual disk)");
    assertOneLineUserError(Cli.run("show", "quick", "--set", "datastores[1].capacity=1EiB"), "at most 64TiB");
    assertOneLineUserError(Cli.run("show", "quick", "--set", "timeline[2].at=876000h"),
        "timeline[2].at: bad value \"876000h\": must be at most 720h (a timeline spans at most 30 days)");
    assertOneLineUserError(Cli.run("show", "quick", "--set", "vms[0].workload.iops=1e9"), "at most 1000000");
    assertOneLineUserError(Cli.run("show", "quick", "--set", "host.rescan.minInterval=1ms"), "at least 1s");
    assertOneLineUserError(Cli.run("show", "quick", "--set", "datastores[0].name=" + "d".repeat(43)),
        "a vSphere datastore name has at most 42");
  }

  @Test
  void theGuestsQueueDepthIsBounded() {
    for (String depth : new String[] {"0", "1025"}) {
      assertOneLineUserError(Cli.run("show", "quick", "--set", "vms[0].workload.outstanding=" + depth),
          "vms[0].workload.outstanding: bad value \"" + depth + "\": must be within 1..1024");
    }
    assertTrue(Cli.run("show", "quick").out().contains("outstanding: 32"), "the default is PVSCSI's 32");
  }

  @Test
  void runRefusesANonEmptyOutputDirectoryAndForceReplacesOnlySvmsimsOwnOutput() throws Exception {
    Path out = Files.createDirectory(tmp.resolve("taken"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    assertUserError(Cli.run("run", "quick", "--out", out.toString()), "svmsim: " + out
        + ": output directory exists and is not empty (--force replaces it when it holds a svmsim output and"
        + " nothing else)");
    assertUserError(Cli.run("run", "quick", "--out", out.toString(), "--force"), "svmsim: " + out
        + ": --force refused: it holds no .svmsim-run marker, so svmsim did not write it; nothing was touched");
    assertEquals("mine", Files.readString(out.resolve("keep.txt")));

    Path own = tmp.resolve("own");
    assertEquals(0, Cli.run("run", "quick", "--out", own.toString()).code());
    Cli forced = Cli.run("run", "quick", "--seed", "7", "--out", own.toString(), "--force");
    assertEquals(0, forced.code(), forced.err());
    assertTrue(Files.readString(own.resolve("summary.json")).contains("\"seed\" : 7,"));
    assertTrue(Files.readString(own.resolve(".svmsim-run")).contains("command: run\nscenario: quick\nseed: 7\n"));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of("own", "taken"), left.map(p -> p.getFileName().toString()).sorted().toList(),
          "no staging or old directory is left beside the output");
    }
  }

  @Test
  void forceNeverReplacesTheDirectoryOfTheScenarioFileOrOfTheEventsBeingReplayed() throws Exception {
    Path own = tmp.resolve("own");
    assertEquals(0, Cli.run("run", "quick", "--out", own.toString()).code());
    Path scenario = Files.writeString(own.resolve("my.yaml"), Cli.run("show", "quick").out());
    assertOneLineUserError(Cli.run("run", scenario.toString(), "--out", own.toString(), "--force"),
        own + ": refusing to write there: it is or holds the scenario file");
    Files.delete(scenario);
    Path events = own.resolve("events.jsonl");
    assertOneLineUserError(Cli.run("replay", events.toString(), "--out", own.toString(), "--force"),
        own + ": refusing to write there: it is or holds the events file being replayed");
    assertTrue(Files.size(events) > 0);
  }

  @Test
  void replayNeedsAReadableEventsFileAndAnOutputDirectory() throws Exception {
    String missing = tmp.resolve("events.jsonl").toString();
    assertUserError(Cli.run("replay", missing, "--out", tmp.resolve("r").toString()),
        "svmsim: " + missing + ": no such file");
    assertOneLineUserError(Cli.run("replay", missing), "--out");
    Path events = write("events.jsonl", "{}\n");
    Path out = Files.createDirectory(tmp.resolve("r"));
    Files.writeString(out.resolve("x"), "x");
    assertOneLineUserError(Cli.run("replay", events.toString(), "--out", out.toString()), "not empty");
    assertOneLineUserError(Cli.run("replay", events.toString(), "--out", out.toString(), "--force"),
        "--force refused");
    assertTrue(Files.exists(out.resolve("x")), "a refused replay leaves the directory alone");
  }

  @Test
  void internalErrorsAreOneLineAndExitOne() {
    StringWriter err = new StringWriter();
    int code = Main.report(new IllegalStateException("boom\nsecond line"), new PrintWriter(err, true));
    assertEquals(1, code);
    assertEquals("svmsim: internal error: java.lang.IllegalStateException: boom second line" + System.lineSeparator(),
        err.toString());
  }

  @Test
  void theDefaultOutputDirectoryNamesScenarioSeedAndMethod() {
    Scenario s = ScenarioLoader.load("seed", Overrides.none().withSeed(3).withMethod("dbt"));
    assertEquals("seed-seed3-dbt", RunCommand.defaultName(s));
  }
}
