package org.svmsim.cli;

import org.svmsim.run.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: svmsim's version (see {@link BuildInfo}) and the JVM's. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"svmsim " + number(), "Java " + System.getProperty("java.version")};
  }

  static String number() {
    return BuildInfo.version();
  }
}
