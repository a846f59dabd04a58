package org.svmsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven recorded in the jar; a build run from classes has none. */
final class Version implements IVersionProvider {
  private static final String POM = "/META-INF/maven/org.svmsim/scenarios/pom.properties";

  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream(POM)) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {"svmsim " + p.getProperty("version", "(development build)"),
        "Java " + System.getProperty("java.version")};
  }
}
