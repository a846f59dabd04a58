package org.svmsim.vpxa.hostd;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.copy.mover.DataMover;
import org.svmsim.kernel.id.CopyJobId;
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
  final TaskProgress progress = new TaskProgress(loop, new org.svmsim.kernel.sim.Subscriptions(loop));
  final CopyJobId disk0 = new CopyJobId(1);
  final CopyJobId disk1 = new CopyJobId(2);
  final HostdVm vm = new HostdVm(new ManagedVm(VmId.of("W1_2"), DS), 12, DS, "/x.vmx");

  TaskProgressTest() {
    loop.subscribe(AgentEvent.HostdTaskProgress.class, e -> percents.add(e.percent()));
    vm.task("haTask-12-vim.VirtualMachine.relocate-1", "abcdef01");
    progress.track(vm, List.of(new DiskHandle(0x10a80a6), new DiskHandle(0x10a80a7)));
    send(new KernelEvent.CopyJobCreated(WORLD, disk0, new DiskHandle(0x10a80a6), new DiskHandle(0x819390), 1000));
    send(new KernelEvent.CopyJobCreated(WORLD, disk1, new DiskHandle(0x10a80a7), new DiskHandle(0x819391), 1000));
  }

  private static KernelEvent.CopyPassStarted started(CopyJobId job, int pass, long sectors) {
    return new KernelEvent.CopyPassStarted(WORLD, job, pass, sectors, 100, DataMover.FS3DM);
  }

  @Test
  void aLaterPassAddsToTheWorkAndTheFigureNeverGoesBack() {
    send(started(disk0, 1, 1000));
    send(started(disk1, 1, 1000));
    send(new KernelEvent.ChunkCopied(disk0, 1, 0, 1000));
    send(new KernelEvent.ChunkCopied(disk1, 1, 0, 800));
    assertEquals(List.of(10, 20, 30, 40, 50, 60, 70, 80, 90), percents);
    // A second pass of 2000 dirty sectors: 1800 of 4000 copied is 45 %, and 90 % stays the last figure.
    send(started(disk0, 2, 2000));
    send(new KernelEvent.ChunkCopied(disk0, 2, 0, 1000));
    assertEquals(9, percents.size());
    send(new KernelEvent.ChunkCopied(disk1, 1, 800, 200));
    send(new KernelEvent.ChunkCopied(disk0, 2, 1000, 1000));
    assertEquals(100, percents.get(percents.size() - 1));
  }

  private void send(KernelEvent e) {
    loop.publish(e);
    loop.run();
  }

  @Test
  void twoDisksShareTheHundredPercentAndOutOfOrderChunksCount() {
    send(started(disk0, 1, 1000));
    send(started(disk1, 1, 1000));
    for (int lba = 900; lba >= 0; lba -= 100) {
      send(new KernelEvent.ChunkCopied(disk0, 1, lba, 100));
    }
    assertEquals(List.of(10, 20, 30, 40, 50), percents);
    send(new KernelEvent.ChunkCopied(disk1, 1, 0, 1000));
    assertEquals(List.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100), percents);
    send(new KernelEvent.ChunkCopied(disk1, 1, 0, 1000));
    assertEquals(10, percents.size(), "never past 100%, never twice");
  }

  @Test
  void otherDevicesAndEndedTasksReportNothing() {
    CopyJobId stranger = new CopyJobId(3);
    progress.track(new HostdVm(new ManagedVm(VmId.of("W9"), DS), 13, DS, "/y.vmx"),
        List.of(new DiskHandle(0x999)));
    send(new KernelEvent.CopyJobCreated(WORLD, stranger, new DiskHandle(0x777), new DiskHandle(0x888), 1000));
    send(started(stranger, 1, 1000));
    send(new KernelEvent.ChunkCopied(stranger, 1, 0, 1000));
    assertEquals(List.of(), percents);
    send(started(disk0, 1, 1000));
    progress.untrack(vm.config().vm());
    send(new KernelEvent.ChunkCopied(disk0, 1, 0, 1000));
    assertEquals(List.of(), percents);
  }
}
