package org.svmsim.kernel.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The three ways ESX has moved a running VM's disks (DOMAIN.md section 3), and which ones this version
 * simulates: the one list the scenario format, the command line and vpxa all check against.
 */
public enum Method {
  MIRROR("mirror", true),
  DBT("dbt", false),
  SNAPSHOT("snapshot", false);

  private final String id;
  private final boolean implemented;

  Method(String id, boolean implemented) {
    this.id = id;
    this.implemented = implemented;
  }

  public String id() {
    return id;
  }

  public boolean implemented() {
    return implemented;
  }

  public static Optional<Method> of(String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
  }

  /** Every method's id, as scenarios spell them. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Method::id).toList();
  }

  /** The ids of the methods this version runs. */
  public static List<String> implementedIds() {
    return Arrays.stream(values()).filter(Method::implemented).map(Method::id).toList();
  }
}
