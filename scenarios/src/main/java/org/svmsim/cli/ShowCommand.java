package org.svmsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.concurrent.Callable;
import org.svmsim.scenario.Mappers;
import org.svmsim.scenario.Scenario;
import org.svmsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code svmsim show}: the fully resolved scenario, which runs unchanged when saved to a file. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Print a scenario with every default and override resolved.")
final class ShowCommand implements Callable<Integer> {
  enum Format { yaml, json }

  @Parameters(paramLabel = "SCENARIO", description = "A bundled scenario (see svmsim list) or a file path.")
  String scenario;

  @Mixin
  ScenarioOptions options;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml", description = "yaml or json.")
  Format format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws JsonProcessingException {
    Scenario s = ScenarioLoader.load(scenario, options.overrides());
    String text = (format == Format.json ? Mappers.json() : Mappers.yaml()).writeValueAsString(s);
    spec.commandLine().getOut().print(text.endsWith("\n") ? text : text + "\n");
    return 0;
  }
}
