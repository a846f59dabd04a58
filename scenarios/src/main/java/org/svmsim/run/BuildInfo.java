package org.svmsim.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** svmsim's version as Maven recorded it in the jar; a build run from classes has none. */
public final class BuildInfo {
  private static final String POM = "/META-INF/maven/org.svmsim/scenarios/pom.properties";

  private BuildInfo() {}

  /** The version, or {@code (development build)} when run from classes. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(POM)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // no version to tell
    }
    return p.getProperty("version", "(development build)");
  }
}
