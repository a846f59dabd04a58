package org.svmsim.vpxa.log;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.vpxa.AgentsHarness;

/** Every rendered line is in the grammar of shared/checks/seed_run.py, in every kind of run. */
class AgentLogGrammarTest {
  static final Pattern HOSTD = agent("hostd");
  static final Pattern VPXA = agent("vpxa");
  static final Pattern CONT = Pattern.compile("^--> ");

  static Pattern agent(String name) {
    return Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z (?:info|verbose|warning|error) "
        + name + "\\[[0-9A-Fa-f]+\\] \\[Originator@6876 sub=[^\\]]+\\] .*$");
  }

  static Stream<Arguments> runs() {
    Supplier<AgentsHarness> success = () -> new AgentsHarness(21).relocate("mirror");
    Supplier<AgentsHarness> failure = () -> {
      AgentsHarness h = new AgentsHarness(22);
      h.vmx.failWith = "Maximum switchover time for migration exceeded";
      return h.relocate("mirror");
    };
    Supplier<AgentsHarness> refused = () -> new AgentsHarness(23).refusedRelocate();
    Supplier<AgentsHarness> full = () -> new AgentsHarness(24, 3L << 20).relocate("mirror");
    Supplier<AgentsHarness> powerOffMidway = () -> {
      AgentsHarness h = new AgentsHarness(25);
      h.at(65, new AgentEvent.PowerOffVm(AgentsHarness.VM));
      h.at(66, new AgentEvent.PowerOnVm(AgentsHarness.VM));
      return h.relocate("mirror");
    };
    return Stream.of(Arguments.of("success", success), Arguments.of("failure", failure),
        Arguments.of("refused", refused), Arguments.of("full", full),
        Arguments.of("powerOffMidway", powerOffMidway));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void everyLineIsInTheGrammar(String name, Supplier<AgentsHarness> run) {
    AgentsHarness h = run.get();
    assertGrammar(h.log(HostdLogRenderer.PATH), HOSTD);
    assertGrammar(h.log(VpxaLogRenderer.PATH), VPXA);
  }

  static void assertGrammar(String text, Pattern grammar) {
    assertTrue(text.endsWith("\n"), "a log ends with a newline");
    List<String> bad = new ArrayList<>();
    String[] lines = text.split("\n");
    assertTrue(lines.length > 2, "too few lines:\n" + text);
    for (int i = 0; i < lines.length; i++) {
      if (!grammar.matcher(lines[i]).matches() && !CONT.matcher(lines[i]).find()) {
        bad.add((i + 1) + ": " + lines[i]);
      }
    }
    assertEquals(List.of(), bad, "lines off the grammar in:\n" + text);
    assertTrue(grammar.matcher(lines[0]).matches(), "a log starts with a full line");
  }
}
