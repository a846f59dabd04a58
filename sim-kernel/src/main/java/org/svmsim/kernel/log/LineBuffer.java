package org.svmsim.kernel.log;

/** The growing text of one log file: whole lines, each ending with a newline. */
public final class LineBuffer {
  private final StringBuilder text = new StringBuilder(1 << 14);

  public void line(String line) {
    text.append(line).append('\n');
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
