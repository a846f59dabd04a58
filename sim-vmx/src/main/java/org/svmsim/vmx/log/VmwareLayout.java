package org.svmsim.vmx.log;

import org.svmsim.kernel.log.EsxVersion;

/**
 * The line layouts of vmware.log by ESXi version (DOMAIN.md section 6): 5.0 prints no level, 5.1-6.0
 * {@code I120:}, 6.5-7.0 {@code I125:}, 7.0 Update 2 and later {@code <ts> In(05) <thread> - }.
 */
public enum VmwareLayout {
  ESX50, ESX51, ESX65, ESX70U2;

  public static VmwareLayout of(EsxVersion v) {
    if (v.atLeast(7, 0, 2)) {
      return ESX70U2;
    }
    if (v.atLeast(6, 5, 0)) {
      return ESX65;
    }
    return v.atLeast(5, 1, 0) ? ESX51 : ESX50;
  }

  public String line(String timestamp, String thread, VmwareCatalog.Level level, String message) {
    return switch (this) {
      case ESX50 -> timestamp + "| " + thread + "| " + message;
      case ESX51, ESX65 -> timestamp + "| " + thread + "| " + level.code(this == ESX65) + ": " + message;
      case ESX70U2 -> timestamp + " " + level.tag() + " " + thread + " - " + message;
    };
  }

  /** The SVMotion worker's thread name: {@code worker-<tid>} from 7.0U2, {@code Worker#0} before. */
  public String worker(int tid) {
    return this == ESX70U2 ? "worker-" + tid : VmwareCatalog.Threads.WORKER0;
  }
}
