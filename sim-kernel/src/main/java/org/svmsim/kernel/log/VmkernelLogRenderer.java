package org.svmsim.kernel.log;

import static org.svmsim.kernel.log.VmkernelCatalog.BOOT_STARTING;
import static org.svmsim.kernel.log.VmkernelCatalog.CBT_DEVICE_CREATED;
import static org.svmsim.kernel.log.VmkernelCatalog.CBT_DEVICE_DISCONNECTED;
import static org.svmsim.kernel.log.VmkernelCatalog.BOOT_VOLUME_MOUNTED;
import static org.svmsim.kernel.log.VmkernelCatalog.FS3DM_CHUNK_FAILED;
import static org.svmsim.kernel.log.VmkernelCatalog.FSR_DESTINATION_SWITCHOVER_TIMEOUT;
import static org.svmsim.kernel.log.VmkernelCatalog.FSR_SOURCE_SWITCHOVER_TIMEOUT;
import static org.svmsim.kernel.log.VmkernelCatalog.FSS_NO_FS_DRIVER;
import static org.svmsim.kernel.log.VmkernelCatalog.MIGRATE_FAILED;
import static org.svmsim.kernel.log.VmkernelCatalog.MIGRATE_SWITCHOVER_FAILED;
import static org.svmsim.kernel.log.VmkernelCatalog.MIGRATE_VMX_FAILURE;
import static org.svmsim.kernel.log.VmkernelCatalog.SCSI_LATENCY_DETERIORATED;
import static org.svmsim.kernel.log.VmkernelCatalog.SCSI_LATENCY_IMPROVED;
import static org.svmsim.kernel.log.VmkernelCatalog.SVM_CREATED;
import static org.svmsim.kernel.log.VmkernelCatalog.SVM_SECONDARY_WRITE_FAILED;
import static org.svmsim.kernel.log.VmkernelCatalog.SVM_DESTROYED;
import static org.svmsim.kernel.log.VmkernelCatalog.SVM_IO_STATS;
import static org.svmsim.kernel.log.VmkernelCatalog.SVM_IO_STATS_TOTALS;
import static org.svmsim.kernel.log.VmkernelCatalog.SVM_IO_STATS_WRITES;
import static org.svmsim.kernel.log.VmkernelCatalog.SVM_MAKE_DEV;
import static org.svmsim.kernel.log.VmkernelCatalog.VOL3_PROBE_OPEN_FAILED;
import static org.svmsim.kernel.log.VmkernelCatalog.VOL3_VOLUME_OPEN_FAILED;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.MigrationId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;

/**
 * Renders var/log/vmkernel.log from kernel events. Only events with a known real ESXi line render;
 * the rest (file creation, chunk copies, guest I/O) stay silent, as they do on a real host. The layout
 * follows the host's version: ESXi 8 prefixes every line with {@code In(182) vmkernel: }; ESX 3.5/4.x
 * logs through syslog with the time since boot ({@code Aug 12 10:12:51 esx01 vmkernel: 114:03:25:51.489
 * cpu0:4100)}, KB 1010045), the host up for a drawn 1 to 200 days when the run starts.
 */
public final class VmkernelLogRenderer implements LogRenderer {
  public static final String PATH = "var/log/vmkernel.log";
  /** A world that keeps logging within this gap stays on its cpu, as the seed's bursts do. */
  private static final long STICKY_NANOS = VirtualTime.SECOND;
  /** The world the device latency watch logs from: a kernel helper world, cosmetic. */
  private static final WorldId SYSTEM_WORLD = new WorldId(32797);

  private record Placement(int cpu, long lastNanos) {}

  private final LineBuffer out = new LineBuffer();
  // Looked up only, never iterated, so HashMap order cannot reach the log.
  private final Map<WorldId, Placement> placements = new HashMap<>();
  /** What the kernel facts do not carry but the VMX's do: whose world, which migration, which shadow. */
  private final Map<WorldId, VmId> vmOfWorld = new HashMap<>();
  private final Map<VmId, WorldId> worldOf = new HashMap<>();
  private final Map<VmId, WorldId> shadowWorld = new HashMap<>();
  private final Map<VmId, MigrationId> migrationOf = new HashMap<>();
  /** The source file handle each change-tracking device filters, for its disconnect line. */
  private final Map<DeviceName, Long> cbtHandles = new HashMap<>();
  private final Set<MigrationId> failureLogged = new HashSet<>();
  /** The device behind each datastore, by datastore name, as its latency lines name it. */
  private final Map<String, String> deviceOf = new HashMap<>();
  private EsxTime time;
  private SimRandom random;
  private SimRandom addresses;
  private String layout = "";
  private int cpus;
  /** ESX 3.5/4.x: the syslog host tag and the milliseconds since boot at time zero; else null. */
  private String syslogHost;
  private long bootMillis;
  /** The host booted again: from now on volume mounts are logged (the first boot is before the log). */
  private boolean booted;
  private String version = "";
  private String build = "";
  private static final WorldId BOOT_WORLD = new WorldId(1);

  @Override
  public void onEvent(long timeNanos, Event event) {
    if (event instanceof RunEvent.RunStarted run) {
      start(run);
    } else if (event instanceof VmxEvent e) {
      vmx(timeNanos, e);
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
    } else if (event instanceof KernelEvent.HostBooted e) {
      booted = true;
      // The time since boot starts again (ESX 4.x's uptime stamps).
      bootMillis = -(timeNanos / VirtualTime.MILLISECOND);
      log(timeNanos, BOOT_WORLD, BOOT_STARTING, version, build,
          String.format(java.util.Locale.ROOT, "%.3f", e.poweredOffNanos() / 1e9));
    } else if (event instanceof KernelEvent.VolumeMounted e && booted) {
      log(timeNanos, BOOT_WORLD, BOOT_VOLUME_MOUNTED, e.name(), e.datastore());
    } else if (event instanceof KernelEvent.ChangeTrackingStarted e) {
      cbtHandles.put(e.device(), e.disk().value());
      log(timeNanos, e.world(), CBT_DEVICE_CREATED, e.device(), e.disk().value());
    } else if (event instanceof KernelEvent.ChangeTrackingStopped e) {
      Long handle = cbtHandles.remove(e.device());
      log(timeNanos, e.world(), CBT_DEVICE_DISCONNECTED, e.device(), handle == null ? 0 : handle);
    } else if (event instanceof KernelEvent.SvmDeviceDestroyed e) {
      log(timeNanos, e.world(), SVM_DESTROYED, e.device());
    } else if (event instanceof KernelEvent.SwitchoverTimedOut e) {
      // KB 1010045: the source side gives up, then the destination side, each from its own world.
      WorldId destination = destinationWorld(e.world());
      log(timeNanos, e.world(), FSR_SOURCE_SWITCHOVER_TIMEOUT, e.migrationId(), e.maxSeconds());
      log(timeNanos, destination, FSR_DESTINATION_SWITCHOVER_TIMEOUT, e.migrationId(), e.maxSeconds());
      log(timeNanos, destination, MIGRATE_SWITCHOVER_FAILED, e.migrationId(),
          Statuses.word(Statuses.MAX_SWITCHOVER), returnAddress());
    } else if (event instanceof KernelEvent.CopyChunkFailed e) {
      log(timeNanos, e.world(), FS3DM_CHUNK_FAILED, e.job(), e.io(), e.sectors(), e.lba(), e.status(),
          Statuses.word(e.status()), e.attempt(), org.svmsim.kernel.copy.CopyJobs.ATTEMPTS, e.retrying() ? "retrying" : "giving up");
    } else if (event instanceof KernelEvent.SvmMirrorWriteFailed e) {
      log(timeNanos, e.world(), SVM_SECONDARY_WRITE_FAILED, e.sectors(), e.lba(), e.device(), e.status(),
          Statuses.word(e.status()));
      MigrationId mid = migrationOf.get(vmOfWorld.get(e.world()));
      if (mid != null && failureLogged.add(mid)) {
        log(timeNanos, e.world(), MIGRATE_FAILED, mid, "S", e.status(), Statuses.word(e.status()),
            returnAddress());
      }
    } else if (event instanceof KernelEvent.VolumeMounted e) {
      deviceOf.put(e.name(), naa(e.datastore()));
    } else if (event instanceof KernelEvent.DeviceLatencyChanged e) {
      log(timeNanos, SYSTEM_WORLD, e.deteriorated() ? SCSI_LATENCY_DETERIORATED : SCSI_LATENCY_IMPROVED,
          deviceOf.getOrDefault(e.datastore(), e.datastore()), e.fromMicros(), e.toMicros());
    } else if (event instanceof KernelEvent.CopyFailed e) {
      MigrationId mid = migrationOf.get(vmOfWorld.get(e.world()));
      if (mid != null) {
        log(timeNanos, e.world(), MIGRATE_FAILED, mid, "S", e.status(), Statuses.word(e.status()),
            returnAddress());
        failureLogged.add(mid);
      }
    }
  }

  /** The VMX facts only teach the renderer whose worlds and migrations the kernel's lines belong to. */
  private void vmx(long timeNanos, VmxEvent event) {
    if (event instanceof VmxEvent.VmxStarted e) {
      if (e.shadow()) {
        shadowWorld.put(e.vm(), e.world());
      } else {
        vmOfWorld.put(e.world(), e.vm());
        worldOf.put(e.vm(), e.world());
      }
    } else if (event instanceof VmxEvent.StartSvmotion e) {
      migrationOf.put(e.vm(), e.migrationId());
    } else if (event instanceof VmxEvent.SvmotionFinished e && !e.success()) {
      MigrationId mid = migrationOf.get(e.vm());
      WorldId world = worldOf.get(e.vm());
      if (mid != null && world != null) {
        // A destination that cannot hold the disks fails before any copy: the status comes from here.
        if (!failureLogged.remove(mid) && e.reason().startsWith("vim.fault.NoDiskSpace")) {
          log(timeNanos, world, MIGRATE_FAILED, mid, "S", Statuses.NO_SPACE, Statuses.word(Statuses.NO_SPACE),
              returnAddress());
        }
        log(timeNanos, world, MIGRATE_VMX_FAILURE, mid, "S");
      }
    }
  }

  /**
   * The NAA name of a datastore's LUN: svmsim keeps no LUN ids, so it is made from the datastore's UUID
   * ({@code naa.6} and its first 31 hex digits), stable and unique; cosmetic.
   */
  static String naa(org.svmsim.kernel.id.DatastoreId datastore) {
    String hex = datastore.toString().replace("-", "");
    return "naa.6" + hex.substring(0, Math.min(31, hex.length()));
  }

  private WorldId destinationWorld(WorldId source) {
    VmId vm = vmOfWorld.get(source);
    WorldId shadow = vm == null ? null : shadowWorld.get(vm);
    return shadow != null ? shadow : new WorldId(source.value() + 1);
  }

  private void start(RunEvent.RunStarted run) {
    if (run.cpus() < 1) {
      throw new IllegalArgumentException("RunStarted.cpus must be positive, was " + run.cpus());
    }
    time = new EsxTime(run.startEpochMillis());
    random = new SimRandom(run.seed()).split("vmkernel.log");
    addresses = new SimRandom(run.seed()).split("vmkernel.log/addresses");
    cpus = run.cpus();
    version = run.esxVersion();
    build = run.esxBuild();
    EsxVersion esx = EsxVersion.parse(run.esxVersion());
    layout = esx.syslogPrefixed() ? " In(182) vmkernel:" : "";
    syslogHost = esx.classic() ? run.hostname().split("\\.", 2)[0] : null;
    bootMillis = new SimRandom(run.seed()).split("vmkernel.log/uptime").nextLong(86_400_000L, 200 * 86_400_000L);
  }

  private void log(long timeNanos, WorldId world, VmkernelCatalog entry, Object... args) {
    if (time == null) {
      throw new IllegalStateException("vmkernel.log: " + entry + " before RunStarted");
    }
    String head = syslogHost != null ? time.syslog(timeNanos) + " " + syslogHost + " vmkernel: "
        + uptime(timeNanos) + " " : time.format(timeNanos) + layout + " ";
    out.line(head + "cpu" + cpu(world, timeNanos) + ":" + world + ")" + entry.body(args));
  }

  /** {@code 114:03:25:51.489}: days, hours, minutes, seconds and milliseconds since the host booted. */
  private String uptime(long timeNanos) {
    long ms = bootMillis + timeNanos / VirtualTime.MILLISECOND;
    return String.format(java.util.Locale.ROOT, "%d:%02d:%02d:%02d.%03d", ms / 86_400_000L, ms / 3_600_000L % 24,
        ms / 60_000L % 60, ms / 1000 % 60, ms % 1000);
  }

  /** A kernel text address as vmkernel prints the caller ({@code 41800f61cee2}); cosmetic, drawn. */
  private String returnAddress() {
    return "418" + String.format("%09x", addresses.nextLong(0, 1L << 36));
  }

  /**
   * The physical cpu the line is logged from: sticky while the world logs in bursts, else redrawn; two
   * worlds logging at the same moment are on different cpus.
   */
  private int cpu(WorldId world, long timeNanos) {
    Placement last = placements.get(world);
    int cpu;
    if (last != null && timeNanos - last.lastNanos() < STICKY_NANOS) {
      cpu = last.cpu();
    } else {
      cpu = random.nextInt(cpus);
      for (int tries = 0; tries < 4 && busyNow(world, cpu, timeNanos); tries++) {
        cpu = random.nextInt(cpus);
      }
    }
    placements.put(world, new Placement(cpu, timeNanos));
    return cpu;
  }

  private boolean busyNow(WorldId world, int cpu, long timeNanos) {
    for (Map.Entry<WorldId, Placement> p : placements.entrySet()) {
      if (!p.getKey().equals(world) && p.getValue().cpu() == cpu && p.getValue().lastNanos() == timeNanos) {
        return true;
      }
    }
    return false;
  }

  @Override
  public SortedMap<String, String> files() {
    return new TreeMap<>(Map.of(PATH, out.toString()));
  }
}
