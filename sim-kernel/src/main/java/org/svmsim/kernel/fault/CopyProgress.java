package org.svmsim.kernel.fault;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;

/**
 * A VM's copy progress, read from the copy facts: sectors copied over sectors to copy, across the disks
 * whose copy has started. The VMX's world ties a copy to its VM.
 */
final class CopyProgress {
  private final Map<WorldId, VmId> vmOfWorld = new LinkedHashMap<>();
  private final Map<DeviceName, VmId> vmOfDevice = new LinkedHashMap<>();
  private final Map<VmId, long[]> copiedAndTotal = new LinkedHashMap<>();

  void vmxStarted(VmxEvent.VmxStarted e) {
    if (!e.shadow()) {
      vmOfWorld.put(e.world(), e.vm());
    }
  }

  /** The VM whose copy started, or null if its VMX is unknown. */
  VmId copyStarted(KernelEvent.DiskCopyStarted e) {
    VmId vm = vmOfWorld.get(e.world());
    if (vm != null) {
      vmOfDevice.put(e.device(), vm);
      copiedAndTotal.computeIfAbsent(vm, v -> new long[2])[1] += e.sectors();
    }
    return vm;
  }

  /** The VM whose copy advanced, or null. */
  VmId chunkCopied(KernelEvent.ChunkCopied e) {
    VmId vm = vmOfDevice.get(e.device());
    if (vm != null) {
      copiedAndTotal.get(vm)[0] += e.sectors();
    }
    return vm;
  }

  long copied(VmId vm) {
    return copiedAndTotal.getOrDefault(vm, new long[2])[0];
  }

  long total(VmId vm) {
    return copiedAndTotal.getOrDefault(vm, new long[2])[1];
  }
}
