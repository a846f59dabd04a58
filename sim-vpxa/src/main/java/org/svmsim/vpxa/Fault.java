package org.svmsim.vpxa;

/**
 * A vSphere fault as the agents report it: a managed type ({@code vim.fault.NoDiskSpace}) and a message.
 * It travels in events as {@code "type: message"}, the way hostd and vpxa print a fault on one line, and
 * the log renderers parse it back to print the fault block.
 */
public record Fault(String type, String message) {
  public static final String NOT_SUPPORTED = "vmodl.fault.NotSupported";
  public static final String INVALID_POWER_STATE = "vim.fault.InvalidPowerState";
  public static final String TASK_IN_PROGRESS = "vim.fault.TaskInProgress";
  public static final String INVALID_ARGUMENT = "vmodl.fault.InvalidArgument";
  public static final String INVALID_DATASTORE = "vim.fault.InvalidDatastore";
  public static final String FILE_ALREADY_EXISTS = "vim.fault.FileAlreadyExists";
  public static final String NO_DISK_SPACE = "vim.fault.NoDiskSpace";
  public static final String SYSTEM_ERROR = "vmodl.fault.SystemError";
  public static final String REQUEST_CANCELED = "vmodl.fault.RequestCanceled";
  /** vSphere's message for a cancelled task. */
  public static final String CANCELED_BY_USER = "The task was canceled by a user.";

  public Fault {
    if (type == null || !(type.startsWith("vim.") || type.startsWith("vmodl."))) {
      throw new IllegalArgumentException("fault type must be a vim./vmodl. type, was '" + type + "'");
    }
    message = message == null ? "" : message;
  }

  /** Reads {@code "type: message"}; anything else (a VMX's bare reason) becomes a SystemError. */
  public static Fault parse(String text) {
    if (text == null || text.isEmpty()) {
      return new Fault(SYSTEM_ERROR, "");
    }
    int colon = text.indexOf(": ");
    String head = colon < 0 ? text : text.substring(0, colon);
    if ((head.startsWith("vim.") || head.startsWith("vmodl.")) && !head.contains(" ")) {
      return new Fault(head, colon < 0 ? "" : text.substring(colon + 2));
    }
    return new Fault(SYSTEM_ERROR, text);
  }

  @Override
  public String toString() {
    return message.isEmpty() ? type : type + ": " + message;
  }
}
