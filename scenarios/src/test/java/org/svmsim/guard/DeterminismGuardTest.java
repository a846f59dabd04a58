package org.svmsim.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.ConfigurationLoader;
import com.puppycrawl.tools.checkstyle.PropertiesExpander;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The determinism guard (build-tools/checkstyle-determinism.xml) run through Checkstyle's own API on small
 * sources: each back door to the host must be reported (so `mvn verify` fails), and code that does it
 * right must not be.
 */
class DeterminismGuardTest {
  private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."));
  private static final Path CONFIG = ROOT.resolve("build-tools/checkstyle-determinism.xml");

  @TempDir
  Path dir;

  private List<String> violations(String body, String imports) throws IOException, CheckstyleException {
    Path file = dir.resolve("Fixture.java");
    Files.writeString(file, "package org.svmsim.run;\n\n" + imports + "\nfinal class Fixture {\n" + body + "\n}\n");
    Checker checker = new Checker();
    checker.setModuleClassLoader(Checker.class.getClassLoader());
    checker.configure(ConfigurationLoader.loadConfiguration(CONFIG.toString(),
        new PropertiesExpander(new Properties())));
    List<String> found = new ArrayList<>();
    checker.addListener(new AuditListener() {
      @Override
      public void auditStarted(AuditEvent event) {}

      @Override
      public void auditFinished(AuditEvent event) {}

      @Override
      public void fileStarted(AuditEvent event) {}

      @Override
      public void fileFinished(AuditEvent event) {}

      @Override
      public void addError(AuditEvent event) {
        found.add(event.getLine() + ": " + event.getMessage());
      }

      @Override
      public void addException(AuditEvent event, Throwable throwable) {
        found.add("exception: " + throwable);
      }
    });
    int errors = checker.process(List.<File>of(file.toFile()));
    checker.destroy();
    assertEquals(found.size(), errors);
    return found;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      System.nanoTime()                     | long t() { return System.nanoTime(); }                        |
      System.currentTimeMillis()            | long t() { return System.currentTimeMillis(); }               |
      a static import of System             | long t() { return nanoTime(); }                               | import static java.lang.System.nanoTime;
      a static import of System.*           | long t() { return currentTimeMillis(); }                      | import static java.lang.System.*;
      Instant.now()                         | Object t() { return java.time.Instant.now(); }                |
      Clock.systemUTC()                     | Object t() { return java.time.Clock.systemUTC(); }            |
      InstantSource.system()                | Object t() { return java.time.InstantSource.system(); }       |
      java.util.Timer                       | Object t() { return new Timer(); }                            | import java.util.Timer;
      a fully named java.util.Timer         | Object t() { return new java.util.Timer(true); }              |
      new Random()                          | Object t() { return new java.util.Random(); }                 |
      new Random(seed)                      | Object t() { return new java.util.Random(42); }               |
      new SecureRandom()                    | Object t() { return new java.security.SecureRandom(); }       |
      unseeded SplittableRandom             | Object t() { return new java.util.SplittableRandom(); }       |
      unseeded SplittableRandom, imported   | Object t() { return new SplittableRandom( ); }                | import java.util.SplittableRandom;
      ThreadLocalRandom                     | int t() { return java.util.concurrent.ThreadLocalRandom.current().nextInt(); } |
      Math.random()                         | double t() { return Math.random(); }                          |
      UUID.randomUUID()                     | Object t() { return java.util.UUID.randomUUID(); }            |
      Collections.shuffle(list)             | void t(java.util.List<?> l) { java.util.Collections.shuffle(l); } |
      Collections.shuffle(of(a call))       | void t() { java.util.Collections.shuffle(java.util.Arrays.asList(1, 2)); } |
      a static import of shuffle            | void t(java.util.List<?> l) { shuffle(l); }                   | import static java.util.Collections.shuffle;
      an executor                           | Object t() { return java.util.concurrent.Executors.newFixedThreadPool(2); } |
      a thread                              | void t() { new Thread(() -> { }).start(); }                   |
      a parallel stream                     | long t(java.util.List<?> l) { return l.parallelStream().count(); } |
      """)
  void eachBackDoorToTheHostFailsTheBuild(String what, String body, String imports) throws Exception {
    List<String> found = violations(body, imports == null ? "" : imports + "\n");
    assertTrue(found.stream().anyMatch(v -> v.contains("determinism")), what + " passed the guard");
  }

  @Test
  void codeThatUsesTheVirtualClockAndTheSeedPasses() throws Exception {
    String body = """
          // System.nanoTime() in a comment is not a call
          private final org.svmsim.kernel.sim.SimRandom random = new org.svmsim.kernel.sim.SimRandom(7);
          private final java.util.SplittableRandom seeded = new java.util.SplittableRandom(42L);
          Object t(org.svmsim.kernel.sim.Bus bus, java.util.List<Integer> l) {
            java.util.Collections.shuffle(l, new Object() { }.getClass() == null ? null : null);
            java.util.Collections.sort(l);
            org.svmsim.kernel.sim.Bus.Timer timer = bus.timer(5, null);
            System.out.println(bus.now());
            return timer;
          }
        """;
    assertEquals(List.of(), violations(body, "import java.util.Collections;\n"));
  }

  @Test
  void theBuildRunsTheGuardOverEveryPackageWithSimulationCode() throws Exception {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    String includes = pom.substring(pom.indexOf("<includes>") + "<includes>".length(), pom.indexOf("</includes>"));
    for (String pkg : List.of("kernel", "vmx", "vpxa", "run")) {
      assertTrue(includes.contains("org/svmsim/" + pkg + "/**/*.java"), pkg + " is outside the guard: " + includes);
    }
    assertTrue(pom.contains("<failOnViolation>true</failOnViolation>"));
    assertTrue(pom.contains("checkstyle-determinism.xml"));
  }
}
