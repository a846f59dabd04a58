package org.svmsim.vpxa.hostd;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.Subscriptions;

/**
 * Turns the kernel's copy progress into the relocate task's progress, reported at each 10% step. A copy
 * job belongs to the relocate whose disk is its source ({@link KernelEvent.CopyJobCreated}), whatever the
 * method; progress is the sectors copied over all the task's passes of all its disks, out of all they
 * have been asked to copy so far. A later pass (dirty blocks, a redo log) adds to both, and the reported
 * figure never goes back. {@link KernelEvent.ChunkCopied} comes once per chunk, so its handler is one
 * lookup and some arithmetic. The maps are only looked up, never iterated.
 */
final class TaskProgress {
  private final Bus bus;
  private final Map<VmId, Task> tasks = new LinkedHashMap<>();
  private final Map<DiskHandle, Task> bySourceHandle = new HashMap<>();
  private final Map<CopyJobId, Task> byJob = new HashMap<>();

  private static final class Task {
    final HostdVm vm;
    final List<DiskHandle> handles;
    long sectors;
    long copied;
    int decile;

    Task(HostdVm vm, List<DiskHandle> handles) {
      this.vm = vm;
      this.handles = handles;
    }
  }

  TaskProgress(Bus bus, Subscriptions subscriptions) {
    this.bus = bus;
    subscriptions.on(KernelEvent.CopyJobCreated.class, e -> {
      Task t = bySourceHandle.get(e.source());
      if (t != null) {
        byJob.put(e.job(), t);
      }
    });
    // Every disk's first pass starts before any chunk of any of them completes, so the total is known.
    subscriptions.on(KernelEvent.CopyPassStarted.class, e -> {
      Task t = byJob.get(e.job());
      if (t != null) {
        t.sectors += e.sectors();
      }
    });
    subscriptions.on(KernelEvent.ChunkCopied.class, this::onChunkCopied);
  }

  void track(HostdVm vm, List<DiskHandle> sourceHandles) {
    Task t = new Task(vm, List.copyOf(sourceHandles));
    tasks.put(vm.config().vm(), t);
    t.handles.forEach(h -> bySourceHandle.put(h, t));
  }

  void untrack(VmId vm) {
    Task t = tasks.remove(vm);
    if (t != null) {
      t.handles.forEach(bySourceHandle::remove);
      byJob.values().removeIf(x -> x == t);
    }
  }

  private void onChunkCopied(KernelEvent.ChunkCopied e) {
    Task t = byJob.get(e.job());
    if (t == null || t.sectors == 0) {
      return;
    }
    // Chunks may complete out of order when several are in flight: count sectors, not a cursor.
    t.copied = Math.min(t.sectors, t.copied + e.sectors());
    int decile = (int) (t.copied * 10 / t.sectors);
    while (t.decile < decile) {
      t.decile++;
      bus.publish(new AgentEvent.HostdTaskProgress(t.vm.taskId(), t.vm.opId(), t.decile * 10));
    }
  }
}
