package org.svmsim.explain;

/** The four logs of a Storage vMotion, each written by its own component. */
enum Component {
  VMKERNEL("vmkernel"), VMWARE("vmware"), HOSTD("hostd"), VPXA("vpxa");

  private final String id;

  Component(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }
}
