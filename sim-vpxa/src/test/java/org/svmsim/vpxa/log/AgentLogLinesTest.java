package org.svmsim.vpxa.log;

import static org.junit.jupiter.api.Assertions.*;
import static org.svmsim.vpxa.AgentsHarness.*;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.vpxa.AgentsHarness;

/** The lines that matter, in the wording and order real hostd and vpxa print them. */
class AgentLogLinesTest {
  private static final String TS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  private static List<String> lines(String text) {
    return List.of(text.split("\n"));
  }

  private static int find(List<String> lines, String regex) {
    Pattern p = Pattern.compile(regex);
    for (int i = 0; i < lines.size(); i++) {
      if (p.matcher(lines.get(i)).find()) {
        return i;
      }
    }
    fail("no line matches " + regex + " in\n" + String.join("\n", lines));
    return -1;
  }

  @Test
  void hostdPrintsTheMigratingTransitionUnderTheVmsVmxPath() {
    AgentsHarness h = new AgentsHarness(31).relocate("mirror");
    String op = h.only(AgentEvent.LroBegan.class).opId();
    List<String> hostd = lines(h.log(HostdLogRenderer.PATH));
    String vmx = Pattern.quote(SOURCE.path() + "/W1_2/W1_2.vmx");
    // hostd's opID chains vpxa's; the user is vCenter's agent acting for a vCenter user.
    String user = " user=vpxuser:VSPHERE\\.LOCAL\\\\Administrator";
    op = op + "-[0-9a-f]{2}-[0-9a-f]{4}";
    int migrating = find(hostd, "^" + TS + " info hostd\\[[0-9A-F]{7}\\] \\[Originator@6876 sub=Vmsvc\\.vm:"
        + vmx + " opID=" + op + user + "\\] State Transition \\(VM_STATE_ON -> VM_STATE_MIGRATING\\)$");
    int created = find(hostd, "sub=Vimsvc\\.TaskManager opID=" + op
        + user + "\\] Task Created : haTask-\\d+-vim\\.VirtualMachine\\.relocate-\\d+$");
    int progress = find(hostd, "^" + TS + " verbose hostd.*Task Progress : haTask-.*relocate-\\d+ 50%$");
    int back = find(hostd, "sub=Vmsvc\\.vm:" + Pattern.quote(DEST.path() + "/W1_2/W1_2.vmx")
        + " opID=" + op + user + "\\] State Transition \\(VM_STATE_MIGRATING -> VM_STATE_ON\\)$");
    int done = find(hostd, "Task Completed : haTask-\\d+-vim\\.VirtualMachine\\.relocate-\\d+ Status success$");
    assertTrue(created < migrating && migrating < progress && progress < back && back < done);
    find(hostd, "^2016-05-19T12:58:00\\.000Z info hostd.*sub=Vmsvc\\.vm:" + vmx
        + "\\] Initialized virtual machine\\.$");
    find(hostd, "sub=Vmsvc opID=" + op + user + "\\] Registered shadow virtual machine \\d+ of W1_2 "
        + "in fail-safe mode: " + Pattern.quote(DEST.path()));
  }

  @Test
  void vpxaBracketsTheRelocateWithBeginAndFinish() {
    AgentsHarness h = new AgentsHarness(32).relocate("mirror");
    AgentEvent.LroBegan lro = h.only(AgentEvent.LroBegan.class);
    List<String> vpxa = lines(h.log(VpxaLogRenderer.PATH));
    assertEquals(0, find(vpxa, "^2016-05-19T12:59:00\\.000Z info vpxa\\[[0-9A-F]{7}\\] \\[Originator@6876 "
        + "sub=vpxLro opID=" + lro.opId() + "\\] \\[VpxLRO\\] -- BEGIN " + lro.lroId() + " -- "
        + lro.moid() + " -- vim\\.VirtualMachine\\.relocate -- " + lro.taskUuid() + "$"));
    int copied = find(vpxa, "sub=vpxaVmprov opID=" + lro.opId() + "\\] Copied the working directory of "
        + "W1_2 to " + Pattern.quote(DEST.path() + "/W1_2") + ": 5 files, \\d+ bytes$");
    assertEquals("--> W1_2/W1_2.nvram", vpxa.get(copied + 1));
    int deleted = find(vpxa, "Deleted 7 files of W1_2 from " + Pattern.quote(SOURCE.path()) + "$");
    int finish = find(vpxa, "\\[VpxLRO\\] -- FINISH " + lro.lroId() + "$");
    assertEquals(vpxa.size() - 1, finish);
    assertTrue(copied < deleted);
    // The LRO's lines all come from one vpxa thread.
    String thread = vpxa.get(0).split(" ")[2];
    assertTrue(vpxa.stream().filter(l -> !l.startsWith("--> ")).allMatch(l -> l.split(" ")[2].equals(thread)));
  }

  @Test
  void vpxaPrintsAFailedRelocateAsAnErrorWithTheFaultBelow() {
    AgentsHarness h = new AgentsHarness(33).refusedRelocate();
    AgentEvent.LroBegan lro = h.only(AgentEvent.LroBegan.class);
    List<String> vpxa = lines(h.log(VpxaLogRenderer.PATH));
    int error = find(vpxa, "\\[VpxLRO\\] -- ERROR " + lro.lroId() + " -- " + lro.moid()
        + " -- vim\\.VirtualMachine\\.relocate: vmodl\\.fault\\.InvalidArgument:$");
    assertEquals(List.of("--> Result:", "--> (vmodl.fault.InvalidArgument) {",
        "-->    faultCause = (vmodl.MethodFault) null,", "-->    faultMessage = <unset>,",
        "-->    msg = \"W1_2 already lives on " + AgentsHarness.SOURCE + "\"", "--> }"), vpxa.subList(error + 1, error + 7));
    assertTrue(vpxa.get(error + 7).endsWith("[VpxLRO] -- FINISH " + lro.lroId()), "every BEGIN has its FINISH");
  }

  @Test
  void hostdPrintsAFailedTaskWithItsFault() {
    AgentsHarness h = new AgentsHarness(34);
    h.vmx.failWith = "Maximum switchover time for migration exceeded";
    h.relocate("mirror");
    List<String> hostd = lines(h.log(HostdLogRenderer.PATH));
    int warn = find(hostd, " warning hostd.*Task haTask-\\d+-vim\\.VirtualMachine\\.relocate-\\d+ failed: "
        + "vmodl\\.fault\\.SystemError: Maximum switchover time for migration exceeded$");
    int status = find(hostd, "relocate-\\d+ Status error$");
    int unregistered = find(hostd, "Unregistered shadow virtual machine \\d+\\.$");
    assertTrue(unregistered < warn && warn < status);
  }
}
