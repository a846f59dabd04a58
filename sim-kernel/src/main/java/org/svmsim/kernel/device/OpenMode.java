package org.svmsim.kernel.device;

/** How a world opens a device. An exclusive open makes every other open fail with Busy until it closes. */
public enum OpenMode {
  READ_ONLY,
  SHARED,
  EXCLUSIVE
}
