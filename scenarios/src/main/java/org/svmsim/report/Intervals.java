package org.svmsim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.IntCountsHistogram;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.Observer;
import org.svmsim.kernel.storage.BlockStore;

/**
 * The run's figures per interval of virtual time, for the report's charts: guest I/O and its write
 * latency (p50, p99), the copy's progress, and the bytes each datastore moved for the guest and for the
 * copy. Intervals start at 1 ms and double (merging neighbours) whenever the run outgrows {@link #MAX}
 * of them, so a run of any length costs at most that many intervals: the charts are sampled, the totals
 * are exact.
 */
final class Intervals implements Observer {
  static final int MAX = 1024;
  private static final long FIRST_WIDTH = 1_000_000;

  private long width = FIRST_WIDTH;
  private int used;
  private long[] reads = new long[MAX];
  private long[] writes = new long[MAX];
  private long[] mirrored = new long[MAX];
  private IntCountsHistogram[] latency = new IntCountsHistogram[MAX];
  /** Sectors copied so far and sectors to copy, at the end of each interval (-1: no change in it). */
  private long[] copiedSoFar = filled();
  private long[] toCopySoFar = filled();
  /** Bytes still dirty (DBT) or in the redo log (snapshot) after the last pass of each disk (-1: none). */
  private long[] pendingSoFar = filled();
  private final Map<String, Long> pending = new LinkedHashMap<>();
  /** Bytes moved per datastore (in mount order) and interval, for the guest and for the copy. */
  private final Map<DatastoreId, String> datastores = new LinkedHashMap<>();
  private final Map<DatastoreId, long[]> guestBytes = new LinkedHashMap<>();
  private final Map<DatastoreId, long[]> copyBytes = new LinkedHashMap<>();

  private final Map<VmId, DatastoreId> home = new LinkedHashMap<>();
  private final Map<VmId, DatastoreId> destination = new LinkedHashMap<>();
  private final Map<WorldId, VmId> worlds = new LinkedHashMap<>();
  private final Map<CopyJobId, VmId> jobs = new LinkedHashMap<>();
  /** Per copy job, in its current pass: sectors copied and sectors to copy. */
  private final Map<CopyJobId, Long> cursor = new LinkedHashMap<>();
  private final Map<CopyJobId, Long> size = new LinkedHashMap<>();
  private long copied;
  private long toCopy;
  private long last;

  private static long[] filled() {
    long[] a = new long[MAX];
    Arrays.fill(a, -1);
    return a;
  }

  @Override
  public void onEvent(long t, Event event) {
    last = Math.max(last, t);
    if (event instanceof KernelEvent.GuestIoCompleted e) {
      io(slot(t), e);
    } else if (event instanceof KernelEvent.ChunkCopied e) {
      int i = slot(t);
      cursor.merge(e.job(), e.sectors(), Long::sum);
      copied += e.sectors();
      copiedSoFar[i] = copied;
      toCopySoFar[i] = toCopy;
      VmId vm = jobs.get(e.job());
      add(copyBytes, home.get(vm), i, e.sectors() * BlockStore.SECTOR);
      add(copyBytes, destination.get(vm), i, e.sectors() * BlockStore.SECTOR);
    } else if (event instanceof KernelEvent.CopyJobCreated e) {
      jobs.put(e.job(), worlds.get(e.world()));
    } else if (event instanceof KernelEvent.CopyPassStarted e) {
      pass(slot(t), e.job(), e.sectors());
    } else if (event instanceof KernelEvent.CopyFailed e) {
      pass(slot(t), e.job(), 0);
    } else if (event instanceof KernelEvent.VolumeMounted e) {
      datastores.put(e.datastore(), e.name());
      guestBytes.put(e.datastore(), new long[MAX]);
      copyBytes.put(e.datastore(), new long[MAX]);
    } else if (event instanceof VmxEvent.VmxStarted e) {
      worlds.put(e.world(), e.vm());
      if (!e.shadow()) {
        home.put(e.vm(), e.home());
      }
    } else if (event instanceof VmxEvent.CopyPassEnded e) {
      int i = slot(t);
      pending.put(e.vm() + " " + e.scsi(), e.pendingBytes());
      pendingSoFar[i] = pending.values().stream().mapToLong(Long::longValue).sum();
    } else if (event instanceof VmxEvent.StartSvmotion e) {
      destination.put(e.vm(), e.destination());
    } else if (event instanceof VmxEvent.FastSuspendResumed e) {
      home.put(e.vm(), e.home());
      destination.remove(e.vm());
    }
  }

  /**
   * A pass starts with {@code sectors} to copy (the whole disk, or only the dirty blocks of a later DBT
   * pass); a failed one leaves nothing to copy.
   */
  private void pass(int i, CopyJobId device, long sectors) {
    copied -= cursor.getOrDefault(device, 0L);
    toCopy += sectors - size.getOrDefault(device, 0L);
    cursor.put(device, 0L);
    size.put(device, sectors);
    copiedSoFar[i] = copied;
    toCopySoFar[i] = toCopy;
  }

  private void io(int i, KernelEvent.GuestIoCompleted e) {
    long bytes = e.sectors() * BlockStore.SECTOR;
    DatastoreId source = home.get(e.vm());
    if (!e.write()) {
      reads[i]++;
      add(guestBytes, source, i, bytes);
      return;
    }
    writes[i]++;
    if (latency[i] == null) {
      latency[i] = new IntCountsHistogram(2);
    }
    latency[i].recordValue(Math.max(1, e.latencyNanos() / 1000));
    add(guestBytes, source, i, bytes);
    if (e.route().mirrored()) {
      mirrored[i]++;
      add(guestBytes, destination.get(e.vm()), i, bytes);
    }
  }

  private static void add(Map<DatastoreId, long[]> bytes, DatastoreId ds, int i, long n) {
    long[] a = ds == null ? null : bytes.get(ds);
    if (a != null) {
      a[i] += n;
    }
  }

  /** The interval of {@code t}, doubling the width until it fits. */
  private int slot(long t) {
    while (t / width >= MAX) {
      halve();
    }
    int i = (int) (t / width);
    used = Math.max(used, i + 1);
    return i;
  }

  private void halve() {
    width *= 2;
    used = (used + 1) / 2;
    for (int i = 0; i < MAX; i++) {
      int a = 2 * i;
      int b = a + 1;
      boolean in = a < MAX;
      reads[i] = in ? reads[a] + reads[b] : 0;
      writes[i] = in ? writes[a] + writes[b] : 0;
      mirrored[i] = in ? mirrored[a] + mirrored[b] : 0;
      latency[i] = in ? merge(latency[a], latency[b]) : null;
      copiedSoFar[i] = in ? (copiedSoFar[b] >= 0 ? copiedSoFar[b] : copiedSoFar[a]) : -1;
      toCopySoFar[i] = in ? (toCopySoFar[b] >= 0 ? toCopySoFar[b] : toCopySoFar[a]) : -1;
      pendingSoFar[i] = in ? (pendingSoFar[b] >= 0 ? pendingSoFar[b] : pendingSoFar[a]) : -1;
      for (long[] v : guestBytes.values()) {
        v[i] = in ? v[a] + v[b] : 0;
      }
      for (long[] v : copyBytes.values()) {
        v[i] = in ? v[a] + v[b] : 0;
      }
    }
  }

  /**
   * The charts' data: one value per interval (rates per second, latency in ms, null where nothing
   * happened), with {@code widthMs}, the interval's length.
   */
  Map<String, Object> toJson() {
    int n = (int) Math.min(MAX, Math.max(used, last / width + 1));
    double seconds = width / 1e9;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("widthMs", width / 1e6);
    out.put("readsPerS", rates(reads, n, seconds));
    out.put("writesPerS", rates(writes, n, seconds));
    out.put("mirroredPerS", rates(mirrored, n, seconds));
    out.put("p50Ms", percentile(n, 50));
    out.put("p99Ms", percentile(n, 99));
    List<Double> pct = new ArrayList<>();
    List<Double> left = new ArrayList<>();
    long c = 0;
    long total = 0;
    for (int i = 0; i < n; i++) {
      c = copiedSoFar[i] >= 0 ? copiedSoFar[i] : c;
      total = toCopySoFar[i] >= 0 ? toCopySoFar[i] : total;
      pct.add(total == 0 ? null : round(100.0 * c / total));
      left.add(total == 0 ? null : round((total - c) * (double) BlockStore.SECTOR / (1L << 30)));
    }
    out.put("copiedPct", pct);
    out.put("leftGiB", left);
    List<Double> after = new ArrayList<>();
    long p = -1;
    for (int i = 0; i < n; i++) {
      p = pendingSoFar[i] >= 0 ? pendingSoFar[i] : p;
      after.add(p < 0 ? null : round(p / (double) (1L << 30)));
    }
    out.put("pendingGiB", after);
    List<Map<String, Object>> ds = new ArrayList<>();
    for (Map.Entry<DatastoreId, String> d : datastores.entrySet()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("name", d.getValue());
      one.put("guestMBps", rates(guestBytes.get(d.getKey()), n, seconds * 1e6));
      one.put("copyMBps", rates(copyBytes.get(d.getKey()), n, seconds * 1e6));
      ds.add(one);
    }
    out.put("datastores", ds);
    return out;
  }

  private static List<Double> rates(long[] counts, int n, double per) {
    List<Double> r = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      r.add(round(counts[i] / per));
    }
    return r;
  }

  private List<Double> percentile(int n, double p) {
    List<Double> r = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      r.add(latency[i] == null ? null : round(latency[i].getValueAtPercentile(p) / 1e3));
    }
    return r;
  }

  /** Three decimals are enough for a chart and keep the page small. */
  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static IntCountsHistogram merge(IntCountsHistogram a, IntCountsHistogram b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    a.add(b);
    return a;
  }
}
