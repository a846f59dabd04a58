package org.svmsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.config.HostConfig;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.vmx.config.DiskConfig;
import org.svmsim.vmx.config.VmConfig;
import org.svmsim.vmx.config.WorkloadConfig;

class ScenarioAssemblyTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long MILLISECOND = 1_000_000L;

  @Test
  void seedBecomesComponentConfigs() {
    ScenarioAssembly a = ScenarioAssembly.of(ScenarioLoader.load("seed", Overrides.none()));
    assertEquals(12L, a.seed());
    assertEquals(1463661660000L, a.startEpochMillis());

    HostConfig host = a.host();
    assertEquals("esx-w1.lab.local", host.hostname());
    assertEquals(List.of(1165159L * 1_000_000, 1592032L * 1_000_000, 2110123L * 1_000_000, 2652841L * 1_000_000),
        host.rescanAtNanos());
    assertEquals(List.of(WorldId.of(34821), WorldId.of(34803)), host.helperWorlds());
    assertEquals(7 * 60 * SECOND, host.rescanMinNanos());

    DatastoreConfig dest = a.datastores().get(1);
    assertEquals(DatastoreId.of("5739734e-f309ac87-4491-f8bc123449c2"), dest.uuid());
    assertEquals(8L << 20, dest.blockSizeBytes());
    assertEquals(200_000_000L, dest.performance().bytesPerSecond());
    assertEquals(3_117_000L, dest.performance().latencyNanos());

    VmConfig vm = a.vms().get(0);
    assertEquals(VmId.of("W1_2"), vm.name());
    assertEquals(DatastoreId.of("57396b2a-3d2e4f10-8a3c-f8bc123449c2"), vm.home());
    assertEquals(WorldId.of(808643), vm.world());
    assertEquals(4L << 30, vm.memoryBytes());
    DiskConfig disk = vm.disks().get(0);
    assertEquals("W1_2.vmdk", disk.fileName());
    assertEquals(33554432L, disk.capacitySectors());
    assertFalse(disk.thin());
    assertEquals(DiskHandle.parse("10a80a6"), disk.handle());
    assertEquals(DiskHandle.parse("819390"), disk.destinationHandle());
    assertEquals(8L, vm.workload().ioSectors());
    assertEquals(WorkloadConfig.Locality.UNIFORM, vm.workload().locality());

    assertEquals(List.of(0L, (18 * 60 + 29) * SECOND + 640 * MILLISECOND, 55 * 60 * SECOND),
        a.timeline().stream().map(TimedEvent::atNanos).toList());
    assertInstanceOf(AgentEvent.PowerOnVm.class, a.timeline().get(0).event());
    assertInstanceOf(AgentEvent.PowerOffVm.class, a.timeline().get(2).event());
    AgentEvent.RelocateVm relocate = assertInstanceOf(AgentEvent.RelocateVm.class, a.timeline().get(1).event());
    assertEquals(VmId.of("W1_2"), relocate.vm());
    assertEquals(Method.MIRROR, relocate.method());
    assertEquals(dest.uuid(), relocate.destination());
    assertEquals(2048L, relocate.options().chunkSectors());
    assertEquals("auto", relocate.options().mover());
    assertEquals(100 * SECOND, relocate.options().maxSwitchoverNanos());
  }

  @Test
  void laterDisksAreNumberedAndUnpinnedHandlesAreNull() {
    Scenario s = Scenarios.load(Scenarios.minimal().replace("      - size: 1GiB\n",
        "      - size: 1GiB\n      - {size: 2GiB, provisioning: thin}\n      - size: 512B\n"),
        Overrides.none().withSet("vms[0].workload.ioSize=512B").withSet("vms[0].workload.locality=hotset"));
    VmConfig vm = ScenarioAssembly.of(s).vms().get(0);
    assertEquals(List.of("vm1.vmdk", "vm1_1.vmdk", "vm1_2.vmdk"), vm.disks().stream().map(DiskConfig::fileName).toList());
    assertEquals(List.of(2097152L, 4194304L, 1L), vm.disks().stream().map(DiskConfig::capacitySectors).toList());
    assertEquals(true, vm.disks().get(1).thin());
    assertNull(vm.disks().get(0).handle());
    assertNull(vm.disks().get(0).destinationHandle());
    assertEquals(WorkloadConfig.Locality.HOTSET, vm.workload().locality());
    // Referenced by name in the scenario, the destination still becomes the datastore's uuid.
    AgentEvent.RelocateVm r = (AgentEvent.RelocateVm) ScenarioAssembly.of(s).timeline().get(1).event();
    assertEquals(DatastoreId.of("11111111-22222222-3333-555555555555"), r.destination());
  }

  @Test
  void anInvalidScenarioIsRefusedEvenWhenBuiltInCode() {
    Scenario s = Scenarios.load(Scenarios.minimal());
    Scenario bad = new Scenario(s.name(), s.description(), s.lesson(), s.seed(), s.start(), s.host(),
        s.datastores(), List.of(s.vms().get(0), s.vms().get(0)), s.timeline(), s.limits(), s.faults());
    assertThrows(BadValueException.class, () -> ScenarioAssembly.of(bad));
  }

  @Test
  void aVmBootsInADrawnTimeUnlessItsScenarioPinsOne() {
    assertEquals(1500 * MILLISECOND, ScenarioAssembly.of(ScenarioLoader.load("seed", Overrides.none()))
        .vms().get(0).bootNanos(), "the seed pins the boot its guest writes follow");
    assertEquals(VmConfig.BOOT_DRAWN, ScenarioAssembly.of(ScenarioLoader.load("quick", Overrides.none()))
        .vms().get(0).bootNanos());
    assertEquals(2250 * MILLISECOND, ScenarioAssembly.of(ScenarioLoader.load("quick",
        Overrides.none().withSet("vms[0].boot=2.25s"))).vms().get(0).bootNanos());
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioLoader.load("quick", Overrides.none().withSet("vms[0].boot=soon")));
    assertTrue(e.getMessage().contains("vms[0].boot: bad value \"soon\": expected drawn or a duration"),
        e.getMessage());
  }

  @Test
  void anUpdateWrittenAsVmwareNamesItIsPrintedDotted() {
    assertEquals("7.0.2", ScenarioAssembly.of(ScenarioLoader.load("quick",
        Overrides.none().withSet("host.version=7.0U2"))).host().esxVersion());
    assertEquals("8.0.2", ScenarioAssembly.of(ScenarioLoader.load("quick",
        Overrides.none().withSet("host.version=8.0.2"))).host().esxVersion());
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioLoader.load("quick", Overrides.none().withSet("host.version=7.0 Update 2")));
    assertTrue(e.getMessage().contains("expected an ESXi version like 6.0.0 or 7.0U2"), e.getMessage());
  }
}
