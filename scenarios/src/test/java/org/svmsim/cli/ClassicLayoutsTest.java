package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * host.version 4.x writes the ESX 4.x layouts of DOMAIN.md section 6: vmkernel through syslog with the
 * time since boot, hostd and vpxa in brackets with a quoted context; a DBT run, ESX 4.x's own method.
 */
class ClassicLayoutsTest {
  private static final Pattern VMKERNEL = Pattern.compile("^[A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} esx-quick"
      + " vmkernel: (\\d+):\\d{2}:\\d{2}:\\d{2}\\.\\d{3} cpu\\d+:\\d+\\)(?:WARNING: )?[A-Za-z0-9]+: \\d+: .+$");
  private static final Pattern AGENT = Pattern.compile("^\\[\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}"
      + " [0-9A-F]{4}B90 (?:info|verbose|warning|error) '[^']+'(?: opID=\\S+)?\\] .*$|^--> .*$");

  @TempDir
  Path tmp;

  @Test
  void anEsx4HostWritesTheSyslogUptimeAndBracketedAgentLayouts() throws Exception {
    Path out = tmp.resolve("run");
    StringWriter err = new StringWriter();
    assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", "quick",
        "--method", "dbt", "--set", "host.version=4.1.0", "--fault", "switchover-timeout@phase9", "--out",
        out.toString(), "--events", "none"), err.toString());
    List<String> vmk = Files.readAllLines(out.resolve("var/log/vmkernel.log"));
    assertTrue(vmk.size() >= 3, "the FSR failure lines: " + vmk);
    List<String> bad = new ArrayList<>();
    String days = null;
    for (String l : vmk) {
      var m = VMKERNEL.matcher(l);
      if (!m.matches()) {
        bad.add(l);
      } else {
        days = days == null ? m.group(1) : days;
        assertTrue(Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) < 200, l);
      }
    }
    for (String log : List.of("var/log/hostd.log", "var/log/vpxa.log")) {
      for (String l : Files.readAllLines(out.resolve(log))) {
        if (!AGENT.matcher(l).matches()) {
          bad.add(log + ": " + l);
        }
      }
    }
    assertEquals(List.of(), bad);
    // The DBT copy's change-tracking device comes first, then the switchover's failure.
    assertTrue(vmk.get(0).contains(")CBT: 1133: Created device "), vmk.get(0));
    assertTrue(vmk.stream().anyMatch(l -> l.contains(")WARNING: FSR: 690: ")), String.join("\n", vmk));
    List<String> vpxa = Files.readAllLines(out.resolve("var/log/vpxa.log"));
    assertTrue(vpxa.get(0).contains(" info 'vpxLro' opID=") && vpxa.get(0).contains("] [VpxLRO] -- BEGIN lro-"),
        vpxa.get(0));
  }
}
