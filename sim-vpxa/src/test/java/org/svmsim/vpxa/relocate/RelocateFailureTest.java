package org.svmsim.vpxa.relocate;

import static org.junit.jupiter.api.Assertions.*;
import static org.svmsim.vpxa.AgentsHarness.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.vpxa.AgentsHarness;
import org.svmsim.vpxa.hostd.VmState;

class RelocateFailureTest {
  static final String REASON = "Maximum switchover time for migration exceeded";

  private static AgentsHarness failing() {
    AgentsHarness h = new AgentsHarness(11);
    h.vmx.failWith = REASON;
    return h.relocate("mirror");
  }

  @Test
  void theDestinationsLeftoversGoAndTheSourceStaysWhole() {
    AgentsHarness h = failing();
    assertEquals(List.of(), h.files(DEST));
    List<String> source = new ArrayList<>(WORKING_DIR.keySet());
    source.addAll(List.of("W1_2/W1_2-flat.vmdk", "W1_2/W1_2.vmdk"));
    assertEquals(source.stream().sorted().toList(), h.files(SOURCE));
    assertTrue(h.all(KernelEvent.FileDeleted.class).stream().allMatch(d -> d.datastore().equals(DEST)));
    // Both the copied working directory and the VMX's disk files were removed.
    assertEquals(WORKING_DIR.size() + 2, h.all(KernelEvent.FileDeleted.class).size());
    assertTrue(h.all(AgentEvent.SourceFilesDeleted.class).isEmpty());
  }

  @Test
  void theVmKeepsRunningFromTheSource() {
    AgentsHarness h = failing();
    assertEquals(List.of("INITIALIZING->OFF", "OFF->POWERING_ON", "POWERING_ON->ON", "ON->MIGRATING",
        "MIGRATING->ON"), h.transitions());
    assertEquals(VmState.ON, h.agents.state(VM));
    assertEquals(SOURCE.path() + "/W1_2/W1_2.vmx", h.agents.vmxPath(VM));
    AgentEvent.VmUnregistered gone = h.only(AgentEvent.VmUnregistered.class);
    assertEquals(DEST.path() + "/W1_2/W1_2.vmx", gone.vmxPath(), "the shadow, not the VM, goes");
  }

  @Test
  void theTaskFailsWithTheVmxsReason() {
    AgentsHarness h = failing();
    AgentEvent.LroFinished lro = h.only(AgentEvent.LroFinished.class);
    assertFalse(lro.success());
    assertEquals("vmodl.fault.SystemError: " + REASON, lro.fault());
    AgentEvent.RelocateFinished done = h.only(AgentEvent.RelocateFinished.class);
    assertFalse(done.success());
    assertEquals(REASON, done.fault());
    AgentEvent.HostdTaskCompleted task = h.all(AgentEvent.HostdTaskCompleted.class).get(1);
    assertFalse(task.success());
    assertTrue(task.fault().contains(REASON));
  }

  @Test
  void aRetryAfterAFailureSucceeds() {
    AgentsHarness h = new AgentsHarness(12);
    h.vmx.failWith = REASON;
    h.relocate("mirror");
    h.vmx.failWith = null;
    h.loop.scheduleAt(h.loop.now() + VirtualTime.seconds(30),
        new AgentEvent.RelocateVm(VM, Method.MIRROR, DEST, options()));
    h.loop.run();
    List<AgentEvent.RelocateFinished> done = h.all(AgentEvent.RelocateFinished.class);
    assertEquals(List.of(false, true), done.stream().map(AgentEvent.RelocateFinished::success).toList());
    assertEquals(DEST.path() + "/W1_2/W1_2.vmx", h.agents.vmxPath(VM));
    assertEquals(List.of(), h.files(SOURCE));
  }
}
