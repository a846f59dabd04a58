package org.svmsim.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.svmsim.explain.ExplainOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code svmsim explain}: what each line of real or svmsim ESXi logs says, and how the migration went. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Explain vmkernel.log, vmware.log, hostd.log and vpxa.log files line by line, then sum up"
        + " the migrations they show. Several files are read together, interleaved by time."})
final class ExplainCommand implements Callable<Integer> {
  enum Format { text, json }

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Log files, real or svmsim's, of any layout.")
  List<Path> files;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  Format format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new UsageError(f + ": no such file");
      }
      if (!Files.isReadable(f)) {
        throw new UsageError(f + ": cannot read the file: permission denied");
      }
    }
    Writer out = spec.commandLine().getOut();
    if (format == Format.json) {
      ExplainOutput.json(files, out);
    } else {
      ExplainOutput.text(files, out);
    }
    return 0;
  }
}
