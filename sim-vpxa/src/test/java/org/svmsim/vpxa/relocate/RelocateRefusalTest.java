package org.svmsim.vpxa.relocate;

import static org.junit.jupiter.api.Assertions.*;
import static org.svmsim.vpxa.AgentsHarness.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.vmfs.NoSpaceException;
import org.svmsim.vpxa.AgentsHarness;
import org.svmsim.vpxa.hostd.VmState;

class RelocateRefusalTest {

  /** Refused before any work: the LRO begins and fails, nothing is copied, the VM is untouched. */
  private static void assertRefused(AgentsHarness h, String fault) {
    AgentEvent.LroFinished lro = h.only(AgentEvent.LroFinished.class);
    assertFalse(lro.success());
    assertEquals(fault, lro.fault());
    AgentEvent.RelocateFinished done = h.only(AgentEvent.RelocateFinished.class);
    assertFalse(done.success());
    assertEquals(fault.substring(fault.indexOf(": ") + 2), done.fault());
    assertTrue(h.all(AgentEvent.RelocateStepStarted.class).isEmpty());
    assertTrue(h.all(VmxEvent.StartSvmotion.class).isEmpty());
    assertEquals(List.of(), h.files(DEST));
  }

  @Test
  void aPoweredOffVmIsRefused() {
    AgentsHarness h = new AgentsHarness(2);
    h.at(5, new AgentEvent.RelocateVm(VM, Method.MIRROR, DEST, options()));
    h.loop.run();
    assertRefused(h, "vim.fault.InvalidPowerState: a mirror relocate needs W1_2 powered on; it is "
        + "VM_STATE_OFF");
    assertEquals(VmState.OFF, h.agents.state(VM));
  }

  @Test
  void aSecondRelocateWhileOneRunsIsRefusedAndTheFirstCompletes() {
    AgentsHarness h = new AgentsHarness(3);
    h.at(70, new AgentEvent.RelocateVm(VM, Method.MIRROR, DEST, options()));
    h.relocate("mirror");
    List<AgentEvent.LroFinished> lros = h.all(AgentEvent.LroFinished.class);
    assertEquals(2, lros.size());
    assertFalse(lros.get(0).success());
    assertTrue(lros.get(0).fault().startsWith("vim.fault.TaskInProgress: "), lros.get(0).fault());
    assertTrue(lros.get(1).success());
    assertEquals(DEST.path() + "/W1_2/W1_2.vmx", h.agents.vmxPath(VM));
  }

  @Test
  void aFullDestinationFailsTheTaskInStepOneWithoutLeftovers() {
    AgentsHarness h = new AgentsHarness(4, 3L << 20); // three 1 MiB blocks free, four non-empty files
    h.relocate("mirror");
    AgentEvent.LroFinished lro = h.only(AgentEvent.LroFinished.class);
    assertFalse(lro.success());
    assertTrue(lro.fault().startsWith("vim.fault.NoDiskSpace: No space left on device"), lro.fault());
    assertEquals(List.of(), h.files(DEST));
    assertEquals(VmState.ON, h.agents.state(VM));
    assertEquals(SOURCE.path() + "/W1_2/W1_2.vmx", h.agents.vmxPath(VM));
    assertTrue(h.all(AgentEvent.WorkingDirCopied.class).isEmpty());
    assertEquals(List.of("INITIALIZING->OFF", "OFF->POWERING_ON", "POWERING_ON->ON", "ON->MIGRATING",
        "MIGRATING->ON"), h.transitions());
  }

  @Test
  void aFileAlreadyAtTheDestinationFailsTheTaskAndIsLeftAlone() throws NoSpaceException {
    AgentsHarness h = new AgentsHarness(5);
    h.vmfs.volume(DEST).createFile("W1_2/W1_2.vmx", 42, false);
    h.relocate("mirror");
    AgentEvent.LroFinished lro = h.only(AgentEvent.LroFinished.class);
    assertTrue(lro.fault().startsWith("vim.fault.FileAlreadyExists: "), lro.fault());
    assertEquals(List.of("W1_2/W1_2.vmx"), h.files(DEST));
    assertEquals(42, h.vmfs.volume(DEST).file("W1_2/W1_2.vmx").orElseThrow().sizeBytes());
  }

  @Test
  void relocatingToTheVmsOwnDatastoreIsRefused() {
    AgentsHarness h = new AgentsHarness(6);
    h.at(0, new AgentEvent.PowerOnVm(VM));
    h.at(60, new AgentEvent.RelocateVm(VM, Method.MIRROR, SOURCE, options()));
    h.loop.run();
    assertRefused(h, "vmodl.fault.InvalidArgument: W1_2 already lives on " + SOURCE);
  }
}
