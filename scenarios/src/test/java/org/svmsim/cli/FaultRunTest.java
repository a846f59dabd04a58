package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.svmsim.kernel.config.Method;

/**
 * Each fault kind the components handle, for each implemented method, through the command line: the
 * outcome and reason in summary.json, the log trail, no lost write (by the summary and by the audit
 * journal), and a failed relocate leaves the VM on its source with nothing of it left on the destination.
 */
class FaultRunTest {
  private static final String SOURCE = "65a4f000-1a2b3c4d-5e6f-001122334455";
  private static final String DEST = "65a4f001-2b3c4d5e-6f70-001122334455";

  @TempDir
  Path tmp;

  /** A fault, the outcome it leads to, a fragment of the failure reason and a line it leaves. */
  record Case(String fault, String outcome, String reason, String log, String trail, String... sets) {
    @Override
    public String toString() {
      return fault;
    }
  }

  static Stream<Arguments> cases() {
    List<Case> cases = List.of(
        new Case("cancel@phase3", "failed", "The task was canceled by a user.", "var/log/hostd.log",
            "vmodl.fault.RequestCanceled"),
        new Case("cancel@40%", "failed", "The task was canceled by a user.", "var/log/vpxa.log",
            "vmodl.fault.RequestCanceled"),
        new Case("cancel@phase9", "failed", "The task was canceled by a user.", "var/log/vmkernel.log",
            "Migration considered a failure by the VMX"),
        new Case("cancel@phase10", "success", "", "var/log/vpxa.log", "step 6 of 6"),
        new Case("source-read-error:persistent@10%", "failed", "source read failed 5 times",
            "var/log/vmkernel.log", "read of 2048 sectors"),
        new Case("dest-out-of-space@40%", "failed", "No space left on device", "var/log/vmkernel.log",
            "S: Failed: No space left on device", "vms[0].disks[0].provisioning=thin"),
        new Case("dest-out-of-space@40%", "success", "", "var/log/vpxa.log", "step 6 of 6"),
        new Case("switchover-timeout@50%", "failed", "Maximum switchover time (5 seconds) reached",
            "var/log/vmkernel.log", "S: Maximum switchover time (5 seconds) reached. Failing migration; VM should"
                + " resume on source.", "timeline[1].options.maxSwitchover=5s"),
        new Case("switchover-timeout@phase10", "success", "", "var/log/vpxa.log", "step 6 of 6"),
        new Case("lock-conflict@phase2", "failed", "since it is locked",
            "vmfs/volumes/" + SOURCE + "/quick-vm/vmware.log", "with flags 0x8 Failed to lock the file (16392)."),
        new Case("lock-conflict:transient@phase3", "success", "",
            "vmfs/volumes/" + DEST + "/quick-vm/vmware.log", "-flat.vmdk' locked (try 0)"));
    List<Arguments> all = new ArrayList<>();
    for (Method m : Method.values()) {
      if (m.implemented()) {
        cases.forEach(c -> all.add(Arguments.of(m.id(), c)));
      }
    }
    // A transient destination write error: the copy retries its chunk, but a mirrored guest write that
    // meets it fails the mirror (the destination lacks a write), so mirror mode gives up.
    all.add(Arguments.of("mirror", new Case("dest-write-error@40%", "failed",
        "mirrored write to the destination failed", "var/log/vmkernel.log",
        "to the secondary of device")));
    all.add(Arguments.of("mirror", new Case("dest-write-error:persistent@40%", "failed",
        "mirrored write to the destination failed", "var/log/vmkernel.log", "S: Failed: IO was aborted (0xbad00e0)")));
    for (String m : List.of("dbt", "snapshot")) {
      all.add(Arguments.of(m, new Case("dest-write-error@40%", "success", "", "var/log/vmkernel.log",
          "failed: IO was aborted (0xbad00e0), attempt 1 of 5; retrying")));
      all.add(Arguments.of(m, new Case("dest-write-error:persistent@40%", "failed", "destination write failed 5 times",
          "var/log/vmkernel.log", "S: Failed: IO was aborted (0xbad00e0)")));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void theFaultLeavesItsTrailAndLosesNothing(String method, Case c) throws Exception {
    Path out = tmp.resolve("run");
    List<String> args = new ArrayList<>(List.of("run", "quick", "--method", method, "--fault", c.fault(),
        "--journal", "--out", out.toString(), "--set", "vms[0].disks[0].size=256MiB",
        "--set", "timeline[2].at=20s"));
    for (String s : c.sets()) {
      args.add("--set");
      args.add(s);
    }
    FaultRuns.runLosingNothing(out, args, c.outcome(), c.reason());
    String log = Files.readString(out.resolve(c.log()));
    assertTrue(log.contains(c.trail()), c.log() + " lacks '" + c.trail() + "'");
    String home = c.outcome().equals("success") ? DEST : SOURCE;
    String away = c.outcome().equals("success") ? SOURCE : DEST;
    assertTrue(Files.exists(out.resolve("vmfs/volumes/" + home + "/quick-vm/vmware.log")), "the VM lives in " + home);
    assertEquals(Set.of(), filesLeft(out, away), "nothing of the VM is left where it does not run");
    if (c.outcome().equals("failed")) {
      String hostd = Files.readString(out.resolve("var/log/hostd.log"));
      assertTrue(hostd.contains("Status error"), "hostd's task fails");
    }
  }

  /** The VM's files on {@code datastore} still there at the end, from the kernel's file facts. */
  static Set<String> filesLeft(Path out, String datastore) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Set<String> present = new LinkedHashSet<>();
    for (String line : OutputTrees.eventLines(out.resolve("events.jsonl"))) {
      if (!line.contains("\"" + datastore + "\"") || !line.contains("quick-vm/")) {
        continue;
      }
      JsonNode e = json.readTree(line);
      String type = e.get("type").asText();
      if (type.equals("Kernel.FileCreated")) {
        present.add(e.get("path").asText());
      } else if (type.equals("Kernel.FileDeleted")) {
        present.remove(e.get("path").asText());
      }
    }
    return present;
  }

  @org.junit.jupiter.api.Test
  void aCancelBeforeTheRelocateStartsHasNothingToCancel() throws Exception {
    Path out = tmp.resolve("early");
    Cli r = Cli.run("run", "quick", "--fault", "cancel@2s", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals("success", s.get("outcome").asText());
    assertFalse(Files.readString(out.resolve("var/log/vpxa.log")).contains("RequestCanceled"));
  }
}
