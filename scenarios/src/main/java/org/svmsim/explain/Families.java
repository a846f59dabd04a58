package org.svmsim.explain;

import org.svmsim.kernel.log.CatalogEntry;
import org.svmsim.kernel.log.MessageTemplate;
import org.svmsim.kernel.log.VmkernelCatalog;
import org.svmsim.vmx.log.VmwareCatalog;
import org.svmsim.vpxa.log.HostdCatalog;
import org.svmsim.vpxa.log.VpxaCatalog;

/**
 * Finds a line's family in the catalog of its log: the same four catalogs svmsim renders its logs
 * with. vmkernel lines go by module and text ({@code [WARNING: |ALERT: ]Module: [vm N: ]line: text}),
 * whatever the line number; a continuation line without a family of its own takes its head's.
 */
final class Families {
  private CatalogEntry head;

  void classify(ParsedLine p) {
    if (p.layout == null || p.message == null) {
      head = null;
      return;
    }
    boolean continuation = p.layout == Layout.VMKERNEL_CONTINUATION || p.layout == Layout.AGENT_CONTINUATION;
    CatalogEntry found = null;
    if (p.component != null) {
      found = switch (p.component) {
        case VMKERNEL -> vmkernel(p);
        case VMWARE -> VmwareCatalog.find(p.normal = MessageTemplate.normalise(p.message));
        case HOSTD, VPXA -> agent(p);
      };
    }
    if (p.module == null && !continuation) {
      p.module = p.component == Component.VMWARE ? subsystem(p.message) : p.sub;
    }
    if (found == null && continuation && head != null) {
      p.family = head;
      p.inherited = true;
      return;
    }
    p.family = found;
    if (!continuation || found != null) {
      head = found;
    }
  }

  /** The VMX subsystem a message starts with: {@code DISKLIB-LIB_MISC   :}, {@code Migrate:}; or null. */
  static String subsystem(String m) {
    int n = Math.min(m.length(), 48);
    int i = 0;
    while (i < n && (Character.isLetterOrDigit(m.charAt(i)) || "_-.#".indexOf(m.charAt(i)) >= 0)) {
      i++;
    }
    if (i == 0 || !Character.isLetter(m.charAt(0))) {
      return null;
    }
    int j = i;
    while (j < n && m.charAt(j) == ' ') {
      j++;
    }
    return j < n && m.charAt(j) == ':' && (j + 1 == m.length() || m.charAt(j + 1) == ' ') ? m.substring(0, i) : null;
  }

  private static CatalogEntry agent(ParsedLine p) {
    String m = p.normal = MessageTemplate.normalise(p.message);
    if (p.component == Component.VPXA) {
      CatalogEntry e = VpxaCatalog.find(m);
      return e != null ? e : HostdCatalog.find(m);
    }
    CatalogEntry e = HostdCatalog.find(m);
    if (e == null && p.layout != Layout.AGENT_CONTINUATION) {
      e = VpxaCatalog.find(m);
      if (e != null && (p.layout == Layout.AGENT_4X || p.layout == Layout.AGENT_5X)) {
        p.component = Component.VPXA;
      }
    }
    return e;
  }

  private static CatalogEntry vmkernel(ParsedLine p) {
    String b = p.message;
    int i = 0;
    if (b.startsWith("WARNING: ")) {
      i = 9;
    } else if (b.startsWith("ALERT: ")) {
      i = 7;
    }
    int m = i;
    int n = b.length();
    while (m < n && (Character.isLetterOrDigit(b.charAt(m)) || b.charAt(m) == '_' || b.charAt(m) == '-')) {
      m++;
    }
    if (m > i && m + 2 < n && b.charAt(m) == ':' && b.charAt(m + 1) == ' ' && Character.isLetter(b.charAt(i))) {
      int j = m + 2;
      if (b.startsWith("vm ", j)) {
        int k = j + 3;
        while (k < n && Character.isDigit(b.charAt(k))) {
          k++;
        }
        if (k > j + 3 && b.startsWith(": ", k)) {
          j = k + 2;
        }
      }
      int k = j;
      while (k < n && Character.isDigit(b.charAt(k))) {
        k++;
      }
      if (k > j && b.startsWith(": ", k)) {
        j = k + 2;
      }
      p.module = b.substring(i, m);
      p.normal = MessageTemplate.normalise(b.substring(j));
      VmkernelCatalog e = VmkernelCatalog.find(p.module, p.normal);
      if (e != null) {
        return e;
      }
    }
    String whole = MessageTemplate.normalise(b);
    VmkernelCatalog e = VmkernelCatalog.findContinuation(whole);
    if (e != null) {
      p.normal = whole;
    }
    return e;
  }
}
