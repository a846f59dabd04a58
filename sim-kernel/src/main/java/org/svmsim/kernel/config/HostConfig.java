package org.svmsim.kernel.config;

import java.util.List;
import org.svmsim.kernel.id.WorldId;

/**
 * The ESXi host as the kernel needs it. {@code rescanAt} pins the rescans' virtual times (to reproduce a
 * real log's rhythm); when empty, rescans come every {@code rescanMin..rescanMax}, uniformly drawn, the
 * first {@code rescanFirst} after the start. {@code helperWorlds} are the worlds that run the rescans.
 */
public record HostConfig(String hostname, String esxVersion, String esxBuild, int cpus,
    long rescanFirstNanos, long rescanMinNanos, long rescanMaxNanos, List<Long> rescanAtNanos,
    List<WorldId> helperWorlds) {
  public HostConfig {
    if (cpus < 1) {
      throw new IllegalArgumentException("host.cpus must be at least 1, was " + cpus);
    }
    if (rescanMinNanos <= 0 || rescanMaxNanos < rescanMinNanos) {
      throw new IllegalArgumentException("rescan interval must satisfy 0 < min <= max");
    }
    if (helperWorlds.isEmpty()) {
      throw new IllegalArgumentException("host.rescan.worlds must name at least one world");
    }
    rescanAtNanos = List.copyOf(rescanAtNanos);
    helperWorlds = List.copyOf(helperWorlds);
  }
}
