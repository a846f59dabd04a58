package org.svmsim.vpxa.hostd;

import static org.junit.jupiter.api.Assertions.*;
import static org.svmsim.vpxa.AgentsHarness.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.vpxa.AgentsHarness;

class PowerOpsTest {

  @Test
  void registrationLeavesTheVmOff() {
    AgentsHarness h = new AgentsHarness(1);
    h.loop.run();
    AgentEvent.VmRegistered reg = h.only(AgentEvent.VmRegistered.class);
    assertFalse(reg.shadow());
    assertEquals(SOURCE.path() + "/W1_2/W1_2.vmx", reg.vmxPath());
    assertEquals(List.of("INITIALIZING->OFF"), h.transitions());
    assertEquals(VmState.OFF, h.agents.state(VM));
  }

  @Test
  void powerOnWaitsForTheGuestAndPowerOffForTheVmx() {
    AgentsHarness h = new AgentsHarness(2);
    h.at(0, new AgentEvent.PowerOnVm(VM));
    h.at(100, new AgentEvent.PowerOffVm(VM));
    h.loop.run();
    assertEquals(List.of("INITIALIZING->OFF", "OFF->POWERING_ON", "POWERING_ON->ON", "ON->POWERING_OFF",
        "POWERING_OFF->OFF"), h.transitions());
    VmxEvent.StartVmx start = h.only(VmxEvent.StartVmx.class);
    assertEquals(SOURCE, start.home());
    assertFalse(start.shadow());
    assertEquals(VM, h.only(VmxEvent.StopVmx.class).vm());
    List<AgentEvent.HostdTaskCreated> created = h.all(AgentEvent.HostdTaskCreated.class);
    assertTrue(created.get(0).taskId().matches("haTask-\\d+-vim\\.VirtualMachine\\.powerOn-\\d+"));
    assertTrue(created.get(1).taskId().matches("haTask-\\d+-vim\\.VirtualMachine\\.powerOff-\\d+"));
    List<AgentEvent.HostdTaskCompleted> completed = h.all(AgentEvent.HostdTaskCompleted.class);
    assertEquals(created.stream().map(AgentEvent.HostdTaskCreated::taskId).toList(),
        completed.stream().map(AgentEvent.HostdTaskCompleted::taskId).toList());
    assertTrue(completed.stream().allMatch(AgentEvent.HostdTaskCompleted::success));
    // The power-on completes when the guest runs (10 s in the fake VMX), not when the VMX starts.
    assertEquals(10_000_000_000L, h.timeOf(AgentEvent.HostdTaskCompleted.class));
  }

  @Test
  void powerOnOfARunningVmIsRefusedAndChangesNothing() {
    AgentsHarness h = new AgentsHarness(3);
    h.at(0, new AgentEvent.PowerOnVm(VM));
    h.at(30, new AgentEvent.PowerOnVm(VM));
    h.loop.run();
    List<AgentEvent.HostdTaskCompleted> completed = h.all(AgentEvent.HostdTaskCompleted.class);
    assertEquals(List.of(true, false), completed.stream().map(AgentEvent.HostdTaskCompleted::success).toList());
    assertTrue(completed.get(1).fault().startsWith("vim.fault.InvalidPowerState: "));
    assertEquals(1, h.all(VmxEvent.StartVmx.class).size());
    assertEquals(VmState.ON, h.agents.state(VM));
  }

  @Test
  void powerOffDuringARelocateWaitsForItsEnd() {
    AgentsHarness h = new AgentsHarness(4);
    h.at(65, new AgentEvent.PowerOffVm(VM));
    h.relocate("mirror");
    assertEquals(List.of("INITIALIZING->OFF", "OFF->POWERING_ON", "POWERING_ON->ON", "ON->MIGRATING",
        "MIGRATING->ON", "ON->POWERING_OFF", "POWERING_OFF->OFF"), h.transitions());
    assertTrue(h.indexOf(h.only(AgentEvent.RelocateFinished.class)) < h.indexOf(h.only(VmxEvent.StopVmx.class)));
    assertTrue(h.only(AgentEvent.RelocateFinished.class).success());
    assertEquals(VmState.OFF, h.agents.state(VM));
    // Powered off where it now lives.
    assertEquals(DEST.path() + "/W1_2/W1_2.vmx", h.all(AgentEvent.VmStateChanged.class).get(6).vmxPath());
  }

  @Test
  void aVmxStoppingOnItsOwnDoesNotPowerTheVmOff() {
    AgentsHarness h = new AgentsHarness(5);
    h.at(0, new AgentEvent.PowerOnVm(VM));
    h.at(30, new VmxEvent.VmxStopped(VM, "source VMX exits after fast suspend/resume"));
    h.loop.run();
    assertEquals(VmState.ON, h.agents.state(VM));
  }
}
