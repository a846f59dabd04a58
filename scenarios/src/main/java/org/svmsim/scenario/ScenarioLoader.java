package org.svmsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.svmsim.scenario.unit.BadValueException;

/**
 * Resolves a scenario the one way the command line and the tests do: defaults, then the scenario file,
 * then the overrides, then binding and validation. Every user mistake comes out as a
 * {@link ScenarioException} that names the source, the field and the bad value.
 */
public final class ScenarioLoader {
  private static final String DEFAULTS = "/defaults.yaml";

  private ScenarioLoader() {}

  /** {@code nameOrPath}: a bundled scenario's name, or the path of a YAML (or JSON) file. */
  public static Scenario load(String nameOrPath, Overrides overrides) {
    Source source = read(nameOrPath);
    return parse(source.text(), source.label(), overrides);
  }

  /** A scenario from its text; {@code source} names it in error messages. */
  public static Scenario parse(String yaml, String source, Overrides overrides) {
    ObjectNode tree = resolve(yaml, source);
    Map<TreePath, String> blame = TreeEdits.apply(tree, overrides);
    Scenario scenario;
    try {
      scenario = Mappers.yaml().treeToValue(tree, Scenario.class);
    } catch (JsonMappingException e) {
      throw JacksonErrors.binding(source, e, tree, blame);
    } catch (JsonProcessingException e) {
      throw JacksonErrors.syntax(source, e);
    }
    try {
      return ScenarioValidator.validate(scenario);
    } catch (BadValueException e) {
      throw new ScenarioException(JacksonErrors.blamed(source, TreePath.parse(e.field()), blame), e.field(), e.detail());
    }
  }

  /** The defaults merged with the scenario text, before overrides and binding. */
  static ObjectNode resolve(String yaml, String source) {
    JsonNode own;
    try {
      own = Mappers.yaml().readTree(yaml);
    } catch (JsonProcessingException e) {
      throw JacksonErrors.syntax(source, e);
    }
    if (own == null || own.isMissingNode() || own.isNull()) {
      throw new ScenarioException(source, "", "empty: expected a scenario mapping (see `svmsim show quick`)");
    }
    if (!own.isObject()) {
      throw new ScenarioException(source, "", "expected a mapping of fields at the top, found " + own.getNodeType());
    }
    return (ObjectNode) TreeMerge.merge(defaults(), own);
  }

  static JsonNode defaults() {
    String text = BundledScenarios.resource(DEFAULTS).orElseThrow(() -> new IllegalStateException("no defaults.yaml"));
    try {
      return Mappers.yaml().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("defaults.yaml does not parse", e);
    }
  }

  private record Source(String label, String text) {}

  /** Names with a '/' or a .yaml/.yml/.json suffix are always files. */
  private static Source read(String nameOrPath) {
    boolean looksLikeFile = nameOrPath.contains("/") || nameOrPath.contains(File.separator)
        || nameOrPath.matches(".*\\.(ya?ml|json)");
    if (!looksLikeFile) {
      var bundled = BundledScenarios.text(nameOrPath);
      if (bundled.isPresent()) {
        return new Source(BundledScenarios.label(nameOrPath), bundled.get());
      }
      if (!Files.isRegularFile(Path.of(nameOrPath))) {
        throw new ScenarioException(nameOrPath, "", "no such scenario: bundled ones are "
            + String.join(", ", BundledScenarios.names()) + "; or give a file path");
      }
    }
    try {
      return new Source(nameOrPath, Files.readString(Path.of(nameOrPath), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ScenarioException(nameOrPath, "", "cannot read the file: " + describe(e));
    }
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
