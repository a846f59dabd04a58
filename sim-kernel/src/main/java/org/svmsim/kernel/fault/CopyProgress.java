package org.svmsim.kernel.fault;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;

/**
 * A VM's copy progress, read from the copy-job facts: sectors the first pass has copied over the sectors
 * of the VM's copy jobs. Later passes (DBT's dirty blocks, snapshot rounds) re-copy what the guest wrote
 * and do not move it: 100 % is the first full copy. The VMX's world ties a job to its VM.
 */
final class CopyProgress {
  private final Map<WorldId, VmId> vmOfWorld = new LinkedHashMap<>();
  private final Map<CopyJobId, VmId> vmOfJob = new LinkedHashMap<>();
  private final Map<VmId, long[]> copiedAndTotal = new LinkedHashMap<>();

  void vmxStarted(VmxEvent.VmxStarted e) {
    if (!e.shadow()) {
      vmOfWorld.put(e.world(), e.vm());
    }
  }

  /** The VM whose copy job was created, or null if its VMX is unknown. */
  VmId jobCreated(KernelEvent.CopyJobCreated e) {
    VmId vm = vmOfWorld.get(e.world());
    if (vm != null) {
      vmOfJob.put(e.job(), vm);
      copiedAndTotal.computeIfAbsent(vm, v -> new long[2])[1] += e.sectors();
    }
    return vm;
  }

  /** The VM whose first pass advanced, or null. */
  VmId chunkCopied(KernelEvent.ChunkCopied e) {
    VmId vm = vmOfJob.get(e.job());
    if (vm != null && e.pass() == 1) {
      copiedAndTotal.get(vm)[0] += e.sectors();
      return vm;
    }
    return null;
  }

  long copied(VmId vm) {
    return copiedAndTotal.getOrDefault(vm, new long[2])[0];
  }

  long total(VmId vm) {
    return copiedAndTotal.getOrDefault(vm, new long[2])[1];
  }
}
