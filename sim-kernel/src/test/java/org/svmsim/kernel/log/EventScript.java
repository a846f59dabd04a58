package org.svmsim.kernel.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.sim.Event;

/** A hand-built run for renderer tests: events at wall-clock times of the seed's day, replayable. */
public final class EventScript {
  /** The checker's grammars (checks/seed_run.py), copied verbatim. */
  public static final Pattern VMK = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"
      + " cpu\\d+:\\d+(?: opID=[0-9a-f]+)?\\)(?:(?:WARNING|ALERT): )?[A-Za-z][A-Za-z0-9_]*: (?:vm \\d+: )?\\d+: .+$");
  public static final Pattern VMK_CONT = Pattern.compile(
      "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z cpu\\d+:\\d+(?: opID=[0-9a-f]+)?\\)\\S.*$");
  public static final Pattern VMX_OLD =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\\| [^|]+\\| [A-Z]\\d{3}: .*$");

  /** Virtual time zero of every script. */
  public static final Instant START = Instant.parse("2016-05-19T12:30:00.000Z");

  private record Timed(long nanos, Event event) {}

  private final List<Timed> events = new ArrayList<>();

  /** A script that starts like every run, with {@code RunStarted} at virtual time zero. */
  public static EventScript run(long seed) {
    return new EventScript().at(START.toString(), new RunEvent.RunStarted("seed", seed, "mirror",
        START.toEpochMilli(), "esx01.lab.local", "6.0.0", "3620759", 24));
  }

  /** {@code event} at the wall-clock time {@code iso} ({@code 2016-05-19T12:59:29.720Z}). */
  public EventScript at(String iso, Event event) {
    long nanos = (Instant.parse(iso).toEpochMilli() - START.toEpochMilli()) * 1_000_000L;
    events.add(new Timed(nanos, event));
    return this;
  }

  /** The same events with another seed in {@code RunStarted}. */
  public EventScript withSeed(long seed) {
    EventScript copy = run(seed);
    copy.events.addAll(events.subList(1, events.size()));
    return copy;
  }

  public <R extends LogRenderer> R replay(R renderer) {
    for (Timed t : events) {
      renderer.onEvent(t.nanos(), t.event());
    }
    return renderer;
  }

  public static List<String> lines(String text) {
    return text.lines().toList();
  }
}
