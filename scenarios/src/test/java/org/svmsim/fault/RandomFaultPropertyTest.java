package org.svmsim.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.svmsim.journal.WriteJournal;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.Observer;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.run.Simulation;
import org.svmsim.scenario.Overrides;
import org.svmsim.scenario.Scenario;
import org.svmsim.scenario.ScenarioAssembly;
import org.svmsim.scenario.ScenarioLoader;

/**
 * Random faults at random moments, across many seeds and every implemented method, on a small disk: after
 * each run, checked over its recorded history, no acknowledged write is lost (by the summary's oracle and
 * by the audit journal), the run settles, and the VM ends on one complete disk with nothing of it left on
 * the other datastore (no orphaned files, after a host's crash and recovery too; a failed or cancelled task
 * leaves the source as the VM's only disk; a successful one removes the source), the VM's disk is on the
 * datastore it ends on, and nothing opens or creates a file on the source once the switchover committed.
 * The failing seed and its faults are printed.
 */
class RandomFaultPropertyTest {
  private static final int SEEDS = Integer.getInteger("faults.seeds", 1000);
  private static final String SOURCE = "65a4f000-1a2b3c4d-5e6f-001122334455";
  private static final String DEST = "65a4f001-2b3c4d5e-6f70-001122334455";
  /** The kinds whose behaviour is built; the others are injected but nothing reacts to them yet. */
  private static final List<String> KINDS = List.of("cancel", "dest-write-error:transient",
      "dest-write-error:persistent", "source-read-error:transient", "source-read-error:persistent",
      "dest-out-of-space", "switchover-timeout", "lock-conflict:persistent", "lock-conflict:transient",
      "agent-restart:vpxa", "agent-restart:hostd", "host-crash");

  private static final String TINY = """
      name: tiny
      description: "a small disk for many seeds"
      lesson: "none"
      host: {rescan: {first: 1h}}
      datastores:
        - name: a
          uuid: %s
          capacity: 1GiB
          free: 512MiB
          performance: {bandwidth: 400MB/s}
        - name: b
          uuid: %s
          capacity: 1GiB
          free: 512MiB
          performance: {bandwidth: 400MB/s}
      vms:
        - name: vm
          datastore: a
          worldId: 100200
          pid: 100190
          uuid: "56 4d 00 11 22 33 44 55-66 77 88 99 aa bb cc dd"
          boot: 1.5s             # pinned: the relocate at 2s and the faults' moments assume a running guest
          disks:
            - size: 8MiB
              provisioning: %s
          workload: {iops: 100, readRatio: 0.5, ioSize: 4KiB, locality: hotset}
      timeline:
        - {at: 0s, action: powerOn, vm: vm}
        - {at: 2s, action: relocate, vm: vm, destination: b, method: %s,
           options: {chunkSize: 512KiB, maxSwitchover: 2s}}
        - {at: 9s, action: powerOff, vm: vm}
      """.formatted(SOURCE, DEST, "%s", "%s");

  @Test
  void noFaultAtAnyMomentLosesAWriteOrLeavesTheVmWithoutItsDisk() {
    List<Method> methods = java.util.Arrays.stream(Method.values()).filter(Method::implemented).toList();
    Map<String, Integer> outcomes = new java.util.TreeMap<>();
    for (int seed = 1; seed <= SEEDS; seed++) {
      SimRandom r = new SimRandom(seed).split("faults-property");
      Method method = methods.get(r.nextInt(methods.size()));
      String yaml = TINY.formatted(r.chance(0.5) ? "thin" : "thick", method.id());
      Overrides o = Overrides.none().withSeed(seed);
      int n = 1 + r.nextInt(2);
      for (int i = 0; i < n; i++) {
        o = o.withFault(KINDS.get(r.nextInt(KINDS.size())) + "@" + when(r));
      }
      try {
        String outcome = check(ScenarioLoader.parse(yaml, "tiny", o));
        outcomes.merge(outcome.substring(0, outcome.indexOf(' ') < 0 ? outcome.length() : outcome.indexOf(' ')),
            1, Integer::sum);
        if (outcome.endsWith(" after a crash")) {
          outcomes.merge("crash recovered", 1, Integer::sum);
        }
      } catch (AssertionError | RuntimeException e) {
        fail("seed " + seed + " (" + method.id() + ", faults " + o.faults() + "): " + e.getMessage(), e);
      }
    }
    // The faults must bite: a property that held only because nothing failed would prove nothing.
    assertTrue(outcomes.getOrDefault("crash recovered", 0) > SEEDS / 50, "crashes " + outcomes);
    assertTrue(outcomes.getOrDefault("failed", 0) > SEEDS / 10 && outcomes.getOrDefault("success", 0) > SEEDS / 10,
        "outcomes " + outcomes);
  }

  private static String when(SimRandom r) {
    return switch (r.nextInt(3)) {
      case 0 -> (2000 + r.nextInt(1000)) + "ms";
      case 1 -> r.nextInt(101) + "%";
      default -> "phase" + (1 + r.nextInt(11));
    };
  }

  private static String check(Scenario s) {
    StringWriter journal = new StringWriter();
    WriteJournal audit = new WriteJournal(journal);
    History history = new History();
    Simulation.Result result = new Simulation(ScenarioAssembly.of(s)).run(null,
        List.of(audit, history));
    String outcome = result.summary().outcome();
    assertEquals(0, result.summary().lostWrites(), "lost writes");
    if (!outcome.equals("success") && !outcome.equals("failed")) {
      fail("the run did not settle: " + outcome + " " + result.summary().failureReason());
    }
    if (result.summary().failureReason().startsWith("the run did not settle")) {
      fail(result.summary().failureReason());
    }
    boolean moved = history.home.equals(DEST);
    assertEquals(outcome.equals("success"), moved, "the VM runs on the destination exactly when it moved");
    assertEquals(Set.of(), history.files.getOrDefault(moved ? SOURCE : DEST, Set.of()),
        "no orphaned files: nothing of the VM is left on the datastore it does not run on");
    assertEquals(List.of(), history.sourceTouchedAfterSwitchover,
        "the source is never modified after a successful switchover");
    assertTrue(history.lastDiskOpen.startsWith("/vmfs/volumes/" + (moved ? DEST : SOURCE) + "/"),
        "the VM's disk is on the datastore it ends on (a failed task leaves the source its only disk): "
            + history.lastDiskOpen);
    StringWriter last = new StringWriter();
    audit.writeFinalDisks(last, result.finalDisks());
    assertEquals(List.of(), disagreements(journal.toString(), last.toString()), "the journal check");
    return history.booted ? outcome + " after a crash" : outcome;
  }

  /** The README's journal check, on the two files' text. */
  private static List<String> disagreements(String journal, String finalDisks) {
    Map<String, String> lastDigest = new LinkedHashMap<>();
    journal.lines().forEach(l -> lastDigest.put(key(l), digest(l)));
    Map<String, String> end = new LinkedHashMap<>();
    finalDisks.lines().skip(1).forEach(l -> end.put(key(l), digest(l)));
    List<String> bad = new java.util.ArrayList<>();
    lastDigest.forEach((k, d) -> {
      if (!d.equals(end.get(k))) {
        bad.add(k);
      }
    });
    end.keySet().stream().filter(k -> !lastDigest.containsKey(k)).forEach(bad::add);
    return bad;
  }

  private static String key(String line) {
    int disk = line.indexOf("\"disk\":");
    return line.substring(disk, line.indexOf(",\"digest\""));
  }

  private static String digest(String line) {
    return line.substring(line.indexOf("\"digest\":"));
  }

  /** Where the VM runs and which of its files each datastore holds, from the facts of the run. */
  private static final class History implements Observer {
    String home = SOURCE;
    final Map<String, Set<String>> files = new LinkedHashMap<>();
    /** What opened or created a file on the source once the VM ran on the destination. */
    final List<String> sourceTouchedAfterSwitchover = new java.util.ArrayList<>();
    String lastDiskOpen = "";
    boolean booted;
    boolean switchedOver;

    @Override
    public void onEvent(long timeNanos, Event event) {
      if (event instanceof KernelEvent.HostBooted) {
        booted = true;
      }
      if (event instanceof VmxEvent.FastSuspendResumed) {
        switchedOver = true;
      } else if (event instanceof VmxEvent.DiskOpened e) {
        lastDiskOpen = e.flatFile();
        if (switchedOver && e.flatFile().contains(SOURCE)) {
          sourceTouchedAfterSwitchover.add("opened " + e.flatFile());
        }
      }
      if (event instanceof KernelEvent.FileCreated e && e.path().startsWith("vm/")) {
        files.computeIfAbsent(e.datastore().toString(), d -> new LinkedHashSet<>()).add(e.path());
        if (switchedOver && e.datastore().toString().equals(SOURCE)) {
          sourceTouchedAfterSwitchover.add("created " + e.path());
        }
      } else if (event instanceof KernelEvent.FileDeleted e) {
        files.getOrDefault(e.datastore().toString(), new LinkedHashSet<>()).remove(e.path());
      } else if (event instanceof VmxEvent.SvmotionFinished e) {
        home = e.home().toString();
      } else if (event instanceof org.svmsim.kernel.event.AgentEvent.VmRecovered e) {
        home = e.home().toString();
      }
    }
  }
}
