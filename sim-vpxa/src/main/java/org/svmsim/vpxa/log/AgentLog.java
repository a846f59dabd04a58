package org.svmsim.vpxa.log;

import java.util.List;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.log.EsxTime;
import org.svmsim.kernel.log.LineBuffer;
import org.svmsim.kernel.sim.SimRandom;

/**
 * The layout hostd.log and vpxa.log share (DOMAIN.md section 6):
 * {@code <ts> <level> <daemon>[<tid>] [Originator@6876 sub=<sub>[ opID=<op>][ user=<user>]] <message>},
 * then one {@code --> } line per continuation. It owns the timestamp and the thread ids, both pure
 * functions of the run's {@link RunEvent.RunStarted} and the lines written before.
 */
final class AgentLog {
  private final String daemon;
  private final int threads;
  private final LineBuffer lines = new LineBuffer();
  private EsxTime time;
  private ThreadIds threadIds;

  AgentLog(String daemon, int threads) {
    this.daemon = daemon;
    this.threads = threads;
    // Until the run announces itself, time zero is the epoch and the seed is 0 (only tests see this).
    start(0, 0);
  }

  void start(RunEvent.RunStarted run) {
    start(run.startEpochMillis(), run.seed());
  }

  private void start(long startEpochMillis, long seed) {
    time = new EsxTime(startEpochMillis);
    threadIds = new ThreadIds(new SimRandom(seed).split(daemon + ".log"), threads);
  }

  void write(long nanos, Level level, String sub, String opId, String user, String message) {
    write(nanos, level, sub, opId, user, message, List.of());
  }

  void write(long nanos, Level level, String sub, String opId, String user, String message,
      List<String> continuation) {
    StringBuilder sb = new StringBuilder(160).append(time.format(nanos)).append(' ')
        .append(level.text()).append(' ').append(daemon).append('[').append(threadIds.of(opId))
        .append("] [Originator@6876 sub=").append(sub);
    if (opId != null && !opId.isEmpty()) {
      sb.append(" opID=").append(opId);
    }
    if (user != null && !user.isEmpty()) {
      sb.append(" user=").append(user);
    }
    String[] first = message.split("\n", -1);
    lines.line(sb.append("] ").append(first[0]).toString());
    for (int i = 1; i < first.length; i++) {
      lines.line("--> " + first[i]);
    }
    for (String c : continuation) {
      for (String part : c.split("\n", -1)) {
        lines.line("--> " + part);
      }
    }
  }

  String text() {
    return lines.toString();
  }

  /** The levels the agents' logs use. */
  enum Level {
    INFO, VERBOSE, WARNING, ERROR;

    String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
