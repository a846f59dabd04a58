package org.svmsim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.svmsim.scenario.BundledScenarios;
import org.svmsim.scenario.Overrides;
import org.svmsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code svmsim list}: the bundled scenarios, one a line, with their descriptions. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "List the bundled scenarios.")
final class ListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<String> names = BundledScenarios.names();
    int width = names.stream().mapToInt(String::length).max().orElse(0);
    PrintWriter out = spec.commandLine().getOut();
    for (String name : names) {
      String description = ScenarioLoader.load(name, Overrides.none()).description();
      out.println(String.format("%-" + width + "s  %s", name, description).stripTrailing());
    }
    return 0;
  }
}
