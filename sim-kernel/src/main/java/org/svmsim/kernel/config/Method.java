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
  DBT("dbt", true),
  SNAPSHOT("snapshot", true);

  private final String id;
  private final boolean implemented;

  Method(String id, boolean implemented) {
    this.id = id;
    this.implemented = implemented;
  }

  @com.fasterxml.jackson.annotation.JsonValue
  public String id() {
    return id;
  }

  public boolean implemented() {
    return implemented;
  }

  public static Optional<Method> of(String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
  }

  /** The method spelled {@code id}; fails on any other spelling. */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static Method parse(String id) {
    return of(id).orElseThrow(() -> new IllegalArgumentException("no method '" + id + "': one of " + ids()));
  }

  @Override
  public String toString() {
    return id;
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
