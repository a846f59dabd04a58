package org.svmsim.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** explain on the verbatim real ESXi lines of ../shared/real-lines (copied to the test resources). */
class ExplainRealLinesTest {
  static Stream<Path> realFiles() throws IOException, URISyntaxException {
    Path dir = Path.of(ExplainRealLinesTest.class.getResource("/real-lines").toURI());
    return Files.list(dir).filter(p -> p.toString().endsWith(".log")).sorted();
  }

  @ParameterizedTest
  @MethodSource("realFiles")
  void everyRealLineHasItsLayoutAndItsFamily(Path file) throws IOException {
    Explained e = Explained.of(List.of(file));
    assertEquals(Files.readAllLines(file).size(), e.lines().size(), "one object per line");
    assertEquals(List.of(), e.unexplained());
  }

  @Test
  void theSeedsRunIsFollowedAcrossItsTwoFiles() throws Exception {
    Path dir = realFiles().findFirst().orElseThrow().getParent();
    Explained e = Explained.of(List.of(dir.resolve("vmkernel_cosysn-hexo-blog.log"),
        dir.resolve("vmware_cosysn-hexo-blog.log")));
    JsonNode m = e.summary().get("migrations").get(0);
    assertEquals(1, e.summary().get("migrations").size(), e.summary().toString());
    assertEquals("mirror", m.get("method").asText());
    assertEquals("10a80a6-819390-svmmirror", m.get("mirrorDevices").get(0).asText());
    assertEquals("5739734e-f309ac87-4491-f8bc123449c2", m.get("destinationDatastore").asText());
    assertEquals("33554432 sectors", m.get("disks").get("scsi0:0").asText());
    // Interleaved by time: the vmware.log reopen burst sits between the SVM lines and the first probe.
    List<String> files = e.lines().stream().filter(n -> !"comment".equals(n.get("layout").asText()))
        .map(n -> n.get("file").asText().endsWith("vmware_cosysn-hexo-blog.log") ? "x" : "k").toList();
    assertEquals("kk", String.join("", files.subList(0, 2)));
    assertEquals("x", files.get(2));
  }

  @Test
  void aSwitchoverTimeoutIsReadFromTheEsx4xLines() throws Exception {
    Path dir = realFiles().findFirst().orElseThrow().getParent();
    Explained e = Explained.of(List.of(dir.resolve("kb1010045_fsr-max-switchover.log")));
    assertEquals("vmkernel-4.x-syslog", e.lines().get(3).get("layout").asText());
    assertEquals("FSR_SOURCE_SWITCHOVER_TIMEOUT", e.lines().get(3).get("family").asText());
    assertEquals("failed", e.summary().get("outcome").asText());
    assertTrue(e.summary().get("failureReason").asText().startsWith("Maximum switchover time (100 seconds)"),
        e.summary().toString());
  }

  @Test
  void junkTruncatedAndMixedLinesAreShownNeverDropped(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("mixed.log");
    byte[] junk = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 'x', 0x7f, '\n'};
    StringBuilder longLine = new StringBuilder("2016-05-19T12:59:29.720Z cpu1:2)SVM: 1: ");
    longLine.append("y".repeat(100_000)).append('\n');
    try (var out = Files.newOutputStream(f)) {
      out.write(("2016-05-19T12:59:29.720Z cpu17:808643)SVM: 5188: Created device a-b-svmmirror, primary a,"
          + " secondary b\n").getBytes(StandardCharsets.UTF_8));
      out.write(junk);
      out.write("2016-05-19T12:59:29.723Z| Worker#0| I120: SVMotion: Enter Phase 8\n".getBytes(StandardCharsets.UTF_8));
      out.write(longLine.toString().getBytes(StandardCharsets.UTF_8));
      out.write("2016-05-19T12:59:29.7".getBytes(StandardCharsets.UTF_8));
    }
    Explained e = Explained.of(List.of(f));
    assertEquals("SVM_CREATED", e.lines().get(0).get("family").asText());
    assertTrue(e.lines().get(1).get("layout").isNull());
    assertTrue(e.lines().get(1).get("note").asText().startsWith("unrecognised"));
    assertEquals("PHASE_ENTERED", e.lines().get(2).get("family").asText());
    long pieces = (longLine.length() - 1 + LineSource.MAX_LINE - 1) / LineSource.MAX_LINE;
    assertEquals(3 + pieces + 1, e.lines().size(), "the long line comes in pieces, the cut last line too");
    assertTrue(e.lines().get(3).get("note").asText().contains("line cut at"));
  }
}
