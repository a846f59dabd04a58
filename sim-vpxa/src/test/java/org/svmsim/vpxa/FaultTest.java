package org.svmsim.vpxa;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class FaultTest {
  @Test
  void aFaultTravelsAsTypeColonMessageAndComesBack() {
    Fault f = new Fault(Fault.NOT_SUPPORTED, "method dbt is not implemented yet");
    assertEquals("vmodl.fault.NotSupported: method dbt is not implemented yet", f.toString());
    assertEquals(f, Fault.parse(f.toString()));
    assertEquals(new Fault(Fault.TASK_IN_PROGRESS, ""), Fault.parse("vim.fault.TaskInProgress"));
  }

  @Test
  void aBareReasonIsASystemErrorWithTheWholeTextAsMessage() {
    assertEquals(new Fault(Fault.SYSTEM_ERROR, "Maximum switchover time: 100 s"),
        Fault.parse("Maximum switchover time: 100 s"));
    assertEquals(new Fault(Fault.SYSTEM_ERROR, ""), Fault.parse(null));
  }

  @Test
  void aFullDestinationReportedByTheVmxIsNoDiskSpace() {
    String reason = "No space left on device: volume x has 1 bytes free, 2 needed";
    assertEquals(new Fault(Fault.NO_DISK_SPACE, reason), Fault.parse(Fault.NO_DISK_SPACE + ": " + reason));
  }

  @Test
  void onlyVimAndVmodlTypesAreFaults() {
    assertThrows(IllegalArgumentException.class, () -> new Fault("NoDiskSpace", "x"));
  }
}
