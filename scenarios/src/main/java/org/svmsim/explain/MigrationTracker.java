package org.svmsim.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.svmsim.kernel.log.CatalogEntry;
import org.svmsim.kernel.log.VmkernelCatalog;
import org.svmsim.vmx.log.VmwareCatalog;
import org.svmsim.vpxa.log.HostdCatalog;
import org.svmsim.vpxa.log.VpxaCatalog;

/**
 * Follows migrations through the lines of all files, interleaved by time. A line joins a migration by
 * what it names (the VM, the migration id, vpxa's opID, the mirror device); a line that names none of
 * them joins the one migration under way, if there is exactly one. Two partial views that later turn out
 * to be one migration are merged. Memory is bounded by the number of migrations kept.
 */
final class MigrationTracker {
  static final int MAX_MIGRATIONS = 10_000;
  private final List<Migration> migrations = new ArrayList<>();
  // Looked up only, never iterated into output.
  private final Map<String, Migration> byVm = new HashMap<>();
  private final Map<String, Migration> byId = new HashMap<>();
  private final Map<String, Migration> byOp = new HashMap<>();
  private final Map<String, Migration> byDevice = new HashMap<>();
  private final FaultSigns signs = new FaultSigns();
  private int dropped;

  /** Per file: the VM a vmware.log belongs to, and the fault block being read in an agent log. */
  static final class FileState {
    String vm;
    String sourceDatastore;
    Migration faultOf;
  }

  List<Migration> migrations() {
    migrations.forEach(Migration::settleFaults);
    return migrations;
  }

  int dropped() {
    return dropped;
  }

  void observe(String file, ParsedLine p, FileState f) {
    CatalogEntry e = p.family;
    if (e == null) {
      return;
    }
    if (p.inherited) {
      continuation(p, f);
      return;
    } else if (e instanceof VmwareCatalog v) {
      vmware(file, p, f, v);
    } else if (e instanceof VmkernelCatalog k) {
      vmkernel(file, p, k);
    } else if (e instanceof VpxaCatalog v) {
      vpxa(file, p, f, v);
    } else if (e instanceof HostdCatalog h) {
      hostd(file, p, h);
    }
    FaultSigns.Sign sign = signs.of(p);
    if (sign != null) {
      faultMigration(p, f).fault(sign.kind(), sign.mode(), p.time, file, p.lineNo, p.text);
    }
  }

  /** The migration id a vmkernel message starts with ({@code 1313159068180024 S: ...}), or null. */
  private static String migrationId(String m) {
    int i = 0;
    while (i < m.length() && i <= 20 && Character.isDigit(m.charAt(i))) {
      i++;
    }
    return i >= 10 && i + 3 <= m.length() && m.charAt(i) == ' ' && (m.charAt(i + 1) == 'S' || m.charAt(i + 1) == 'D')
        && m.charAt(i + 2) == ':' ? m.substring(0, i) : null;
  }

  /** The migration a fault's line belongs to: by the VM, the opID or the migration id it names. */
  private Migration faultMigration(ParsedLine p, FileState f) {
    Migration m = null;
    if (p.family instanceof VmwareCatalog) {
      m = vmMigration(f);
    } else if (p.family instanceof VpxaCatalog) {
      m = p.opId == null ? null : byOp.get(p.opId);
    } else if (p.family instanceof HostdCatalog) {
      m = byHostdOp(p.opId);
    } else if (p.normal != null) {
      String mid = migrationId(p.normal);
      m = mid == null ? null : byMid(mid);
    }
    if (m == null) {
      m = sole();
    }
    if (m == null) {
      m = migrations.isEmpty() ? create() : migrations.get(migrations.size() - 1);
    }
    return m;
  }

  private void vmware(String file, ParsedLine p, FileState f, VmwareCatalog e) {
    if (e == VmwareCatalog.DICT_ENTRY) {
      List<String> a = args(p);
      if (a != null && a.get(0).equals("displayName")) {
        f.vm = a.get(1);
      }
      return;
    }
    if (f.vm == null) {
      f.vm = "?";
    }
    switch (e) {
      case MIGRATE_SET_INFO, MIGRATE_OPEN_RESTORING -> {
        List<String> a = args(p);
        String mid = a == null ? null : e == VmwareCatalog.MIGRATE_SET_INFO ? a.get(3) : a.get(1);
        Migration m = byId.get(mid);
        if (m == null) {
          m = byVm.get(f.vm);
          if (m == null || (!m.ids.isEmpty() && !m.ids.contains(mid)) || ended(m)) {
            m = create();
          }
        }
        bindVm(m, f.vm);
        bindId(m, mid);
        if (m.sourceDatastore == null) {
          m.sourceDatastore = f.sourceDatastore;
        }
        touch(m, p, "relocate");
      }
      case PHASE_ENTERED -> {
        Migration m = vmMigration(f);
        List<String> a = args(p);
        if (m != null && a != null && a.get(0).chars().allMatch(Character::isDigit) && !a.get(0).isEmpty()) {
          int n = Integer.parseInt(a.get(0));
          if (p.time != Timestamps.NONE) {
            m.svmotionPhases.putIfAbsent(n, p.time);
          }
          touch(m, p, Explainer.svmotionPhase(n));
        }
      }
      case MIRROR_NODE_OPENING -> {
        Migration m = vmMigration(f);
        List<String> a = args(p);
        if (m != null && a != null) {
          String dev = a.get(0).substring(a.get(0).lastIndexOf('/') + 1);
          m.method = "mirror";
          bindDevice(m, dev);
          touch(m, p, "3-mirror");
        }
      }
      case DISK_INFO -> {
        Migration m = vmMigration(f);
        List<String> a = args(p);
        if (m != null && a != null && !ended(m)) {
          m.disks.put(a.get(0), a.get(2) + " sectors");
        }
      }
      case DISK_OPEN -> {
        List<String> a = args(p);
        Migration m = byVm.get(f.vm);
        if (a != null && (m == null || ended(m))) {
          f.sourceDatastore = datastore(a.get(1));
        }
      }
      case COPY_STARTED -> {
        Migration m = vmMigration(f);
        List<String> a = args(p);
        if (m != null) {
          if (a != null) {
            m.destinationDatastore = datastore(a.get(0));
          }
          if (m.copyStart == Timestamps.NONE) {
            m.copyStart = p.time;
          }
          touch(m, p, "4-copy");
        }
      }
      case COPY_COMPLETED -> {
        Migration m = vmMigration(f);
        if (m != null) {
          m.copyEnd = p.time;
          touch(m, p, "4-copy");
        }
      }
      case STUN_STARTING, STUNNED, FAST_SUSPEND_RESUMED, CPT_STUNNED_FOR -> {
        Migration m = vmMigration(f);
        if (m != null) {
          touch(m, p, "5-switchover");
        }
      }
      case UNSTUNNED -> {
        Migration m = vmMigration(f);
        List<String> a = args(p);
        if (m != null && a != null && a.get(0).matches("\\d+")) {
          m.downtimeMicros += Long.parseLong(a.get(0));
          m.stuns++;
          touch(m, p, "5-switchover");
          evidence(m, file, p);
        }
      }
      case SET_STATE_FINISHED -> {
        Migration m = vmMigration(f);
        List<String> a = args(p);
        if (m != null && a != null) {
          if (a.get(1).equals("5") || a.get(1).equals("12")) {
            m.succeeded = true;
          } else {
            m.failed = true;
          }
          touch(m, p, "6-cleanup");
          evidence(m, file, p);
        }
      }
      case SVMOTION_SUCCEEDED -> {
        Migration m = vmMigration(f);
        if (m != null) {
          m.succeeded = true;
          evidence(m, file, p);
        }
      }
      case MSG_MAX_SWITCHOVER, MSG_ENTRY, SET_FAILURE, CONTINUE_ON_SOURCE, CACHING_ERRORS, DESTINATION_DIFFERS -> {
        Migration m = vmMigration(f);
        if (m != null) {
          m.failed = true;
          List<String> a = args(p);
          if (e == VmwareCatalog.MSG_MAX_SWITCHOVER) {
            m.reason(p.normal.substring(p.normal.indexOf(']') + 2), Migration.REASON_VMX);
          } else if (e == VmwareCatalog.MSG_ENTRY && a != null) {
            m.reason(a.get(1), Migration.REASON_VMX);
          } else if (e == VmwareCatalog.SET_FAILURE && a != null) {
            m.reason(a.get(0), Migration.REASON_VMX);
          }
          touch(m, p, "failure");
          evidence(m, file, p);
        }
      }
      case SNAPSHOT_TAKEN, CONSOLIDATE_ITERATION -> hint(f, p, "snapshot");
      case CBT_OPENING -> hint(f, p, "dbt");
      default -> {
        Migration m = byVm.get(f.vm);
        if (m != null && !ended(m)) {
          m.seen(p.time);
        }
      }
    }
  }

  private void hint(FileState f, ParsedLine p, String method) {
    Migration m = byVm.get(f.vm);
    if (m != null && !ended(m) && m.method == null) {
      m.method = method;
      touch(m, p, "4-copy");
    }
  }

  private void vmkernel(String file, ParsedLine p, VmkernelCatalog e) {
    List<String> a;
    switch (e) {
      case SVM_MAKE_DEV, SVM_CREATED, SVM_DESTROYED, SVM_IO_STATS -> {
        a = args(p);
        if (a == null) {
          return;
        }
        Migration m = byDevice.get(a.get(0));
        if (m == null) {
          m = sole();
          m = m != null ? m : create();
          bindDevice(m, a.get(0));
        }
        m.method = m.method == null ? "mirror" : m.method;
        touch(m, p, e == VmkernelCatalog.SVM_MAKE_DEV || e == VmkernelCatalog.SVM_CREATED ? "3-mirror" : "6-cleanup");
      }
      case FSR_SOURCE_SWITCHOVER_TIMEOUT, FSR_DESTINATION_SWITCHOVER_TIMEOUT, MIGRATE_SWITCHOVER_FAILED,
          MIGRATE_FAILED, MIGRATE_VMX_FAILURE, VMOTION_PRECOPY_END_FAILED -> {
        a = args(p);
        Migration m = byMid(a == null ? null : a.get(0));
        m.failed = true;
        if (e == VmkernelCatalog.FSR_SOURCE_SWITCHOVER_TIMEOUT) {
          m.reason(p.normal.substring(p.normal.indexOf("S: ") + 3), Migration.REASON_KERNEL);
        } else if (e == VmkernelCatalog.MIGRATE_FAILED && a != null) {
          m.reason(a.get(2), Migration.REASON_KERNEL);
          // The kernel's verdict on a migration an I/O error or a lock already explains: its last evidence.
          Migration.Fault cause = m.faults.isEmpty() ? null : m.faults.values().iterator().next();
          if (cause != null && signs.of(p) == null) {
            cause.add(null, p.time, file, p.lineNo, p.text);
          }
        }
        touch(m, p, "failure");
        evidence(m, file, p);
      }
      case VMOTION_STOPPING_PRECOPY, VMOTIONSEND_SENT_ALL -> {
        a = args(p);
        touch(byMid(a == null ? null : a.get(0)), p, "5-switchover");
      }
      default -> {
        // Probes, locks and world starts say nothing of a migration's course.
      }
    }
  }

  private void vpxa(String file, ParsedLine p, FileState f, VpxaCatalog e) {
    List<String> a = args(p);
    switch (e) {
      case BEGIN -> {
        if (a != null && a.get(2).toLowerCase(java.util.Locale.ROOT).contains("relocate") && p.opId != null) {
          Migration m = create();
          m.opId = p.opId;
          m.begin = p.time;
          byOp.put(p.opId, m);
          touch(m, p, "relocate");
        }
      }
      case STEP -> {
        Migration m = p.opId == null ? null : byOp.get(p.opId);
        if (m != null && a != null) {
          Migration known = byVm.get(a.get(0));
          if (m.vm == null && known != null && known != m && !ended(known)) {
            m = merge(known, m);
          }
          bindVm(m, a.get(0));
          if (a.get(1).matches("\\d") && p.time != Timestamps.NONE) {
            m.steps.putIfAbsent(Integer.parseInt(a.get(1)), p.time);
          }
          if (m.method == null) {
            m.method = method(a.get(2));
          }
          touch(m, p, "relocate");
        }
      }
      case DIR_COPIED, SHADOW_READY -> {
        Migration m = p.opId == null ? null : byOp.get(p.opId);
        if (m != null && a != null) {
          m.destinationDatastore = m.destinationDatastore != null ? m.destinationDatastore : datastore(a.get(1));
          touch(m, p, e == VpxaCatalog.DIR_COPIED ? "1-working-dir" : "2-shadow");
        }
      }
      case SOURCE_DELETED -> {
        Migration m = p.opId == null ? null : byOp.get(p.opId);
        if (m != null && a != null) {
          m.sourceDatastore = m.sourceDatastore != null ? m.sourceDatastore : datastore(a.get(2) + "/");
          touch(m, p, "6-cleanup");
        }
      }
      case ERROR -> {
        Migration m = p.opId == null ? null : byOp.get(p.opId);
        if (m != null) {
          m.failed = true;
          m.end = m.end == Timestamps.NONE ? p.time : m.end;
          f.faultOf = m;
          touch(m, p, "failure");
          evidence(m, file, p);
        }
      }
      case FINISH -> {
        Migration m = p.opId == null ? null : byOp.get(p.opId);
        if (m != null) {
          m.end = m.end == Timestamps.NONE ? p.time : m.end;
          m.succeeded |= !m.failed;
          touch(m, p, "6-cleanup");
          evidence(m, file, p);
        }
      }
      default -> {
        // Name reservations and journals belong to other operations.
      }
    }
  }

  private void hostd(String file, ParsedLine p, HostdCatalog e) {
    List<String> a = args(p);
    switch (e) {
      case RESOLVE_NEEDS_UNREGISTER, RESOLVE_SUCCEEDED, RESOLVE_FAILED -> {
        String mid = p.sub != null && p.sub.contains(".VMotion") ? p.sub.substring(p.sub.lastIndexOf('.') + 1) : null;
        Migration m = byMid(mid);
        if (e == HostdCatalog.RESOLVE_SUCCEEDED) {
          m.succeeded = true;
        } else if (e == HostdCatalog.RESOLVE_FAILED) {
          m.failed = true;
          evidence(m, file, p);
        }
        touch(m, p, e == HostdCatalog.RESOLVE_FAILED ? "failure" : "6-cleanup");
      }
      case HOSTLOG_MIGID -> {
        if (a != null) {
          touch(byMid(a.get(0)), p, "failure");
        }
      }
      case TASK_FAILED -> {
        Migration m = byHostdOp(p.opId);
        if (m != null && a != null) {
          String fault = a.get(1);
          int colon = fault.indexOf(": ");
          m.failed = true;
          m.reason(colon > 0 && fault.substring(0, colon).matches("(vim|vmodl)\\.\\S+")
              ? fault.substring(colon + 2) : fault, Migration.REASON_HOSTD);
          touch(m, p, "failure");
          evidence(m, file, p);
        }
      }
      default -> {
        Migration m = byHostdOp(p.opId);
        if (m != null) {
          m.seen(p.time);
        }
      }
    }
  }

  /** A {@code -->} line: the fault block of vpxa's ERROR carries the message vCenter reports. */
  private void continuation(ParsedLine p, FileState f) {
    if (f.faultOf != null && p.family == VpxaCatalog.ERROR && p.normal != null && p.normal.startsWith("msg = \"")) {
      String q = p.normal.substring(7, Math.max(7, p.normal.lastIndexOf('"')));
      f.faultOf.reason(q.replace("\\\"", "\"").replace("\\\\", "\\"), Migration.REASON_VPXA);
    }
  }

  private Migration byHostdOp(String op) {
    if (op == null) {
      return null;
    }
    Migration m = byOp.get(op);
    if (m != null) {
      return m;
    }
    // hostd chains the caller's opID: e6012b2-01-b0 becomes e6012b2-01-b0-a3-d55d.
    int dash = op.length();
    for (int hops = 0; hops < 3; hops++) {
      dash = op.lastIndexOf('-', dash - 1);
      if (dash <= 0) {
        return null;
      }
      m = byOp.get(op.substring(0, dash));
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  private Migration byMid(String mid) {
    Migration m = mid == null ? null : byId.get(mid);
    if (m == null) {
      m = sole();
      m = m != null ? m : create();
      bindId(m, mid);
    }
    return m;
  }

  private Migration vmMigration(FileState f) {
    Migration m = byVm.get(f.vm);
    if (m == null) {
      m = sole();
      if (m == null || (m.vm != null && !m.vm.equals(f.vm))) {
        m = create();
      }
      bindVm(m, f.vm);
    }
    return m;
  }

  /** The one migration under way, or null if none or several. */
  private Migration sole() {
    Migration found = null;
    for (int i = migrations.size() - 1; i >= 0 && i >= migrations.size() - 64; i--) {
      Migration m = migrations.get(i);
      if (!ended(m)) {
        if (found != null) {
          return null;
        }
        found = m;
      }
    }
    return found;
  }

  private static boolean ended(Migration m) {
    return m.end != Timestamps.NONE || m.succeeded || m.failed;
  }

  private Migration create() {
    Migration m = new Migration();
    if (migrations.size() < MAX_MIGRATIONS) {
      migrations.add(m);
    } else {
      dropped++;
    }
    return m;
  }

  private void bindVm(Migration m, String vm) {
    if (vm == null || "?".equals(vm)) {
      return;
    }
    Migration other = byVm.get(vm);
    if (m.vm == null) {
      m.vm = vm;
    }
    if (other == null || other == m || ended(other) || !other.vm.equals(m.vm)) {
      byVm.put(vm, m);
    } else {
      merge(m, other);
    }
  }

  private void bindId(Migration m, String mid) {
    if (mid == null) {
      return;
    }
    Migration other = byId.get(mid);
    if (other != null && other != m) {
      merge(m, other);
    }
    m.ids.add(mid);
    byId.put(mid, m);
  }

  private void bindDevice(Migration m, String device) {
    Migration other = byDevice.get(device);
    if (other != null && other != m) {
      merge(m, other);
    }
    m.devices.add(device);
    byDevice.put(device, m);
  }

  /** {@code other} was {@code into} all along: one record remains, every key points at it. */
  private Migration merge(Migration into, Migration other) {
    into.absorb(other);
    migrations.remove(other);
    for (Map<String, Migration> map : List.of(byVm, byId, byOp, byDevice)) {
      map.replaceAll((k, v) -> v == other ? into : v);
    }
    return into;
  }

  private static void touch(Migration m, ParsedLine p, String phase) {
    m.seen(p.time);
    if (phase != null && !phase.equals("-")) {
      m.phases.add(phase);
    }
  }

  private static List<String> args(ParsedLine p) {
    return p.normal == null ? null : p.family.template().args(p.normal);
  }

  /** The method a relocate step names (svmsim's step texts), or null. */
  private static String method(String step) {
    String s = step.toLowerCase(java.util.Locale.ROOT);
    if (s.contains("mirror")) {
      return "mirror";
    }
    if (s.contains("snapshot") || s.contains("redo")) {
      return "snapshot";
    }
    return s.contains("dirty") || s.contains("dbt") || s.contains("change tracking") ? "dbt" : null;
  }

  /** The datastore UUID in {@code /vmfs/volumes/<uuid>/...}, or null. */
  static String datastore(String path) {
    int v = path.indexOf("/vmfs/volumes/");
    if (v < 0) {
      return null;
    }
    int end = path.indexOf('/', v + 14);
    return end < 0 ? null : path.substring(v + 14, end);
  }

  /** Adds the line to the migration's evidence, if it still takes some. */
  private static void evidence(Migration m, String file, ParsedLine p) {
    if (m.evidence.size() < Migration.MAX_EVIDENCE) {
      m.evidence(Migration.evidence(file, p.lineNo, p.text));
    }
  }
}
