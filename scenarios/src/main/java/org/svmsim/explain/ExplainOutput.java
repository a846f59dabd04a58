package org.svmsim.explain;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/** The two ways explain writes: text for people, JSON lines for tools. */
public final class ExplainOutput {
  private ExplainOutput() {}

  public static Summary text(List<Path> files, Writer out) throws IOException {
    Summary s = Explainer.explain(files, new TextSink(out));
    out.flush();
    return s;
  }

  public static Summary json(List<Path> files, Writer out) throws IOException {
    Summary s = Explainer.explain(files, new JsonSink(out));
    out.flush();
    return s;
  }
}
