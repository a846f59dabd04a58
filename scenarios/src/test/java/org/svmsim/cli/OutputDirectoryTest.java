package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  private static final Map<String, String> ABOUT = Map.of("command", "test");

  @TempDir
  Path tmp;

  private List<String> entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Path writeOne(Path staging) {
    try {
      Files.createDirectories(staging.resolve("var/log"));
      Files.writeString(staging.resolve("var/log/x.log"), "log");
      return Files.writeString(staging.resolve("summary.json"), "{}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path writeFile(Path p) {
    try {
      return Files.writeString(p, "{}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static OutputDirectory explicit(Path dir, boolean force) {
    return OutputDirectory.explicit(dir, force, Map.of());
  }

  @Test
  void freshNamesAreNumberedWhenTaken() throws Exception {
    assertEquals(tmp.resolve("run"), OutputDirectory.fresh(tmp, "run").target());
    Files.createDirectory(tmp.resolve("run"));
    assertEquals(tmp.resolve("run-2"), OutputDirectory.fresh(tmp, "run").target());
    Files.createDirectory(tmp.resolve("run-2"));
    assertEquals(tmp.resolve("run-3"), OutputDirectory.fresh(tmp, "run").target());
  }

  @Test
  void aFreshNameTakenWhileTheRunRanMovesOnToTheNextNumber() throws Exception {
    OutputDirectory out = OutputDirectory.fresh(tmp, "r");
    out.produce(ABOUT, s -> {
      writeOne(s);
      assertTrue(tmp.resolve("r").toFile().mkdir());
      writeOne(tmp.resolve("r")); // another run got there first
      return null;
    });
    assertEquals(tmp.resolve("r-2"), out.target());
    assertEquals(List.of("r", "r-2"), entries(tmp));
  }

  @Test
  void aSuccessfulRunIsMovedIntoPlaceMarkedWithNothingLeftBeside() throws Exception {
    OutputDirectory out = OutputDirectory.fresh(tmp.resolve("runs"), "r");
    Path staging = out.produce(ABOUT, s -> {
      writeOne(s);
      assertFalse(Files.exists(out.target()), "nothing appears under the final name before the end");
      assertTrue(s.getFileName().toString().matches("r\\.svmsim-incomplete-\\d+"), s.toString());
      return s;
    });
    assertFalse(Files.exists(staging));
    assertEquals(List.of(".svmsim-run", "summary.json", "var"), entries(out.target()));
    assertEquals(List.of("r"), entries(tmp.resolve("runs")));
    String marker = Files.readString(out.target().resolve(".svmsim-run"));
    assertTrue(marker.contains("command: test\nfile: summary.json\nfile: var/log/x.log\n"), marker);
  }

  @Test
  void aFailedRunLeavesNothing() throws Exception {
    OutputDirectory out = explicit(tmp.resolve("out"), false);
    assertThrows(IllegalStateException.class, () -> out.produce(ABOUT, s -> {
      writeOne(s);
      throw new IllegalStateException("simulated failure");
    }));
    assertEquals(List.of(), entries(tmp));
  }

  @Test
  void aFailedForcedRunKeepsTheOldOutput() throws Exception {
    Path old = tmp.resolve("out");
    explicit(old, false).produce(ABOUT, OutputDirectoryTest::writeOne);
    OutputDirectory out = explicit(old, true);
    assertThrows(IllegalStateException.class, () -> out.produce(ABOUT, s -> {
      throw new IllegalStateException("simulated failure");
    }));
    assertEquals(List.of("out"), entries(tmp));
    assertEquals(List.of(".svmsim-run", "summary.json", "var"), entries(old));
  }

  @Test
  void forceReplacesSvmsimsOwnOutputOnly() throws Exception {
    Path dir = tmp.resolve("out");
    explicit(dir, false).produce(ABOUT, OutputDirectoryTest::writeOne);
    UsageError notForced = assertThrows(UsageError.class, () -> explicit(dir, false));
    assertTrue(notForced.getMessage().contains("exists and is not empty"), notForced.getMessage());
    explicit(dir, true).produce(ABOUT, s -> writeFile(s.resolve("other.json")));
    assertEquals(List.of(".svmsim-run", "other.json"), entries(dir));

    Files.writeString(dir.resolve("notes.txt"), "mine");
    UsageError foreign = assertThrows(UsageError.class, () -> explicit(dir, true));
    assertTrue(foreign.getMessage().endsWith("--force refused: it holds notes.txt, which svmsim did not write;"
        + " nothing was touched"), foreign.getMessage());
    Files.delete(dir.resolve("notes.txt"));
    Files.createDirectory(dir.resolve("mine"));
    assertThrows(UsageError.class, () -> explicit(dir, true), "an empty directory of the user's is foreign too");

    Path plain = Files.createDirectory(tmp.resolve("plain"));
    Files.writeString(plain.resolve("summary.json"), "{}");
    UsageError unmarked = assertThrows(UsageError.class, () -> explicit(plain, true));
    assertTrue(unmarked.getMessage().contains("holds no .svmsim-run marker"), unmarked.getMessage());
    assertTrue(Files.exists(plain.resolve("summary.json")));
  }

  @Test
  void aForcedRunNeverReplacesAnOutputThatAppearedAfterItStarted() throws Exception {
    Path dir = tmp.resolve("out");
    explicit(dir, false).produce(ABOUT, OutputDirectoryTest::writeOne);
    OutputDirectory forced = explicit(dir, true);
    // Meanwhile another forced run replaced the directory with its own output.
    explicit(dir, true).produce(Map.of("command", "other"), OutputDirectoryTest::writeOne);
    UsageError e = assertThrows(UsageError.class, () -> forced.produce(ABOUT, OutputDirectoryTest::writeOne));
    assertTrue(e.getMessage().contains("it changed while this run was running"), e.getMessage());
    assertTrue(Files.readString(dir.resolve(".svmsim-run")).contains("command: other"));
    assertEquals(List.of("out"), entries(tmp));
  }

  @Test
  void anEmptyDirectoryIsUsedWithoutForce() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("empty"));
    explicit(dir, false).produce(ABOUT, OutputDirectoryTest::writeOne);
    assertEquals(List.of(".svmsim-run", "summary.json", "var"), entries(dir));
  }

  @Test
  void neverAFileTheCurrentDirectoryItsParentsTheCheckoutOrADirectoryHoldingAnInput() throws Exception {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    assertThrows(UsageError.class, () -> explicit(file, true));
    assertThrows(UsageError.class, () -> explicit(Path.of("."), true));
    assertThrows(UsageError.class, () -> explicit(Path.of("").toAbsolutePath().getParent(), true));
    Path checkout = Checkout.root().orElseThrow();
    UsageError e = assertThrows(UsageError.class, () -> explicit(checkout, true));
    assertTrue(e.getMessage().contains("refusing to write there"), e.getMessage());
    Path scenarioDir = Files.createDirectory(tmp.resolve("scn"));
    Path scenario = Files.writeString(scenarioDir.resolve("my.yaml"), "name: x\n");
    UsageError input = assertThrows(UsageError.class,
        () -> OutputDirectory.explicit(scenarioDir, true, Map.of(scenario, "the scenario file")));
    assertTrue(input.getMessage().contains("it is or holds the scenario file"), input.getMessage());
    assertTrue(Files.exists(scenario));
  }

  @Test
  void theNextRunSweepsTheStagingDirectoriesOfDeadRunsOnly() throws Exception {
    Path dead = Files.createDirectory(tmp.resolve("old.svmsim-incomplete-999999999"));
    Files.writeString(dead.resolve(Staging.OWNER_FILE), "pid 999999999\nstarted ?\n");
    Path notOurs = Files.createDirectory(tmp.resolve("photos.svmsim-incomplete-999999998"));
    Files.writeString(notOurs.resolve("cat.jpg"), "x");
    explicit(tmp.resolve("next"), false).produce(ABOUT, OutputDirectoryTest::writeOne);
    assertEquals(List.of("next", "photos.svmsim-incomplete-999999998"), entries(tmp));
  }
}
