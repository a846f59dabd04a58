package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.svmsim.journal.JournalAudit;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.fault.FaultKind;
import org.svmsim.kernel.fault.FaultMode;

/**
 * Every fault kind in every mode, under every implemented method: the outcome and reason in summary.json,
 * the trail in each log it concerns (a failure's vmkernel warning, the VMX's failure wrap-up, hostd's VM
 * back to powered on with a failed task, vpxa's failed task; a success's last relocate step), the fault's
 * own line, no lost write by the summary, by {@link JournalAudit} and by the README's own journal script
 * (taken from README.md and run with python3), and nothing of the VM left where it does not run.
 */
class FaultMatrixTest {
  private static final String SOURCE = "65a4f000-1a2b3c4d-5e6f-001122334455";
  private static final String DEST = "65a4f001-2b3c4d5e-6f70-001122334455";
  private static final String VMKERNEL = "var/log/vmkernel.log";
  private static final String HOSTD = "var/log/hostd.log";
  private static final String VPXA = "var/log/vpxa.log";

  /** What a fault leads to under one method: outcome, a fragment of the reason, a line in a log. */
  record Expect(String outcome, String reason, String log, String trail) {}

  /** The row of one kind and mode: when it strikes, any settings, and what each method does. */
  record Row(String when, List<String> sets, Map<String, Expect> byMethod) {
    Expect of(String method) {
      return byMethod.containsKey(method) ? byMethod.get(method) : byMethod.get("*");
    }
  }

  private static Row row(String when, Expect all, String... sets) {
    return new Row(when, List.of(sets), Map.of("*", all));
  }

  private static final Expect RETRIED_WRITE = new Expect("success", "", VMKERNEL,
      "failed: IO was aborted (0xbad00e0), attempt 1 of 5; retrying");
  private static final Expect MIRROR_FAILED = new Expect("failed", "mirrored write to the destination failed",
      VMKERNEL, "to the secondary of device");
  private static final Expect SLOW = new Expect("success", "", VMKERNEL, "performance has deteriorated");

  /** Keyed by the kind and mode as --fault spells them. */
  private static final Map<String, Row> ROWS = Map.ofEntries(
      Map.entry("dest-out-of-space", row("40%", new Expect("failed", "No space left on device", VMKERNEL,
          "S: Failed: No space left on device (0xbad0031)"), "vms[0].disks[0].provisioning=thin")),
      Map.entry("dest-write-error:transient", new Row("40%", List.of(),
          Map.of("mirror", MIRROR_FAILED, "*", RETRIED_WRITE))),
      Map.entry("dest-write-error:persistent", new Row("40%", List.of(), Map.of("mirror", MIRROR_FAILED,
          "*", new Expect("failed", "destination write failed 5 times", VMKERNEL,
              "S: Failed: IO was aborted (0xbad00e0)")))),
      Map.entry("source-read-error:transient", row("40%", new Expect("success", "", VMKERNEL,
          "failed: IO was aborted (0xbad00e0), attempt 1 of 5; retrying"))),
      Map.entry("source-read-error:persistent", row("10%", new Expect("failed", "source read failed 5 times",
          VMKERNEL, "S: Failed: IO was aborted (0xbad00e0)"))),
      Map.entry("dest-slow:latency", row("40%", SLOW)),
      Map.entry("dest-slow:bandwidth", row("40%", SLOW)),
      Map.entry("lock-conflict:persistent", row("phase2", new Expect("failed", "since it is locked",
          "vmfs/volumes/" + SOURCE + "/quick-vm/vmware.log", "with flags 0x8 Failed to lock the file (16392)."))),
      Map.entry("lock-conflict:transient", row("phase3", new Expect("success", "",
          "vmfs/volumes/" + DEST + "/quick-vm/vmware.log", "-flat.vmdk' locked (try 0)"))),
      Map.entry("cancel", row("40%", new Expect("failed", "The task was canceled by a user.", VPXA,
          "vmodl.fault.RequestCanceled"))),
      Map.entry("agent-restart:vpxa", row("40%", new Expect("success", "", VPXA, "vpxa is shutting down: restart"))),
      Map.entry("agent-restart:hostd", row("40%", new Expect("success", "", HOSTD,
          "hostd is shutting down: restart"))),
      // The host loses power: its logs stop mid-flow, the boot and recovery follow (no VMX wrap-up).
      Map.entry("host-crash", row("40%", new Expect("failed", "the host lost power during step 4", VMKERNEL,
          "booting after an unclean shutdown"))),
      Map.entry("switchover-timeout", row("50%", new Expect("failed", "Maximum switchover time (5 seconds) reached",
          VMKERNEL, "S: Maximum switchover time (5 seconds) reached. Failing migration; VM should resume on"
              + " source."), "timeline[1].options.maxSwitchover=5s")));

  @TempDir
  static Path tmp;
  static Path script;

  @BeforeAll
  static void extractTheReadmesScript() throws IOException {
    script = FaultRuns.readmeScript(tmp);
  }

  /** Every kind with each of its modes (its one default when it has none). */
  static List<String> kindsAndModes() {
    List<String> all = new ArrayList<>();
    for (FaultKind k : FaultKind.values()) {
      if (k.modes().isEmpty()) {
        all.add(k.id());
      }
      for (FaultMode m : k.modes()) {
        all.add(k.id() + ":" + m.id());
      }
    }
    return all;
  }

  static Stream<Arguments> matrix() {
    List<Arguments> all = new ArrayList<>();
    for (String method : Method.implementedIds()) {
      kindsAndModes().forEach(k -> all.add(Arguments.of(method, k)));
    }
    return all.stream();
  }

  @Test
  void everyKindAndModeHasItsRow() {
    assertEquals(Set.copyOf(kindsAndModes()), ROWS.keySet());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void theFaultLeavesItsTrailInEveryLogAndLosesNothing(String method, String kind) throws Exception {
    Row row = ROWS.get(kind);
    assertNotNull(row, kind);
    Expect x = row.of(method);
    Path out = tmp.resolve(method + "-" + kind.replace(':', '-'));
    List<String> args = new ArrayList<>(List.of("run", "quick", "--method", method, "--fault",
        kind + "@" + row.when(), "--journal", "--out", out.toString(), "--set", "vms[0].disks[0].size=256MiB",
        "--set", "timeline[2].at=20s"));
    row.sets().forEach(s -> args.addAll(List.of("--set", s)));
    FaultRuns.runLosingNothing(out, args, x.outcome(), x.reason());
    FaultRuns.readmeScriptAgrees(script, out);

    assertTrue(read(out, x.log()).contains(x.trail()), x.log() + " lacks '" + x.trail() + "'");
    boolean failed = x.outcome().equals("failed");
    String home = failed ? SOURCE : DEST;
    String vmx = read(out, "vmfs/volumes/" + home + "/quick-vm/vmware.log");
    String hostd = read(out, HOSTD);
    String vpxa = read(out, VPXA);
    if (failed && kind.equals("host-crash")) {
      // Nothing on the host wrapped up: the boot's hostd starts the VM again on its source.
      assertTrue(hostd.lastIndexOf("(VM_STATE_POWERING_ON -> VM_STATE_ON)") > hostd.indexOf("VM_STATE_MIGRATING"),
          "hostd: the VM on again after the boot");
      assertTrue(vpxa.contains("[VpxLRO] -- ERROR"), "vpxa's task fails");
    } else if (failed) {
      assertTrue(read(out, VMKERNEL).contains("Migration considered a failure by the VMX"), "vmkernel's wrap-up");
      assertTrue(vmx.contains("Migrate: Caching migration error message list:"), "the VMX's failure wrap-up");
      assertTrue(hostd.contains("State Transition (VM_STATE_MIGRATING -> VM_STATE_ON)"), "hostd: back on");
      assertTrue(hostd.contains("Status error"), "hostd's task fails");
      assertTrue(vpxa.contains("[VpxLRO] -- ERROR"), "vpxa's task fails");
    } else {
      assertTrue(vpxa.contains("step 6 of 6"), "vpxa deletes the source");
      assertTrue(vpxa.contains("[VpxLRO] -- FINISH") && !vpxa.contains("[VpxLRO] -- ERROR"), "vpxa's task ends");
    }
    String away = failed ? DEST : SOURCE;
    assertEquals(Set.of(), FaultRunTest.filesLeft(out, away), "nothing of the VM is left where it does not run");
  }

  private static String read(Path out, String log) throws IOException {
    return Files.readString(out.resolve(log));
  }

}
