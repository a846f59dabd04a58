package org.svmsim.run;

// STUB: replaced by lead

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.svmsim.scenario.Mappers;

/** Renders the logs of a recorded run again from its events.jsonl into {@code stagingDir}. */
public final class Replayer {
  private Replayer() {}

  public static RunSummary replay(Path eventsJsonl, Path stagingDir) {
    RunSummary s = new RunSummary(String.valueOf(eventsJsonl.getFileName()), 0, "replay", "stub");
    try {
      Mappers.json().writeValue(stagingDir.resolve("summary.json").toFile(), s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s;
  }
}
