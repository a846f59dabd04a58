package org.svmsim.vpxa.hostd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.Bus;

/**
 * Turns the kernel's copy progress into the relocate task's progress, reported at each 10% step. A mirror
 * device belongs to the relocate whose source file it mirrors: its name starts with that file's handle.
 * {@link KernelEvent.ChunkCopied} comes once per chunk, so its handler is two map lookups and some
 * arithmetic. The maps are only looked up, never iterated, so their order cannot reach the output.
 */
final class TaskProgress {
  private final Bus bus;
  private final Map<VmId, Task> tasks = new LinkedHashMap<>();
  private final Map<String, Task> bySourceHandle = new HashMap<>();
  private final Map<DeviceName, Disk> disks = new HashMap<>();

  private static final class Task {
    final HostdVm vm;
    int diskCount;
    final List<String> handles;
    final List<DeviceName> devices = new ArrayList<>();
    long permilleSum;
    int decile;

    Task(HostdVm vm, List<String> handles) {
      this.vm = vm;
      // diskFiles names each disk's descriptor and may name its -flat extent too: count descriptors.
      this.diskCount = (int) Math.max(1, vm.config().diskFiles().stream()
          .filter(p -> !p.endsWith("-flat.vmdk")).count());
      this.handles = handles;
    }
  }

  private static final class Disk {
    final Task task;
    final long sectors;
    long copied;
    long permille;

    Disk(Task task, long sectors) {
      this.task = task;
      this.sectors = Math.max(1, sectors);
    }
  }

  TaskProgress(Bus bus) {
    this.bus = bus;
    bus.subscribe(KernelEvent.DiskCopyStarted.class, this::onCopyStarted);
    bus.subscribe(KernelEvent.ChunkCopied.class, this::onChunkCopied);
  }

  void track(HostdVm vm, List<DiskHandle> sourceHandles) {
    List<String> handles = sourceHandles.stream().map(DiskHandle::toString).toList();
    Task t = new Task(vm, handles);
    tasks.put(vm.config().vm(), t);
    handles.forEach(h -> bySourceHandle.put(h, t));
  }

  void untrack(VmId vm) {
    Task t = tasks.remove(vm);
    if (t != null) {
      t.handles.forEach(bySourceHandle::remove);
      t.devices.forEach(disks::remove);
    }
  }

  private void onCopyStarted(KernelEvent.DiskCopyStarted e) {
    Task t = owner(e.device());
    if (t != null && !disks.containsKey(e.device())) {
      disks.put(e.device(), new Disk(t, e.sectors()));
      t.devices.add(e.device());
      t.diskCount = Math.max(t.diskCount, t.devices.size());
    }
  }

  private void onChunkCopied(KernelEvent.ChunkCopied e) {
    Disk d = disks.get(e.device());
    if (d == null) {
      return;
    }
    // Chunks may complete out of order when several are in flight: count sectors, not the cursor.
    d.copied = Math.min(d.sectors, d.copied + e.sectors());
    long permille = d.copied * 1000 / d.sectors;
    Task t = d.task;
    t.permilleSum += permille - d.permille;
    d.permille = permille;
    int decile = (int) Math.min(10, t.permilleSum / t.diskCount / 100);
    while (t.decile < decile) {
      t.decile++;
      bus.publish(new AgentEvent.HostdTaskProgress(t.vm.taskId(), t.vm.opId(), t.decile * 10));
    }
  }

  /** The relocate a mirror device serves: by its primary (source) handle, else the only one running. */
  private Task owner(DeviceName device) {
    String name = device.name();
    int dash = name.indexOf('-');
    Task t = dash > 0 ? bySourceHandle.get(name.substring(0, dash)) : null;
    if (t == null && tasks.size() == 1) {
      t = tasks.values().iterator().next();
    }
    return t;
  }
}
