package org.svmsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Jackson is configured in one place, {@link Mappers}: no main source builds a mapper of its own. */
class OneMapperFactoryTest {
  private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."));
  private static final Pattern BUILDS_A_MAPPER =
      Pattern.compile("new\\s+(ObjectMapper|JsonMapper|YAMLMapper)\\s*\\(|(JsonMapper|YAMLMapper)\\s*\\.\\s*builder\\s*\\(");

  @Test
  void onlyMappersBuildsJacksonMappers() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(ROOT)) {
      offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"))
          .filter(p -> !p.getFileName().toString().equals("Mappers.java"))
          .filter(p -> BUILDS_A_MAPPER.matcher(read(p)).find())
          .map(p -> ROOT.relativize(p).toString())
          .sorted()
          .toList();
    }
    assertEquals(List.of(), offenders);
    assertTrue(BUILDS_A_MAPPER.matcher(read(ROOT.resolve(
        "scenarios/src/main/java/org/svmsim/scenario/Mappers.java"))).find(), "the pattern finds Mappers' own");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
