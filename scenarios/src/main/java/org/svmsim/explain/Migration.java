package org.svmsim.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What explain learnt of one migration from the lines it read, across files. */
final class Migration {
  static final int MAX_EVIDENCE = 12;
  /** How much a failure reason is trusted: vpxa's fault message is what vCenter (and svmsim) report. */
  static final int REASON_KERNEL = 1;
  static final int REASON_VMX = 2;
  static final int REASON_HOSTD = 3;
  static final int REASON_VPXA = 4;

  String vm;
  String method;
  String opId;
  final Set<String> ids = new LinkedHashSet<>();
  final Set<String> devices = new LinkedHashSet<>();
  final Map<String, String> disks = new LinkedHashMap<>();
  String sourceDatastore;
  String destinationDatastore;
  final Set<String> phases = new LinkedHashSet<>();
  final TreeMap<Integer, Long> svmotionPhases = new TreeMap<>();
  final TreeMap<Integer, Long> steps = new TreeMap<>();
  long begin = Timestamps.NONE;
  long end = Timestamps.NONE;
  long first = Timestamps.NONE;
  long last = Timestamps.NONE;
  long copyStart = Timestamps.NONE;
  long copyEnd = Timestamps.NONE;
  boolean failed;
  boolean succeeded;
  String reason = "";
  int reasonWeight;
  long downtimeMicros;
  int stuns;
  final List<String> evidence = new ArrayList<>();
  /** The faults its lines show, by kind, in the order they were first seen. */
  final Map<String, Fault> faults = new LinkedHashMap<>();

  /** One fault explain read from the lines: its kind, mode, first and last line, and its evidence. */
  static final class Fault {
    static final int MAX_EVIDENCE = 8;
    final String kind;
    String mode;
    long first = Timestamps.NONE;
    long last = Timestamps.NONE;
    int lines;
    final List<String> evidence = new ArrayList<>();

    Fault(String kind) {
      this.kind = kind;
    }

    // The latest line past the first MAX_EVIDENCE - 1, kept as it came: made into text when shown.
    private String lastFile;
    private long lastNo;
    private String lastText;

    void add(String modeSeen, long t, String file, long lineNo, String text) {
      lines++;
      if (modeSeen != null) {
        mode = modeSeen;
      }
      if (t != Timestamps.NONE) {
        first = first == Timestamps.NONE ? t : Math.min(first, t);
        last = Math.max(last, t);
      }
      if (evidence.size() < MAX_EVIDENCE - 1) {
        evidence.add(Migration.evidence(file, lineNo, text));
      } else {
        // Keep the first lines and the last one: the retries and how they ended.
        lastFile = file;
        lastNo = lineNo;
        lastText = text;
      }
    }

    /** The first lines that showed the fault, and the last one. */
    List<String> evidence() {
      if (lastText == null) {
        return evidence;
      }
      List<String> all = new ArrayList<>(evidence);
      all.add(Migration.evidence(lastFile, lastNo, lastText));
      return all;
    }

    void absorb(Fault o) {
      int before = lines;
      for (String e : o.evidence()) {
        if (evidence.size() < MAX_EVIDENCE - 1) {
          evidence.add(e);
        }
      }
      lines = before + o.lines;
      mode = mode != null ? mode : o.mode;
      if (o.first != Timestamps.NONE) {
        first = first == Timestamps.NONE ? o.first : Math.min(first, o.first);
        last = Math.max(last, o.last);
      }
    }
  }

  /**
   * The mode of a fault its lines do not name: an I/O error or a lock the migration got past was transient.
   * One it failed of is persistent only when a line says so (FS3DM gave up, the open failed for good):
   * a mirror fails at the first failed mirrored write, whatever would have come next.
   */
  void settleFaults() {
    for (Fault f : faults.values()) {
      boolean modal = f.kind.equals("dest-write-error") || f.kind.equals("source-read-error")
          || f.kind.equals("lock-conflict");
      if (f.mode == null && modal && succeeded && !failed) {
        f.mode = "transient";
      }
    }
  }

  /** A line as evidence: {@code file:lineNo: text}, the text cut at 400 characters. */
  static String evidence(String file, long lineNo, String text) {
    String t = text.length() > 400 ? text.substring(0, 400) + "..." : text;
    return file + ":" + lineNo + ": " + t;
  }

  void fault(String kind, String mode, long t, String file, long lineNo, String text) {
    // A copy that never converged ends as a switchover over its limit: one fault, not two.
    String k = kind.equals("switchover-timeout") && faults.containsKey(FaultSigns.NO_CONVERGENCE)
        ? FaultSigns.NO_CONVERGENCE : kind;
    faults.computeIfAbsent(k, Fault::new).add(mode, t, file, lineNo, text);
  }

  void seen(long t) {
    if (t == Timestamps.NONE) {
      return;
    }
    if (first == Timestamps.NONE || t < first) {
      first = t;
    }
    if (last == Timestamps.NONE || t > last) {
      last = t;
    }
  }

  void reason(String text, int weight) {
    if (text != null && !text.isEmpty() && weight > reasonWeight) {
      reason = text;
      reasonWeight = weight;
    }
  }

  void evidence(String line) {
    if (evidence.size() < MAX_EVIDENCE) {
      evidence.add(line);
    }
  }

  String outcome() {
    return failed ? "failed" : succeeded ? "success" : "unknown";
  }

  /** From vpxa's BEGIN to its FINISH when both were read, else from the first line to the last. */
  long elapsedMillis() {
    if (begin != Timestamps.NONE && end != Timestamps.NONE) {
      return end - begin;
    }
    return first == Timestamps.NONE ? -1 : last - first;
  }

  boolean exact() {
    return begin != Timestamps.NONE && end != Timestamps.NONE;
  }

  /** The duration of each timed stage: SVMotion phase N until the next one, relocate step N likewise. */
  Map<String, Long> stageMillis() {
    Map<String, Long> out = new LinkedHashMap<>();
    durations(out, "step ", steps);
    durations(out, "phase ", svmotionPhases);
    if (copyStart != Timestamps.NONE && copyEnd != Timestamps.NONE) {
      out.put("disk copy", copyEnd - copyStart);
    }
    return out;
  }

  private void durations(Map<String, Long> out, String prefix, TreeMap<Integer, Long> starts) {
    Long previousStart = null;
    Integer previous = null;
    for (Map.Entry<Integer, Long> e : starts.entrySet()) {
      if (previous != null) {
        out.put(prefix + previous, e.getValue() - previousStart);
      }
      previous = e.getKey();
      previousStart = e.getValue();
    }
    long stop = end != Timestamps.NONE ? end : last;
    if (previous != null && stop != Timestamps.NONE) {
      out.put(prefix + previous, Math.max(0, stop - previousStart));
    }
  }

  /** Takes over what {@code other} learnt: two partial views of one migration met. */
  void absorb(Migration other) {
    if (vm == null) {
      vm = other.vm;
    }
    if (method == null) {
      method = other.method;
    }
    if (opId == null) {
      opId = other.opId;
    }
    ids.addAll(other.ids);
    devices.addAll(other.devices);
    other.disks.forEach(disks::putIfAbsent);
    sourceDatastore = sourceDatastore != null ? sourceDatastore : other.sourceDatastore;
    destinationDatastore = destinationDatastore != null ? destinationDatastore : other.destinationDatastore;
    phases.addAll(other.phases);
    other.svmotionPhases.forEach(svmotionPhases::putIfAbsent);
    other.steps.forEach(steps::putIfAbsent);
    begin = begin != Timestamps.NONE ? begin : other.begin;
    end = end != Timestamps.NONE ? end : other.end;
    seen(other.first);
    seen(other.last);
    copyStart = copyStart != Timestamps.NONE ? copyStart : other.copyStart;
    copyEnd = copyEnd != Timestamps.NONE ? copyEnd : other.copyEnd;
    failed |= other.failed;
    succeeded |= other.succeeded;
    reason(other.reason, other.reasonWeight);
    downtimeMicros += other.downtimeMicros;
    stuns += other.stuns;
    for (String e : other.evidence) {
      evidence(e);
    }
    other.faults.forEach((k, f) -> faults.computeIfAbsent(k, Fault::new).absorb(f));
  }
}
