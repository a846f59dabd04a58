package org.svmsim.vpxa.log;

import java.util.List;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.log.EsxTime;
import org.svmsim.kernel.log.EsxVersion;
import org.svmsim.kernel.log.LineBuffer;
import org.svmsim.kernel.sim.SimRandom;

/**
 * The layout hostd.log and vpxa.log share (DOMAIN.md section 6), ESXi 6.x-7.x:
 * {@code <ts> <level> <daemon>[<tid>] [Originator@6876 sub=<sub>[ opID=<op>][ user=<user>]] <message>};
 * ESXi 8 prints the level and daemon syslog-style: {@code <ts> In(166) Hostd[<tid>]: [Originator@6876 ...]}.
 * ESX 3.5/4.x print {@code [<ts> <tid> <level> '<context>'[ opID=<op>]] <message>} (DOMAIN.md section 6),
 * with the context svmsim derives from the sub (its guess: {@code vm:<vmx>}, {@code TaskManager}, {@code
 * App} for the daemon's own lines, the sub itself otherwise) and 32-bit thread ids ending in {@code B90}.
 * Then one {@code --> } line per continuation. It owns the timestamp and the thread ids, both pure
 * functions of the run's {@link RunEvent.RunStarted} and the lines written before.
 */
final class AgentLog {
  private final String daemon;
  private final int threads;
  private final LineBuffer lines = new LineBuffer();
  private EsxTime time;
  private ThreadIds threadIds;
  private boolean syslog;
  private boolean classic;
  private String syslogDaemon;

  AgentLog(String daemon, int threads) {
    this.daemon = daemon;
    this.threads = threads;
    this.syslogDaemon = Character.toUpperCase(daemon.charAt(0)) + daemon.substring(1);
    // Until the run announces itself, time zero is the epoch and the seed is 0 (only tests see this).
    start(0, 0, new EsxVersion(6, 0, 0));
  }

  void start(RunEvent.RunStarted run) {
    start(run.startEpochMillis(), run.seed(), EsxVersion.parse(run.esxVersion()));
  }

  private void start(long startEpochMillis, long seed, EsxVersion version) {
    time = new EsxTime(startEpochMillis);
    syslog = version.syslogPrefixed();
    classic = version.classic();
    threadIds = new ThreadIds(new SimRandom(seed).split(daemon + ".log"), threads, version.atLeast(6, 5, 0),
        classic ? "B90" : "B70");
  }

  void write(long nanos, Level level, String sub, String opId, String user, String message) {
    write(nanos, level, sub, opId, user, message, List.of());
  }

  void write(long nanos, Level level, String sub, String opId, String user, String message,
      List<String> continuation) {
    if (classic) {
      StringBuilder sb = new StringBuilder(160).append('[').append(time.classic(nanos)).append(' ')
          .append(threadIds.of(opId)).append(' ').append(level.text()).append(" '").append(context(sub))
          .append('\'');
      if (opId != null && !opId.isEmpty()) {
        sb.append(" opID=").append(opId);
      }
      emit(sb.append("] "), message, continuation);
      return;
    }
    StringBuilder sb = new StringBuilder(160).append(time.format(nanos)).append(' ');
    if (syslog) {
      sb.append(level.syslog()).append(' ').append(syslogDaemon).append('[').append(threadIds.of(opId))
          .append("]: ");
    } else {
      sb.append(level.text()).append(' ').append(daemon).append('[').append(threadIds.of(opId)).append("] ");
    }
    sb.append("[Originator@6876 sub=").append(sub);
    if (opId != null && !opId.isEmpty()) {
      sb.append(" opID=").append(opId);
    }
    if (user != null && !user.isEmpty()) {
      sb.append(" user=").append(user);
    }
    emit(sb.append("] "), message, continuation);
  }

  /** The first line after its {@code head}, then each continuation on a {@code --> } line. */
  private void emit(StringBuilder head, String message, List<String> continuation) {
    String[] first = message.split("\n", -1);
    lines.line(head.append(first[0]).toString());
    for (int i = 1; i < first.length; i++) {
      lines.line("--> " + first[i]);
    }
    for (String c : continuation) {
      for (String part : c.split("\n", -1)) {
        lines.line("--> " + part);
      }
    }
  }

  /** The ESX 4.x context of a 6.x sub. */
  static String context(String sub) {
    if (sub.startsWith("Vmsvc.vm:")) {
      return sub.substring("Vmsvc.".length());
    }
    return switch (sub) {
      case "Vimsvc.TaskManager" -> "TaskManager";
      case "Default" -> "App";
      default -> sub;
    };
  }

  String text() {
    return lines.toString();
  }

  /** The levels the agents' logs use; ESXi 8 prints them as syslog priorities of facility local4. */
  enum Level {
    INFO("In(166)"), VERBOSE("Db(167)"), WARNING("Wa(164)"), ERROR("Er(163)");

    private final String syslog;

    Level(String syslog) {
      this.syslog = syslog;
    }

    String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    String syslog() {
      return syslog;
    }
  }
}
