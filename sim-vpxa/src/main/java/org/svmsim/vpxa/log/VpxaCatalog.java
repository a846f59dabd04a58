package org.svmsim.vpxa.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.svmsim.kernel.log.CatalogEntry;
import org.svmsim.kernel.log.MessageIndex;
import org.svmsim.kernel.log.MessageTemplate;
import org.svmsim.kernel.log.Provenance;
import org.svmsim.vpxa.Fault;

/**
 * vpxa.log's message families. The {@code [VpxLRO]} BEGIN and FINISH lines and the name-reservation lines
 * are real-lines/vpxa_pastebin-aFysZkTy_yHcsD8xB.log; the ERROR line and its fault block follow vpxd, and
 * the step lines under {@code vpxaVmprov} (vpxa's provisioning subsystem) are svmsim's.
 */
public enum VpxaCatalog implements CatalogEntry {
  BEGIN(Provenance.REAL, "[VpxLRO] -- BEGIN {} -- {} -- {} -- {}"),
  FINISH(Provenance.REAL, "[VpxLRO] -- FINISH {}"),
  ERROR(Provenance.SVMSIM, "[VpxLRO] -- ERROR {} -- {} -- {}: {}:"),
  STEP(Provenance.SVMSIM, "Relocate of {}: step {} of 6: {}"),
  DIR_COPIED(Provenance.SVMSIM, "Copied the working directory of {} to {}: {} files, {} bytes"),
  SHADOW_READY(Provenance.SVMSIM, "Shadow VM of {} is running in fail-safe mode at {}"),
  SOURCE_DELETED(Provenance.SVMSIM, "Deleted {} files of {} from {}"),
  DIRECTORY_AVAILABLE(Provenance.REAL, "[ReserveFileWithGivenRootDir] Directory {} is available for use"),
  DIRECTORY_RESERVED(Provenance.REAL,
      "[ReserveFileWithGivenRootDir] Reserved directory only, name {}, stable name {}"),
  JOURNAL_DELETED(Provenance.REAL, "Deleting Journal {}."),
  SERVICE_STATE(Provenance.REAL, "Responded to service state request"),
  /** svmsim's wording: real-lines shows no agent shutdown. */
  STOPPING(Provenance.SVMSIM, "vpxa is shutting down: {}"),
  /**
   * The first line of a vpxa (or hostd) log: the wording real logs print (not in real-lines, so marked
   * svmsim's).
   */
  BANNER(Provenance.SVMSIM, "Log for VMware ESX, pid={}, version={}, build={}, option=Release"),
  RECOVER(Provenance.SVMSIM, "[VpxLRO] -- RECOVER {} -- {} -- from the journal after a restart: {}"),
  RECOVER_AFTER_CRASH(Provenance.SVMSIM, "[VpxLRO] -- RECOVER {} -- {} -- from the journal after the host's boot: {}");

  static final String LRO = "vpxLro";
  static final String VMPROV = "vpxaVmprov";
  private static final MessageIndex<VpxaCatalog> INDEX = new MessageIndex<>(Arrays.asList(values()));
  private final Provenance provenance;
  private final MessageTemplate template;

  VpxaCatalog(Provenance provenance, String text) {
    this.provenance = provenance;
    this.template = new MessageTemplate(text);
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public MessageTemplate template() {
    return template;
  }

  String render(Object... args) {
    return template.render(args);
  }

  /** The entry whose text is {@code message} (normalised), or null. */
  public static VpxaCatalog find(String message) {
    return INDEX.find(message);
  }

  /** The {@code -->} block of a fault, as the VMODL data object prints (vpxa's ERROR, hostd's ResolveCb). */
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
