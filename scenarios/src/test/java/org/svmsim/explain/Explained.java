package org.svmsim.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Explain's JSON output of some files, read back: one node per input line, then the summary. */
record Explained(List<JsonNode> lines, JsonNode summary) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Explained of(List<Path> files) {
    try {
      StringWriter out = new StringWriter();
      ExplainOutput.json(files, out);
      List<JsonNode> nodes = new ArrayList<>();
      for (String l : out.toString().split("\n")) {
        nodes.add(JSON.readTree(l));
      }
      JsonNode last = nodes.remove(nodes.size() - 1);
      if (!last.path("summary").asBoolean()) {
        throw new AssertionError("the last object is not the summary: " + last);
      }
      return new Explained(nodes, last);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines that are log lines (not comments or blank) without a layout or without a family. */
  List<String> unexplained() {
    List<String> bad = new ArrayList<>();
    for (JsonNode n : lines) {
      String layout = n.path("layout").asText(null);
      if ("comment".equals(layout) || "blank".equals(layout)) {
        continue;
      }
      if (layout == null || n.path("family").isNull()) {
        bad.add(n.path("file").asText() + ":" + n.path("lineNo").asInt() + " [" + layout + "] " + n.path("text").asText());
      }
    }
    return bad;
  }
}
