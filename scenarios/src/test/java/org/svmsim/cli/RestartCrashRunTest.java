package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.svmsim.kernel.config.Method;

/**
 * agent-restart (vpxa, hostd) and host-crash, for each method, through the command line: the log trail
 * in every file the fault touches (the agent's shutdown and banner, the re-attached task, the boot and
 * the recovery), the summary's outcome and reason, no lost write (by the summary and by the audit
 * journal), and no orphaned file: nothing of the VM is left on the datastore it does not run on.
 */
class RestartCrashRunTest {
  private static final String SOURCE = "65a4f000-1a2b3c4d-5e6f-001122334455";
  private static final String DEST = "65a4f001-2b3c4d5e-6f70-001122334455";
  private static final String VPXA = "var/log/vpxa.log";
  private static final String HOSTD = "var/log/hostd.log";

  /** A fault, the outcome it leads to, a fragment of the failure reason, and lines each log must hold. */
  record Case(String fault, String outcome, String reason, Map<String, List<String>> trails) {
    @Override
    public String toString() {
      return fault;
    }
  }

  private static final String KERNEL = "var/log/vmkernel.log";

  private static Case crash(String fault, String outcome, String recovered) {
    boolean moved = outcome.equals("success");
    return new Case(fault, outcome, moved ? "" : "the host lost power during step", Map.of(
        KERNEL, List.of("booting after an unclean shutdown", "Mounted VMFS volume"),
        HOSTD, List.of("Log for VMware ESX, pid=", "Auto-starting the virtual machine after the host's boot: "
            + (moved ? "the migration's switchover had committed" : "the migration had not committed")),
        VPXA, List.of("Log for VMware ESX, pid=", "[VpxLRO] -- RECOVER", recovered,
            moved ? "step 6 of 6" : "vmodl.fault.HostCommunication")));
  }

  static Stream<Arguments> cases() {
    List<Case> cases = List.of(
        new Case("agent-restart:vpxa@40%", "success", "", Map.of(
            VPXA, List.of("vpxa is shutting down: restart", "Log for VMware ESX, pid=", "[VpxLRO] -- RECOVER",
                "step 6 of 6", "[VpxLRO] -- FINISH"),
            HOSTD, List.of("vim.VirtualMachine.relocate-", "Status success"))),
        new Case("agent-restart:hostd@40%", "success", "", Map.of(
            HOSTD, List.of("hostd is shutting down: restart", "Log for VMware ESX, pid=",
                "Loaded 1 virtual machines from the inventory", "Status success"),
            VPXA, List.of("step 6 of 6", "[VpxLRO] -- FINISH"))),
        // The relocate begins at 5.375 s and vpxa copies the working directory until 5.400 s: step 1.
        new Case("agent-restart:vpxa@5390ms", "failed", "vpxa restarted during step 1", Map.of(
            VPXA, List.of("vpxa is shutting down: restart", "[VpxLRO] -- RECOVER", "died with it",
                "vmodl.fault.HostCommunication"),
            HOSTD, List.of("Status error"))),
        // Mid-copy, mid-switchover (the VM stunned, the destination not yet the VM's) and after the commit.
        crash("host-crash@40%", "failed", "before its switchover committed"),
        crash("host-crash@phase9", "failed", "before its switchover committed"),
        crash("host-crash@phase10", "success", "after the switchover of quick-vm committed"));
    List<Arguments> all = new ArrayList<>();
    for (Method m : Method.values()) {
      if (m.implemented()) {
        cases.forEach(c -> all.add(Arguments.of(m.id(), c)));
      }
    }
    return all.stream();
  }

  @TempDir
  Path tmp;

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void theFaultLeavesItsTrailLosesNothingAndOrphansNothing(String method, Case c) throws Exception {
    Path out = tmp.resolve("run");
    JsonNode s = FaultRuns.runLosingNothing(out, List.of("run", "quick", "--method", method, "--fault",
        c.fault(), "--journal", "--out", out.toString(), "--set", "vms[0].disks[0].size=256MiB", "--set",
        "timeline[2].at=20s"), c.outcome(), c.reason());
    for (var trail : c.trails().entrySet()) {
      String log = Files.readString(out.resolve(trail.getKey()));
      for (String line : trail.getValue()) {
        assertTrue(log.contains(line), trail.getKey() + " lacks '" + line + "'");
      }
    }
    boolean moved = c.outcome().equals("success");
    String home = moved ? DEST : SOURCE;
    Path vmwareLog = out.resolve("vmfs/volumes/" + home + "/quick-vm/vmware.log");
    assertTrue(Files.exists(vmwareLog), "the VM lives in " + home);
    if (c.fault().startsWith("host-crash")) {
      String vmx = Files.readString(vmwareLog);
      assertTrue(vmx.split("Log for VMware ESX pid=", -1).length > 2, "the VMX starts again after the boot");
      if (method.equals("snapshot") && !moved) {
        assertTrue(vmx.contains("redo-log files of scsi0:0 into"), "the boot consolidates the redo logs");
      }
    }
    assertEquals(Set.of(), OutputTrees.filesLeft(out, moved ? SOURCE : DEST, "quick-vm"),
        "nothing of the VM is left where it does not run");
  }
}
