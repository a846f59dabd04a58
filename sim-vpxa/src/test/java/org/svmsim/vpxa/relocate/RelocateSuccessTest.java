package org.svmsim.vpxa.relocate;

import static org.junit.jupiter.api.Assertions.*;
import static org.svmsim.vpxa.AgentsHarness.*;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.vpxa.AgentsHarness;
import org.svmsim.vpxa.hostd.VmState;

class RelocateSuccessTest {
  private final AgentsHarness h = new AgentsHarness(7).relocate("mirror");

  @Test
  void theVmGoesThroughMigratingAndRunsFromTheDestination() {
    assertEquals(List.of("INITIALIZING->OFF", "OFF->POWERING_ON", "POWERING_ON->ON", "ON->MIGRATING",
        "MIGRATING->ON"), h.transitions());
    assertEquals(VmState.ON, h.agents.state(VM));
    assertEquals(DEST.path() + "/W1_2/W1_2.vmx", h.agents.vmxPath(VM));
    List<AgentEvent.VmStateChanged> changes = h.all(AgentEvent.VmStateChanged.class);
    assertEquals(SOURCE.path() + "/W1_2/W1_2.vmx", changes.get(3).vmxPath());
    assertEquals(DEST.path() + "/W1_2/W1_2.vmx", changes.get(4).vmxPath());
  }

  @Test
  void theSixStepsRunInOrder() {
    List<Integer> steps = h.all(AgentEvent.RelocateStepStarted.class).stream()
        .map(AgentEvent.RelocateStepStarted::step).toList();
    assertEquals(IntStream.rangeClosed(1, 6).boxed().toList(), steps);
  }

  @Test
  void theWorkingDirectoryIsCopiedFirstAndTakesItsTransferTime() {
    AgentEvent.WorkingDirCopied copied = h.only(AgentEvent.WorkingDirCopied.class);
    assertEquals(List.copyOf(WORKING_DIR.keySet()), copied.files());
    long bytes = WORKING_DIR.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(bytes, copied.bytes());
    // The bytes at the destination's bandwidth, plus each file's open and close: 2.5 to 15 ms, drawn.
    long transfer = WORKING_DIR.values().stream().mapToLong(b -> VirtualTime.transfer(b, DEST_BANDWIDTH)).sum();
    long perFiles = h.timeOf(AgentEvent.WorkingDirCopied.class) - VirtualTime.seconds(60) - transfer;
    int files = WORKING_DIR.size();
    assertTrue(perFiles >= files * VirtualTime.millis(5) / 2 && perFiles < files * VirtualTime.millis(15),
        "the files' own cost: " + perFiles + " ns for " + files);
    assertTrue(perFiles != files * VirtualTime.millis(5), "drawn, not a constant 5 ms a file");
    assertTrue(h.indexOf(copied) < h.indexOf(h.only(VmxEvent.StartSvmotion.class)));
  }

  @Test
  void theShadowVmIsRegisteredStartedAndReadyBeforeTheVmxIsAskedToMove() {
    AgentEvent.VmRegistered shadow = h.all(AgentEvent.VmRegistered.class).stream()
        .filter(AgentEvent.VmRegistered::shadow).findFirst().orElseThrow();
    assertEquals(DEST.path() + "/W1_2/W1_2.vmx", shadow.vmxPath());
    VmxEvent.StartVmx start = h.all(VmxEvent.StartVmx.class).stream().filter(VmxEvent.StartVmx::shadow)
        .findFirst().orElseThrow();
    assertEquals(DEST, start.home());
    AgentEvent.ShadowVmReady ready = h.only(AgentEvent.ShadowVmReady.class);
    VmxEvent.StartSvmotion go = h.only(VmxEvent.StartSvmotion.class);
    assertTrue(h.indexOf(shadow) < h.indexOf(start));
    assertTrue(h.indexOf(start) < h.indexOf(ready));
    assertTrue(h.indexOf(ready) < h.indexOf(go));
    assertEquals(ready.opId(), go.opId());
    assertEquals(Method.MIRROR, go.method());
    assertEquals(DEST, go.destination());
  }

  @Test
  void theMigrationIdIsTheWallClockInMicrosecondsLikeTheSeeds() {
    VmxEvent.StartSvmotion go = h.only(VmxEvent.StartSvmotion.class);
    assertTrue(go.migrationId().toString().matches("\\d{16}"), go.migrationId().toString());
    long micros = START * 1000 + h.timeOf(VmxEvent.StartSvmotion.class) / 1000;
    assertEquals(Long.toString(micros), go.migrationId().toString());
  }

  @Test
  void theSourceIsDeletedOnlyAfterTheSwitchoverAndTheDestinationHoldsEverything() {
    AgentEvent.SourceFilesDeleted deleted = h.only(AgentEvent.SourceFilesDeleted.class);
    assertEquals(SOURCE, deleted.source());
    assertTrue(deleted.files().containsAll(WORKING_DIR.keySet()));
    assertTrue(deleted.files().containsAll(List.of("W1_2/W1_2.vmdk", "W1_2/W1_2-flat.vmdk")));
    assertEquals(List.of(), h.files(SOURCE));
    assertTrue(h.files(DEST).containsAll(WORKING_DIR.keySet()));
    assertTrue(h.files(DEST).contains("W1_2/W1_2-flat.vmdk"));
    assertTrue(h.indexOf(h.only(VmxEvent.SvmotionFinished.class)) < h.indexOf(deleted));
    int firstSourceDelete = h.events.indexOf(h.all(KernelEvent.FileDeleted.class).get(0));
    assertTrue(h.indexOf(h.only(AgentEvent.WorkingDirCopied.class)) < firstSourceDelete);
  }

  @Test
  void theSourceRegistrationGoesAndTheTaskSucceedsOnce() {
    AgentEvent.VmUnregistered gone = h.only(AgentEvent.VmUnregistered.class);
    assertEquals(SOURCE.path() + "/W1_2/W1_2.vmx", gone.vmxPath());
    AgentEvent.LroFinished lro = h.only(AgentEvent.LroFinished.class);
    assertTrue(lro.success());
    assertEquals(h.only(AgentEvent.LroBegan.class).lroId(), lro.lroId());
    AgentEvent.RelocateFinished done = h.only(AgentEvent.RelocateFinished.class);
    assertTrue(done.success());
    assertEquals("", done.fault());
    assertEquals(h.timeOf(AgentEvent.RelocateFinished.class) - VirtualTime.seconds(60), done.elapsedNanos());
    List<AgentEvent.HostdTaskCompleted> tasks = h.all(AgentEvent.HostdTaskCompleted.class);
    assertTrue(tasks.stream().allMatch(AgentEvent.HostdTaskCompleted::success));
    assertTrue(tasks.get(1).taskId().matches("haTask-\\d+-vim\\.VirtualMachine\\.relocate-\\d+"));
  }

  @Test
  void progressIsReportedAtEachTenthOfTheCopy() {
    List<AgentEvent.HostdTaskProgress> progress = h.all(AgentEvent.HostdTaskProgress.class);
    assertEquals(List.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100),
        progress.stream().map(AgentEvent.HostdTaskProgress::percent).toList());
    String relocateTask = h.all(AgentEvent.HostdTaskCreated.class).get(1).taskId();
    assertTrue(progress.stream().allMatch(p -> p.taskId().equals(relocateTask)));
  }

  @Test
  void theLroCarriesTheVmsMoidAndARelocateMethod() {
    AgentEvent.LroBegan began = h.only(AgentEvent.LroBegan.class);
    assertEquals("vm-" + h.all(AgentEvent.VmRegistered.class).get(0).hostdId(), began.moid());
    assertEquals("vim.VirtualMachine.relocate", began.method());
    assertTrue(began.opId().matches("[0-9a-f]{7}-[0-9a-f]{2}-[0-9a-f]{2}"), began.opId());
    assertTrue(began.taskUuid().matches("52[0-9a-f]{6}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    assertTrue(began.lroId().matches("lro-\\d+"));
  }
}
