package org.svmsim.vpxa.log;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.log.MessageTemplate;
import org.svmsim.vpxa.Fault;

/**
 * vpxa.log's messages. The {@code [VpxLRO]} lines and the fault block under {@code -- ERROR} follow real
 * vpxa/vpxd; the step lines under {@code vpxaVmprov} (vpxa's provisioning subsystem) are the project's.
 */
final class VpxaCatalog {
  static final String LRO = "vpxLro";
  static final String VMPROV = "vpxaVmprov";

  static final MessageTemplate BEGIN = new MessageTemplate("[VpxLRO] -- BEGIN {} -- {} -- {} -- {}");
  static final MessageTemplate FINISH = new MessageTemplate("[VpxLRO] -- FINISH {}");
  static final MessageTemplate ERROR = new MessageTemplate("[VpxLRO] -- ERROR {} -- {} -- {}: {}:");
  static final MessageTemplate STEP = new MessageTemplate("Relocate of {}: step {} of 6: {}");
  static final MessageTemplate DIR_COPIED = new MessageTemplate(
      "Copied the working directory of {} to {}: {} files, {} bytes");
  static final MessageTemplate SHADOW_READY = new MessageTemplate(
      "Shadow VM of {} is running in fail-safe mode at {}");
  static final MessageTemplate SOURCE_DELETED = new MessageTemplate("Deleted {} files of {} from {}");

  private VpxaCatalog() {}

  /** The {@code -->} block after an ERROR line: the fault as the VMODL data object prints. */
  static List<String> faultBlock(Fault fault) {
    List<String> block = new ArrayList<>();
    block.add("Result:");
    block.add("(" + fault.type() + ") {");
    block.add("   faultCause = (vmodl.MethodFault) null,");
    block.add("   faultMessage = <unset>,");
    block.add("   msg = \"" + fault.message().replace("\n", " ").replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    block.add("}");
    return block;
  }
}
