package org.svmsim.vpxa.log;

import static org.svmsim.vpxa.log.VpxaCatalog.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.vpxa.Fault;
import org.svmsim.vpxa.log.AgentLog.Level;

/** Renders {@code var/log/vpxa.log}: the relocate's long-running operation and its steps. */
public final class VpxaLogRenderer extends AgentLogRenderer {
  public static final String PATH = "var/log/vpxa.log";
  /** The ERROR line repeats the BEGIN line's object and method. */
  private final Map<String, AgentEvent.LroBegan> open = new LinkedHashMap<>();

  public VpxaLogRenderer() {
    super(PATH, "vpxa", 4);
  }

  @Override
  void render(long t, AgentEvent event) {
    if (event instanceof AgentEvent.LroBegan e) {
      open.put(e.lroId(), e);
      log.write(t, Level.INFO, LRO, e.opId(), "",
          BEGIN.render(e.lroId(), e.moid(), e.method(), e.taskUuid()));
    } else if (event instanceof AgentEvent.RelocateStepStarted e) {
      log.write(t, Level.INFO, VMPROV, e.opId(), "", STEP.render(e.vm(), e.step(), e.description()));
    } else if (event instanceof AgentEvent.WorkingDirCopied e) {
      log.write(t, Level.INFO, VMPROV, e.opId(), "", DIR_COPIED.render(e.vm(),
          e.destination().resolve(e.vm()), e.files().size(), e.bytes()), e.files());
    } else if (event instanceof AgentEvent.ShadowVmReady e) {
      log.write(t, Level.INFO, VMPROV, e.opId(), "",
          SHADOW_READY.render(e.vm(), e.destination().resolve(e.vm())));
    } else if (event instanceof AgentEvent.SourceFilesDeleted e) {
      log.write(t, Level.INFO, VMPROV, e.opId(), "",
          SOURCE_DELETED.render(e.files().size(), e.vm(), e.source().path()), e.files());
    } else if (event instanceof AgentEvent.RelocateReattached e) {
      reattached(t, e);
    } else if (event instanceof AgentEvent.LroFinished e) {
      finish(t, e);
    }
  }

  @Override
  String stopping(String reason) {
    return STOPPING.render(reason);
  }

  @Override
  String banner(int pid) {
    return BANNER.render(pid, esxVersion, esxBuild);
  }

  private void reattached(long t, AgentEvent.RelocateReattached e) {
    AgentEvent.LroBegan began = open.get(e.lroId());
    String moid = began == null ? "vpxa" : began.moid();
    String found = switch (e.found()) {
      case "migrating" -> "the VMX is still migrating " + e.vm() + "; waiting for its end";
      case "ended" -> "the VMX ended the migration of " + e.vm() + " while vpxa was down";
      case "crashed" -> "the host lost power in step " + e.step() + " of 6 of the relocate of " + e.vm()
          + ", before its switchover committed";
      case "committed" -> "the host lost power after the switchover of " + e.vm() + " committed";
      default -> "the relocate of " + e.vm() + " was in step " + e.step() + " of 6, run by vpxa itself, and"
          + " died with it";
    };
    boolean crash = e.found().equals("crashed") || e.found().equals("committed");
    log.write(t, Level.INFO, LRO, e.opId(), "", (crash ? RECOVER_AFTER_CRASH : RECOVER).render(e.lroId(), moid,
        found));
  }

  private void finish(long t, AgentEvent.LroFinished e) {
    AgentEvent.LroBegan began = open.remove(e.lroId());
    if (e.success()) {
      log.write(t, Level.INFO, LRO, e.opId(), "", FINISH.render(e.lroId()));
      return;
    }
    // vpxa prints a failed operation at info level too: the ERROR is in the text, the fault below it.
    Fault fault = Fault.parse(e.fault());
    String moid = began == null ? "vpxa" : began.moid();
    String method = began == null ? "vim.Task" : began.method();
    List<String> block = faultBlock(fault);
    log.write(t, Level.INFO, LRO, e.opId(), "", ERROR.render(e.lroId(), moid, method, fault.type()),
        block);
    // vpxa closes every operation with FINISH, failed or not.
    log.write(t, Level.INFO, LRO, e.opId(), "", FINISH.render(e.lroId()));
  }
}
