package org.svmsim.scenario;

import java.util.regex.Pattern;

/**
 * The ESXi host: its name and build as the logs print them, its CPU count, and its rescan rhythm. The
 * version is written {@code 6.0.0} or, as VMware names updates, {@code 7.0U2}; the logs print it dotted.
 */
public record HostSpec(String hostname, String version, String build, int cpus, RescanSpec rescan) {
  private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+)|U(\\d+))");
  private static final Pattern BUILD = Pattern.compile("\\d+");

  public HostSpec {
    Check.matches("hostname", hostname, HOSTNAME, "expected a host name like esx-w1.lab.local");
    Check.maxLength("hostname", hostname, 253, "a DNS name");
    Check.matches("version", version, VERSION, "expected an ESXi version like 6.0.0 or 7.0U2");
    Check.matches("build", build, BUILD, "expected a build number like 3620759");
    Check.atLeast("cpus", cpus, 1);
    Check.atMost("cpus", cpus, 896, "ESXi 8's most logical cpus");
    Check.present("rescan", rescan);
  }

  /** The version as ESXi prints it: {@code 7.0U2} is {@code 7.0.2}. */
  public String dottedVersion() {
    java.util.regex.Matcher m = VERSION.matcher(version);
    if (!m.matches()) {
      throw new IllegalStateException("validated version " + version);
    }
    return m.group(1) + "." + m.group(2) + "." + (m.group(3) != null ? m.group(3) : m.group(4));
  }
}
