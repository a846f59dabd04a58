package org.svmsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios shipped in the jar, under {@code /scenarios/<name>.yaml}. A jar cannot be listed portably,
 * so {@code /scenarios/index.txt} names them, one a line, in the order {@code svmsim list} shows them.
 */
public final class BundledScenarios {
  private static final String DIR = "/scenarios/";

  private BundledScenarios() {}

  public static List<String> names() {
    return resource(DIR + "index.txt").orElseThrow(() -> new IllegalStateException("no scenarios/index.txt"))
        .lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  /** The YAML text of a bundled scenario, if there is one by that name. */
  public static Optional<String> text(String name) {
    return names().contains(name) ? resource(DIR + name + ".yaml") : Optional.empty();
  }

  /** How error messages name a bundled scenario: by its place in the source tree, where one can read it. */
  public static String label(String name) {
    return "bundled " + name + ".yaml";
  }

  static Optional<String> resource(String path) {
    try (InputStream in = BundledScenarios.class.getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
