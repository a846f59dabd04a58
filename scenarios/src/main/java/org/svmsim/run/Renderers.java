package org.svmsim.run;

import java.util.List;
import org.svmsim.kernel.log.LogRenderer;
import org.svmsim.kernel.log.VmkernelLogRenderer;
import org.svmsim.vmx.log.VmwareLogRenderer;
import org.svmsim.vpxa.log.HostdLogRenderer;
import org.svmsim.vpxa.log.VpxaLogRenderer;

/** The log renderers of a run or a replay, each owned by the component whose log it writes. */
final class Renderers {
  private Renderers() {}

  static List<LogRenderer> all() {
    return List.of(new VmkernelLogRenderer(), new HostdLogRenderer(), new VpxaLogRenderer(),
        new VmwareLogRenderer());
  }
}
