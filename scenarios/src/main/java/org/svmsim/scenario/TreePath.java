package org.svmsim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A path into a scenario tree, as users write it ({@code vms.0.workload.iops} or {@code vms[0].workload.iops})
 * and as error messages print it ({@code vms[0].workload.iops}).
 */
public record TreePath(List<Object> steps) {
  public TreePath {
    steps = List.copyOf(steps);
  }

  public static TreePath parse(String text) {
    String dotted = text.strip().replaceAll("\\[(\\d+)]", ".$1");
    List<Object> steps = new ArrayList<>();
    for (String part : dotted.split("\\.", -1)) {
      if (part.isEmpty()) {
        throw new IllegalArgumentException("empty step in path '" + text + "'");
      }
      steps.add(part.chars().allMatch(Character::isDigit) ? (Object) Integer.valueOf(part) : part);
    }
    return new TreePath(steps);
  }

  public TreePath field(String name) {
    List<Object> more = new ArrayList<>(steps);
    more.add(name);
    return new TreePath(more);
  }

  public TreePath index(int i) {
    List<Object> more = new ArrayList<>(steps);
    more.add(i);
    return new TreePath(more);
  }

  public TreePath prefix(int length) {
    return new TreePath(steps.subList(0, length));
  }

  public boolean startsWith(TreePath other) {
    return steps.size() >= other.steps.size() && steps.subList(0, other.steps.size()).equals(other.steps);
  }

  /** {@code vms[0].disks[1].size}; the empty path prints as the empty string. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Object s : steps) {
      if (s instanceof Integer i) {
        b.append('[').append(i).append(']');
      } else {
        b.append(b.length() == 0 ? "" : ".").append(s);
      }
    }
    return b.toString();
  }
}
