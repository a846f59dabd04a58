package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svmsim.kernel.log.VmkernelCatalog;
import org.svmsim.vmx.log.VmwareCatalog;

/**
 * The bundled seed scenario through the same entry point as the command line: it must reproduce the
 * blog post's run (DOMAIN.md section 7), be byte-identical run after run, and replay to the same logs.
 */
class SeedRunTest {
  private static final String DEV = "10a80a6-819390-svmmirror";
  private static final String DEST_VMDK =
      "/vmfs/volumes/5739734e-f309ac87-4491-f8bc123449c2/W1_2/W1_2.vmdk";
  private static final Pattern AGENT = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z "
      + "(?:info|verbose|warning|error) (?:hostd|vpxa)\\[[0-9A-Fa-f]+\\] \\[Originator@6876 sub=[^\\]]+\\] .*$");

  @TempDir
  static Path tmp;
  static Path run;

  @BeforeAll
  static void runSeed() {
    run = tmp.resolve("seed");
    Cli r = Cli.run("run", "seed", "--out", run.toString());
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void theSummaryReportsAConsistentMigrationWithoutLostWrites() throws Exception {
    JsonNode s = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
    assertEquals("success", s.get("outcome").asText());
    assertTrue(s.get("consistent").asBoolean());
    assertEquals(0, s.get("lostWrites").asLong());
    assertEquals("mirror", s.get("method").asText());
    assertEquals(1, s.get("passes").asInt());
    assertEquals(17179869184L, s.get("diskBytes").asLong());
    assertEquals(s.get("diskBytes").asLong(), s.get("bytesCopied").asLong());
    assertTrue(s.get("guestWritesMirrored").asLong() > 0, s.toString());
    assertTrue(s.get("guestWrites").asLong() > s.get("guestWritesMirrored").asLong(), s.toString());
    assertEquals(27 * 60 + 51, s.get("migrationTimeMs").asDouble() / 1000, 30, "about 27m51s");
    assertTrue(s.get("downtimeMs").asDouble() > 0 && s.get("downtimeMs").asDouble() < 1000, s.toString());
    for (JsonNode log : s.get("logs")) {
      assertTrue(Files.exists(run.resolve(log.asText())), log.asText());
    }
  }

  @Test
  void vmkernelLogHoldsTheSeedsLinesInOrderAtTheSeedsTimes() {
    List<String> lines = OutputTrees.lines(run.resolve("var/log/vmkernel.log"));
    int create = indexOf(lines, 0, "SVM: 5139: SVM_MakeDev.5139: Creating device " + DEV + ": Success");
    int created = indexOf(lines, create, "SVM: 5188: Created device " + DEV + ", primary 10a80a6, secondary 819390");
    int stats = indexOf(lines, created, "SVM: 2428: SVM Mirrored mode IO stats for device: " + DEV);
    int destroy = indexOf(lines, stats, "SVM: 2450: Destroyed device " + DEV);
    assertTrue(create >= 0 && created > create && stats > created && destroy > stats, String.join("\n", lines));
    assertNear("2016-05-19T12:59:29.720Z", lines.get(create));
    assertNear("2016-05-19T13:27:20.668Z", lines.get(destroy));

    List<Instant> bursts = new ArrayList<>();
    for (int i = 0; i + 3 < lines.size(); i++) {
      if (lines.get(i).endsWith("Vol3: 2675: Could not open device '" + DEV + "' for probing: Busy")
          && lines.get(i + 1).endsWith("Vol3: 1072: Could not open device '" + DEV + "' for volume open: Busy")
          && lines.get(i + 2).endsWith("Vol3: 1072: Could not open device '" + DEV + "' for volume open: Busy")
          && lines.get(i + 3).endsWith("FSS: 5327: No FS driver claimed device '" + DEV
              + "': No filesystem on the device")) {
        bursts.add(Instant.parse(lines.get(i).substring(0, 24)));
      }
    }
    assertTrue(bursts.size() >= 3, "probe bursts: " + bursts);
    for (int i = 1; i < bursts.size(); i++) {
      long gap = Duration.between(bursts.get(i - 1), bursts.get(i)).toSeconds();
      assertTrue(gap >= 7 * 60 - 30 && gap <= 9 * 60 + 30, "gap " + gap + " s between probe bursts");
    }
    for (String l : lines) {
      assertTrue(VmkernelCatalog.recognise(l).isPresent(), "not in the vmkernel catalog: " + l);
    }
  }

  @Test
  void vmwareLogHoldsTheSeedsLinesInOrder() {
    Path log = run.resolve("vmfs/volumes/5739734e-f309ac87-4491-f8bc123449c2/W1_2/vmware.log");
    List<String> lines = OutputTrees.lines(log);
    assertTrue(lines.get(0).contains("| vmx| I120: Log for VMware ESX pid="), "starts at the VMX's start");
    int at = 0;
    for (String want : List.of(
        "DISKLIB-LIB_MISC   : Opening mirror node /vmfs/devices/svm/" + DEV,
        "Creating virtual dev for scsi0:0",
        "DumpDiskInfo: scsi0:0 createType=11, capacity = 33554432, numLinks = 1, allocationType = 1",
        "DISKUTIL: scsi0:0 : geometry=2088/255/63",
        "SVMotion: Enter Phase 8",
        "Disk/File copy started for " + DEST_VMDK + ".",
        "HBACommon: First write on scsi0:0.fileName='" + DEST_VMDK + "'",
        "DDB: \"longContentID\" = \"",
        "Checkpoint_Unstun: vm stopped for ")) {
      int next = indexOf(lines, at, want);
      assertTrue(next >= at, "missing or out of order: " + want);
      at = next;
    }
    for (String l : lines) {
      assertTrue(VmwareCatalog.recognise(l).isPresent(), "not in the vmware.log catalog: " + l);
    }
  }

  @Test
  void agentLogsAreInTheirEsxiFormatAndBracketTheRelocate() {
    List<String> vpxa = OutputTrees.lines(run.resolve("var/log/vpxa.log"));
    List<String> hostd = OutputTrees.lines(run.resolve("var/log/hostd.log"));
    for (String l : concat(vpxa, hostd)) {
      assertTrue(AGENT.matcher(l).matches() || l.startsWith("--> "), "off the agents' format: " + l);
    }
    int begin = indexOf(vpxa, 0, "[VpxLRO] -- BEGIN lro-");
    int finish = indexOf(vpxa, begin, "[VpxLRO] -- FINISH lro-");
    assertTrue(begin >= 0 && finish > begin, String.join("\n", vpxa));
    int migrating = indexOf(hostd, 0, "State Transition (VM_STATE_ON -> VM_STATE_MIGRATING)");
    int back = indexOf(hostd, migrating, "State Transition (VM_STATE_MIGRATING -> VM_STATE_ON)");
    assertTrue(migrating >= 0 && back > migrating, String.join("\n", hostd));
  }

  @Test
  void aSecondRunWithTheSameSeedIsByteIdentical() {
    Path again = tmp.resolve("again");
    assertEquals(0, Cli.run("run", "seed", "--out", again.toString()).code());
    OutputTrees.assertSameBytes(OutputTrees.read(run), OutputTrees.read(again));
  }

  @Test
  void anotherSeedChangesTheRun() {
    Path other = tmp.resolve("other");
    assertEquals(0, Cli.run("run", "seed", "--seed", "13", "--out", other.toString()).code());
    assertFalse(java.util.Arrays.equals(OutputTrees.read(run).get("events.jsonl"),
        OutputTrees.read(other).get("events.jsonl")));
  }

  @Test
  void replayingTheEventsRendersByteIdenticalLogs() throws Exception {
    Path replay = tmp.resolve("replay");
    Cli r = Cli.run("replay", run.resolve("events.jsonl").toString(), "--out", replay.toString());
    assertEquals(0, r.code(), r.err());
    var original = OutputTrees.read(run);
    original.remove("events.jsonl");
    original.remove("summary.json");
    original.remove(".svmsim-run");
    var replayed = OutputTrees.read(replay);
    assertTrue(new String(replayed.remove(".svmsim-run"), java.nio.charset.StandardCharsets.UTF_8)
        .contains("command: replay\n"));
    OutputTrees.assertSameBytes(original, replayed);
    JsonNode s = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
    List<String> events = OutputTrees.lines(run.resolve("events.jsonl"));
    assertEquals(s.get("events").asLong() + 2, events.size(), "the events between a header and a trailer");
    assertTrue(events.get(0).startsWith("{\"svmsimEvents\":1,\"svmsim\":"), events.get(0));
    assertTrue(events.get(0).endsWith(",\"scenario\":\"seed\",\"seed\":12,\"method\":\"mirror\"}"), events.get(0));
    assertTrue(events.get(1).contains("\"type\":\"Run.RunStarted\""), events.get(1));
    assertTrue(events.get(events.size() - 2).contains("\"type\":\"Run.RunFinished\""));
    assertTrue(events.get(events.size() - 1).matches("\\{\"end\":true,\"events\":" + s.get("events").asLong()
        + ",\"bytes\":\\d+,\"crc32c\":\"[0-9a-f]{8}\"}"), events.get(events.size() - 1));
    assertTrue(r.out().startsWith("replayed " + s.get("events").asLong() + " events of seed seed 12 mirror"), r.out());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static int indexOf(List<String> lines, int from, String fragment) {
    for (int i = Math.max(0, from); i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        return i;
      }
    }
    return -1;
  }

  private static void assertNear(String expected, String line) {
    long off = Duration.between(Instant.parse(expected), Instant.parse(line.substring(0, 24))).abs().toSeconds();
    assertTrue(off <= 30, line + " is " + off + " s from " + expected);
  }
}
