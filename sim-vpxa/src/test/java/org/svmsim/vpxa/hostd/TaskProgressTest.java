package org.svmsim.vpxa.hostd;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.vpxa.ManagedVm;

class TaskProgressTest {
  static final DatastoreId DS = DatastoreId.of("57397351-0a1b2c3d-1122-f8bc123449c2");
  static final WorldId WORLD = WorldId.of(808643);
  final EventLoop loop = new EventLoop(1);
  final List<Integer> percents = new ArrayList<>();
  final TaskProgress progress = new TaskProgress(loop);
  final DeviceName disk0 = DeviceName.svmMirror(new DiskHandle(0x10a80a6), new DiskHandle(0x819390));
  final DeviceName disk1 = DeviceName.svmMirror(new DiskHandle(0x10a80a7), new DiskHandle(0x819391));
  final HostdVm vm = new HostdVm(new ManagedVm(VmId.of("W1_2"), DS), 12, DS, "/x.vmx");

  TaskProgressTest() {
    loop.subscribe(AgentEvent.HostdTaskProgress.class, e -> percents.add(e.percent()));
    vm.task("haTask-12-vim.VirtualMachine.relocate-1", "abcdef01");
    progress.track(vm, List.of(new DiskHandle(0x10a80a6), new DiskHandle(0x10a80a7)));
    send(new KernelEvent.SvmDeviceCreated(WORLD, disk0, new DiskHandle(0x10a80a6), new DiskHandle(0x819390)));
    send(new KernelEvent.SvmDeviceCreated(WORLD, disk1, new DiskHandle(0x10a80a7), new DiskHandle(0x819391)));
  }

  private void send(KernelEvent e) {
    loop.publish(e);
    loop.run();
  }

  @Test
  void twoDisksShareTheHundredPercentAndOutOfOrderChunksCount() {
    send(new KernelEvent.DiskCopyStarted(WORLD, disk0, 1000, 100, "fs3dm"));
    send(new KernelEvent.DiskCopyStarted(WORLD, disk1, 1000, 100, "fs3dm"));
    for (int lba = 900; lba >= 0; lba -= 100) {
      send(new KernelEvent.ChunkCopied(disk0, lba, 100));
    }
    assertEquals(List.of(10, 20, 30, 40, 50), percents);
    send(new KernelEvent.ChunkCopied(disk1, 0, 1000));
    assertEquals(List.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100), percents);
    send(new KernelEvent.ChunkCopied(disk1, 0, 1000));
    assertEquals(10, percents.size(), "never past 100%, never twice");
  }

  @Test
  void otherDevicesAndEndedTasksReportNothing() {
    DeviceName stranger = DeviceName.svmMirror(new DiskHandle(0x777), new DiskHandle(0x888));
    progress.track(new HostdVm(new ManagedVm(VmId.of("W9"), DS), 13, DS, "/y.vmx"),
        List.of(new DiskHandle(0x999)));
    send(new KernelEvent.SvmDeviceCreated(WORLD, stranger, new DiskHandle(0x777), new DiskHandle(0x888)));
    send(new KernelEvent.DiskCopyStarted(WORLD, stranger, 1000, 100, "fs3dm"));
    send(new KernelEvent.ChunkCopied(stranger, 0, 1000));
    assertEquals(List.of(), percents);
    send(new KernelEvent.DiskCopyStarted(WORLD, disk0, 1000, 100, "fs3dm"));
    progress.untrack(vm.config().vm());
    send(new KernelEvent.ChunkCopied(disk0, 0, 1000));
    assertEquals(List.of(), percents);
  }
}
