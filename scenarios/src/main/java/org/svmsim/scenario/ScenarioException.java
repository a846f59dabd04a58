package org.svmsim.scenario;

/**
 * A user's mistake in a scenario or an override, located: the source (a file, a bundled scenario, or the
 * flag that set the value), the path of the field in the tree, and what is wrong with it. Its message is
 * the one line the command line prints: {@code foo.yaml: vms[0].disks[0].size: bad value "16QB": ...}.
 */
public final class ScenarioException extends RuntimeException {
  private final String source;
  private final String path;
  private final String detail;

  public ScenarioException(String source, String path, String detail) {
    super(source + ": " + (path.isEmpty() ? "" : path + ": ") + detail);
    this.source = source;
    this.path = path;
    this.detail = detail;
  }

  public String source() {
    return source;
  }

  public String path() {
    return path;
  }

  public String detail() {
    return detail;
  }
}
