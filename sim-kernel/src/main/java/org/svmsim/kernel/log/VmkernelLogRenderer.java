package org.svmsim.kernel.log;

import static org.svmsim.kernel.log.VmkernelCatalog.FSR_DESTINATION_SWITCHOVER_TIMEOUT;
import static org.svmsim.kernel.log.VmkernelCatalog.FSR_SOURCE_SWITCHOVER_TIMEOUT;
import static org.svmsim.kernel.log.VmkernelCatalog.FSS_NO_FS_DRIVER;
import static org.svmsim.kernel.log.VmkernelCatalog.MIGRATE_SWITCHOVER_FAILED;
import static org.svmsim.kernel.log.VmkernelCatalog.SVM_CREATED;
import static org.svmsim.kernel.log.VmkernelCatalog.SVM_DESTROYED;
import static org.svmsim.kernel.log.VmkernelCatalog.SVM_IO_STATS;
import static org.svmsim.kernel.log.VmkernelCatalog.SVM_IO_STATS_TOTALS;
import static org.svmsim.kernel.log.VmkernelCatalog.SVM_IO_STATS_WRITES;
import static org.svmsim.kernel.log.VmkernelCatalog.SVM_MAKE_DEV;
import static org.svmsim.kernel.log.VmkernelCatalog.VOL3_PROBE_OPEN_FAILED;
import static org.svmsim.kernel.log.VmkernelCatalog.VOL3_VOLUME_OPEN_FAILED;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;

/**
 * Renders var/log/vmkernel.log from kernel events. Only events with a known real ESXi line render;
 * the rest (file creation, chunk copies, guest I/O) stay silent, as they do on a real host.
 */
public final class VmkernelLogRenderer implements LogRenderer {
  public static final String PATH = "var/log/vmkernel.log";
  /** A world that keeps logging within this gap stays on its cpu, as the seed's bursts do. */
  private static final long STICKY_NANOS = VirtualTime.SECOND;

  private record Placement(int cpu, long lastNanos) {}

  private final LineBuffer out = new LineBuffer();
  // Looked up only, never iterated, so HashMap order cannot reach the log.
  private final Map<WorldId, Placement> placements = new HashMap<>();
  private EsxTime time;
  private SimRandom random;
  private int cpus;

  @Override
  public void onEvent(long timeNanos, Event event) {
    if (event instanceof RunEvent.RunStarted run) {
      start(run);
    } else if (event instanceof KernelEvent.SvmDeviceCreated e) {
      log(timeNanos, e.world(), SVM_MAKE_DEV, e.device());
      log(timeNanos, e.world(), SVM_CREATED, e.device(), e.primary(), e.secondary());
    } else if (event instanceof KernelEvent.ProbeOpenFailed e) {
      log(timeNanos, e.world(), VOL3_PROBE_OPEN_FAILED, e.device(), e.status());
    } else if (event instanceof KernelEvent.VolumeOpenFailed e) {
      log(timeNanos, e.world(), VOL3_VOLUME_OPEN_FAILED, e.device(), e.status());
    } else if (event instanceof KernelEvent.NoFsDriverClaimed e) {
      log(timeNanos, e.world(), FSS_NO_FS_DRIVER, e.device());
    } else if (event instanceof KernelEvent.SvmMirrorStats e) {
      log(timeNanos, e.world(), SVM_IO_STATS, e.device());
      log(timeNanos, e.world(), SVM_IO_STATS_TOTALS, e.reads(), e.readBytes(), e.writes(), e.writeBytes());
      log(timeNanos, e.world(), SVM_IO_STATS_WRITES, e.mirroredWrites(), e.splitWrites(),
          e.sourceOnlyWrites(), e.heldWrites(), e.copiedBytes());
    } else if (event instanceof KernelEvent.SvmDeviceDestroyed e) {
      log(timeNanos, e.world(), SVM_DESTROYED, e.device());
    } else if (event instanceof KernelEvent.SwitchoverTimedOut e) {
      log(timeNanos, e.world(), FSR_SOURCE_SWITCHOVER_TIMEOUT, e.migrationId(), e.maxSeconds());
      log(timeNanos, e.world(), FSR_DESTINATION_SWITCHOVER_TIMEOUT, e.migrationId(), e.maxSeconds());
      // The return address is cosmetic; this is the one DOMAIN.md section 4 quotes.
      log(timeNanos, e.world(), MIGRATE_SWITCHOVER_FAILED, e.migrationId(), "41800f61cee2");
    }
  }

  private void start(RunEvent.RunStarted run) {
    if (run.cpus() < 1) {
      throw new IllegalArgumentException("RunStarted.cpus must be positive, was " + run.cpus());
    }
    time = new EsxTime(run.startEpochMillis());
    random = new SimRandom(run.seed()).split("vmkernel.log");
    cpus = run.cpus();
  }

  private void log(long timeNanos, WorldId world, VmkernelCatalog entry, Object... args) {
    if (time == null) {
      throw new IllegalStateException("vmkernel.log: " + entry + " before RunStarted");
    }
    out.line(time.format(timeNanos) + " cpu" + cpu(world, timeNanos) + ":" + world + ")" + entry.body(args));
  }

  /** The physical cpu the line is logged from: sticky while the world logs in bursts, else redrawn. */
  private int cpu(WorldId world, long timeNanos) {
    Placement last = placements.get(world);
    int cpu = last != null && timeNanos - last.lastNanos() < STICKY_NANOS ? last.cpu() : random.nextInt(cpus);
    placements.put(world, new Placement(cpu, timeNanos));
    return cpu;
  }

  @Override
  public SortedMap<String, String> files() {
    return new TreeMap<>(Map.of(PATH, out.toString()));
  }
}
