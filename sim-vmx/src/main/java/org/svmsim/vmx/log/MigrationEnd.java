package org.svmsim.vmx.log;

import static org.svmsim.vmx.log.VmwareCatalog.*;

import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;

/**
 * How the VMX's Migrate module ends a migration in vmware.log. A success finishes the state machine in
 * state 5; a failure in state 6, then the wrap-up of real-lines/vmware_kb320352_vmotion-maxswitchover.log:
 * the host log written, config.readOnly cleared, the failure message list cached and the VM kept on the
 * source. The state numbers other than 5, 6 and 0 are svmsim's reading of the flow.
 */
final class MigrationEnd {
  static final int SUCCEEDED = 5;
  static final int FAILED = 6;
  private static final String TIMED_OUT = "vim.fault.Timedout";

  private MigrationEnd() {}

  static void render(VmLog log, long t, VmxEvent.SvmotionFinished e, VmxEvent.StartSvmotion m, SimRandom random) {
    if (e.success()) {
      log.home(e.home());
      log.add(t, SET_STATE_FINISHED, 1, SUCCEEDED);
      log.migrateState(t, SUCCEEDED);
      log.add(t, SVMOTION_SUCCEEDED);
    } else {
      log.add(t, WRITE_HOST_LOG, random.nextLong(1_500, 6_000));
      log.add(t, SET_STATE_FINISHED, 1, FAILED);
      log.migrateState(t, FAILED);
      log.add(t, CONFIGDB_SETTING, "config.readOnly", "FALSE");
      log.add(t, FAILURE_LOG_SWITCHING);
      log.add(t, FAILURE_LOG_SWITCHED);
      log.add(t, CACHING_ERRORS);
      String reason = e.reason();
      if (reason.startsWith(TIMED_OUT) && m != null) {
        log.add(t, MSG_MAX_SWITCHOVER, m.options().maxSwitchoverNanos() / VirtualTime.SECOND);
      } else {
        // svmsim's message key: the VMX's own key for a failed disk copy is not public.
        int colon = reason.indexOf(": ");
        log.add(t, MSG_ENTRY, "msg.svmotion.fail.copy", colon < 0 ? reason : reason.substring(colon + 2));
      }
      log.add(t, CONTINUE_ON_SOURCE);
    }
    log.add(t, CLEANING_UP);
    log.migrateState(t, 0);
  }
}
