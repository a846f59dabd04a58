package org.svmsim.vpxa.log;

import java.util.SortedMap;
import java.util.TreeMap;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.log.LogRenderer;
import org.svmsim.kernel.sim.Event;

/** What hostd.log's and vpxa.log's renderers share: one file, the run's start, the agents' facts. */
abstract class AgentLogRenderer implements LogRenderer {
  private final String path;
  final AgentLog log;
  private final String daemon;
  /** The daemon is down: it writes nothing, even about what others do meanwhile. */
  boolean down;
  String esxVersion = "";
  String esxBuild = "";

  AgentLogRenderer(String path, String daemon, int threads) {
    this.path = path;
    this.log = new AgentLog(daemon, threads);
    this.daemon = daemon;
  }

  @Override
  public final void onEvent(long t, Event event) {
    if (event instanceof RunEvent.RunStarted e) {
      log.start(e);
      esxVersion = e.esxVersion();
      esxBuild = e.esxBuild();
      onStart(e);
    } else if (event instanceof AgentEvent.AgentStopped e && e.agent().equals(daemon)) {
      stopped(t, e);
      down = true;
    } else if (event instanceof AgentEvent.AgentStarted e && e.agent().equals(daemon)) {
      down = false;
      started(t, e);
    } else if (down) {
      return;
    } else if (event instanceof AgentEvent e) {
      render(t, e);
    } else if (event instanceof VmxEvent e) {
      renderVmx(t, e);
    }
  }

  abstract void render(long t, AgentEvent event);

  /** The daemon's last line before it goes down. */
  private void stopped(long t, AgentEvent.AgentStopped e) {
    log.write(t, AgentLog.Level.INFO, "Default", "", "", stopping(e.reason()));
  }

  /** The daemon's first line once it runs again: its banner. */
  private void started(long t, AgentEvent.AgentStarted e) {
    log.write(t, AgentLog.Level.INFO, "Default", "", "", banner(e.pid()));
  }

  abstract String stopping(String reason);

  abstract String banner(int pid);

  /** The run starts: a renderer seeds its own cosmetic choices here. */
  void onStart(RunEvent.RunStarted run) {}

  /** The VMX's facts a daemon logs about (hostd's view of a migration); none by default. */
  void renderVmx(long t, VmxEvent event) {}

  @Override
  public final SortedMap<String, String> files() {
    SortedMap<String, String> files = new TreeMap<>();
    files.put(path, log.text());
    return files;
  }
}
