package org.svmsim.scenario;

/** Small scenario texts for tests. */
final class Scenarios {
  private Scenarios() {}

  /** Two datastores, one VM with one disk, power on, relocate, power off; {@code extra} is appended. */
  static String minimal() {
    return """
        name: mini
        datastores:
          - name: a
            uuid: 11111111-22222222-3333-444444444444
          - name: b
            uuid: 11111111-22222222-3333-555555555555
            blockSize: 8MiB
        vms:
          - name: vm1
            datastore: a
            worldId: 1000
            pid: 999
            uuid: "56 4d 00"
            disks:
              - size: 1GiB
        timeline:
          - {at: 0s, action: powerOn, vm: vm1}
          - {at: 10s, action: relocate, vm: vm1, destination: b}
          - {at: 5m, action: powerOff, vm: vm1}
        """;
  }

  static Scenario load(String text, Overrides o) {
    return ScenarioLoader.parse(text, "test.yaml", o);
  }

  static Scenario load(String text) {
    return load(text, Overrides.none());
  }
}
