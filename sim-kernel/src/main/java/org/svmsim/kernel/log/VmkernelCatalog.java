package org.svmsim.kernel.log;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every vmkernel.log message svmsim writes, as (module, source line number, text): the line numbers are
 * those of the seed's ESXi build. The same entries render svmsim's lines and recognise real ones.
 */
public enum VmkernelCatalog {
  SVM_MAKE_DEV("SVM", 5139, "SVM_MakeDev.5139: Creating device {}: Success"),
  SVM_CREATED("SVM", 5188, "Created device {}, primary {}, secondary {}"),
  VOL3_PROBE_OPEN_FAILED("Vol3", 2675, "Could not open device '{}' for probing: {}"),
  VOL3_VOLUME_OPEN_FAILED("Vol3", 1072, "Could not open device '{}' for volume open: {}"),
  FSS_NO_FS_DRIVER("FSS", 5327, "No FS driver claimed device '{}': No filesystem on the device"),
  SVM_IO_STATS("SVM", 2428, "SVM Mirrored mode IO stats for device: {}"),
  /** The seed cut the lines with the figures, so this wording is svmsim's own. */
  SVM_IO_STATS_TOTALS(SVM_IO_STATS, "Reads: {} ({} bytes), Writes: {} ({} bytes)"),
  SVM_IO_STATS_WRITES(SVM_IO_STATS,
      "Mirrored writes: {}, split: {}, source only: {}, waited for copy: {}, copied: {} bytes"),
  SVM_DESTROYED("SVM", 2450, "Destroyed device {}"),
  // The switchover-timeout failure of KB 1010045 (DOMAIN.md section 4); args start with the migration id.
  FSR_SOURCE_SWITCHOVER_TIMEOUT(Level.WARNING, "FSR", 690,
      "{} S: Maximum switchover time ({} seconds) reached. Failing migration; VM should resume on source."),
  FSR_DESTINATION_SWITCHOVER_TIMEOUT(Level.WARNING, "FSR", 3281,
      "{} D: The migration exceeded the maximum switchover time of {} second(s). ESX has preemptively"
          + " failed the migration to allow the VM to continue running on the source host."),
  MIGRATE_SWITCHOVER_FAILED(Level.WARNING, "Migrate", 296,
      "{} D: Failed: Maximum switchover time for migration exceeded(0xbad0109) @0x{}");

  /** What vmkernel prints before the module of a line. */
  public enum Level {
    LOG(""), WARNING("WARNING: "), ALERT("ALERT: ");

    private final String prefix;

    Level(String prefix) {
      this.prefix = prefix;
    }
  }

  /** A vmkernel.log line the catalog knows; {@code opId} is null when the line carries none. */
  public record Recognised(Instant timestamp, int cpu, int world, String opId, VmkernelCatalog entry,
      int sourceLine, List<String> args) {}

  private static final Pattern LINE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z)"
      + " cpu(\\d+):(\\d+)(?: opID=([0-9a-f]+))?\\)(.*)$");
  private static final Pattern HEADED =
      Pattern.compile("^(?:(WARNING|ALERT): )?([A-Za-z][A-Za-z0-9_]*): (?:vm \\d+: )?(\\d+): (.*)$");

  private final Level level;
  private final String module;
  private final int sourceLine;
  private final VmkernelCatalog continues;
  private final MessageTemplate template;

  VmkernelCatalog(String module, int sourceLine, String text) {
    this(Level.LOG, module, sourceLine, text);
  }

  VmkernelCatalog(Level level, String module, int sourceLine, String text) {
    this.level = level;
    this.module = module;
    this.sourceLine = sourceLine;
    this.continues = null;
    this.template = new MessageTemplate(text);
  }

  /** A continuation line of {@code head}'s message: no module prefix, the text starts right after ')'. */
  VmkernelCatalog(VmkernelCatalog head, String text) {
    this.level = head.level;
    this.module = head.module;
    this.sourceLine = 0;
    this.continues = head;
    this.template = new MessageTemplate(text);
  }

  public Level level() {
    return level;
  }

  public String module() {
    return module;
  }

  /** The source line number in the seed's build; 0 for a continuation line. */
  public int sourceLine() {
    return sourceLine;
  }

  /** The head of the message this line continues, if it is a continuation line. */
  public Optional<VmkernelCatalog> continues() {
    return Optional.ofNullable(continues);
  }

  public MessageTemplate template() {
    return template;
  }

  /** Everything after {@code cpuN:world)}: {@code [WARNING: ]Module: line: message}, or the bare text. */
  public String body(Object... args) {
    String message = template.render(args);
    return continues != null ? message : level.prefix + module + ": " + sourceLine + ": " + message;
  }

  /**
   * Reads a whole vmkernel.log line. A headed line is matched by module and text, not by source line
   * number, because other ESXi builds log the same message from other line numbers.
   */
  public static Optional<Recognised> recognise(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    Instant timestamp = Instant.parse(m.group(1));
    int cpu = Integer.parseInt(m.group(2));
    int world = Integer.parseInt(m.group(3));
    String body = m.group(5);
    Matcher h = HEADED.matcher(body);
    if (h.matches()) {
      Level level = h.group(1) == null ? Level.LOG : Level.valueOf(h.group(1));
      int sourceLine = Integer.parseInt(h.group(3));
      for (VmkernelCatalog entry : values()) {
        if (entry.continues == null && entry.level == level && entry.module.equals(h.group(2))) {
          Optional<List<String>> args = entry.template.match(h.group(4));
          if (args.isPresent()) {
            return Optional.of(new Recognised(timestamp, cpu, world, m.group(4), entry, sourceLine,
                args.get()));
          }
        }
      }
    }
    for (VmkernelCatalog entry : values()) {
      if (entry.continues != null) {
        Optional<List<String>> args = entry.template.match(body);
        if (args.isPresent()) {
          return Optional.of(new Recognised(timestamp, cpu, world, m.group(4), entry, 0, args.get()));
        }
      }
    }
    return Optional.empty();
  }
}
