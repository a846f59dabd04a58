package org.svmsim.vmx;

import java.util.List;
import org.svmsim.kernel.id.VmId;
import org.svmsim.vmx.config.DiskConfig;

/** The files of a VM's directory, relative to its volume, with the sizes svmsim gives them. */
public final class VmFiles {
  /** Working-directory files (not disks) and their sizes in bytes; vpxa copies these in step 1. */
  public record HomeFile(String name, long bytes) {}

  private VmFiles() {}

  public static List<HomeFile> home(VmId vm) {
    return List.of(new HomeFile(vm + ".vmx", 3_276), new HomeFile(vm + ".nvram", 8_684),
        new HomeFile(vm + ".vmsd", 0), new HomeFile(vm + ".vmxf", 3_114),
        new HomeFile("vmware.log", 262_144));
  }

  public static String dir(VmId vm) {
    return vm.toString();
  }

  public static String descriptor(VmId vm, DiskConfig disk) {
    return vm + "/" + disk.fileName();
  }

  public static String flat(VmId vm, DiskConfig disk) {
    return vm + "/" + disk.fileName().replaceFirst("\\.vmdk$", "-flat.vmdk");
  }

  /** A descriptor file's size: a few hundred bytes of text. */
  public static final long DESCRIPTOR_BYTES = 512;
}
