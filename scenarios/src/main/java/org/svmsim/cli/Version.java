package org.svmsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven recorded in the jar; a build run from classes has none. */
final class Version implements IVersionProvider {
  private static final String POM = "/META-INF/maven/org.svmsim/scenarios/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"svmsim " + number(), "Java " + System.getProperty("java.version")};
  }

  /** svmsim's version, or {@code (development build)} when run from classes. */
  static String number() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream(POM)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // no version to tell
    }
    return p.getProperty("version", "(development build)");
  }
}
