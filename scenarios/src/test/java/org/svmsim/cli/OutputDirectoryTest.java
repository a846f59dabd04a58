package org.svmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  @TempDir
  Path tmp;

  private List<String> entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Path writeOne(Path staging) {
    try {
      return Files.writeString(staging.resolve("summary.json"), "{}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
  void aSuccessfulRunIsMovedIntoPlaceWithNothingLeftBeside() throws Exception {
    OutputDirectory out = OutputDirectory.fresh(tmp.resolve("runs"), "r");
    Path staging = out.produce(s -> {
      writeOne(s);
      assertFalse(Files.exists(out.target()), "nothing appears under the final name before the end");
      assertTrue(s.getFileName().toString().startsWith(".r.partial-"), s.toString());
      return s;
    });
    assertFalse(Files.exists(staging));
    assertEquals(List.of("summary.json"), entries(out.target()));
    assertEquals(List.of("r"), entries(tmp.resolve("runs")));
  }

  @Test
  void aFailedRunLeavesNothing() throws Exception {
    OutputDirectory out = OutputDirectory.explicit(tmp.resolve("out"), false);
    assertThrows(IllegalStateException.class, () -> out.produce(s -> {
      writeOne(s);
      throw new IllegalStateException("simulated failure");
    }));
    assertEquals(List.of(), entries(tmp));
  }

  @Test
  void aFailedForcedRunKeepsTheOldDirectory() throws Exception {
    Path old = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(old.resolve("keep.txt"), "previous run");
    OutputDirectory out = OutputDirectory.explicit(old, true);
    assertThrows(IllegalStateException.class, () -> out.produce(s -> {
      throw new IllegalStateException("simulated failure");
    }));
    assertEquals(List.of("out"), entries(tmp));
    assertEquals(List.of("keep.txt"), entries(old));
  }

  @Test
  void aNonEmptyDirectoryIsRefusedUnlessForced() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(dir.resolve("x"), "x");
    UsageError e = assertThrows(UsageError.class, () -> OutputDirectory.explicit(dir, false));
    assertTrue(e.getMessage().endsWith("exists and is not empty (--force replaces it)"), e.getMessage());
    OutputDirectory.explicit(dir, true).produce(OutputDirectoryTest::writeOne);
    assertEquals(List.of("summary.json"), entries(dir));
  }

  @Test
  void anEmptyDirectoryIsUsedWithoutForce() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("empty"));
    OutputDirectory.explicit(dir, false).produce(OutputDirectoryTest::writeOne);
    assertEquals(List.of("summary.json"), entries(dir));
  }

  @Test
  void aFileOrTheCurrentDirectoryIsNeverReplaced() throws Exception {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    assertThrows(UsageError.class, () -> OutputDirectory.explicit(file, true));
    assertThrows(UsageError.class, () -> OutputDirectory.explicit(Path.of("."), true));
    assertThrows(UsageError.class, () -> OutputDirectory.explicit(Path.of("").toAbsolutePath().getParent(), true));
  }
}
