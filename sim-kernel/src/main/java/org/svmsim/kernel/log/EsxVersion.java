package org.svmsim.kernel.log;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host's ESXi version, as far as the logs' layouts depend on it ({@code host.version}: {@code 6.0.0},
 * {@code 7.0.2}, {@code 7.0U2}, {@code 8.0.2}). ESXi 7.0 Update 2 moved vmware.log to the
 * {@code In(05) <thread> - } layout; ESXi 8.0 moved vmkernel.log, hostd.log and vpxa.log to syslog-style
 * {@code In(182) vmkernel: } / {@code In(166) Hostd[tid]: } prefixes (DOMAIN.md section 6).
 */
public record EsxVersion(int major, int minor, int update) implements Comparable<EsxVersion> {
  private static final Pattern FORM = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:(?:\\.|\\s*[Uu])(\\d+))?.*$");

  public static EsxVersion parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("ESXi version must look like 6.0.0 or 7.0U2, was '" + text + "'");
    }
    return new EsxVersion(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
  }

  public boolean atLeast(int major, int minor, int update) {
    return compareTo(new EsxVersion(major, minor, update)) >= 0;
  }

  /**
   * ESX 3.5 and 4.x (DOMAIN.md section 6): vmkernel through syslog with uptime stamps, hostd and vpxa with
   * {@code [ts tid level 'context' opID=...]}.
   */
  public boolean classic() {
    return major < 5;
  }

  /** vmkernel.log, hostd.log and vpxa.log with the ESXi 8 syslog-style prefix. */
  public boolean syslogPrefixed() {
    return major >= 8;
  }

  @Override
  public int compareTo(EsxVersion o) {
    int c = Integer.compare(major, o.major);
    c = c != 0 ? c : Integer.compare(minor, o.minor);
    return c != 0 ? c : Integer.compare(update, o.update);
  }
}
