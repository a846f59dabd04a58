package org.svmsim.explain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Real-looking ESXi log lines of every layout explain reads, varied the way real logs vary (DOMAIN.md
 * section 6): other modules, threads, levels and daemons, with and without opIDs, {@code vm N:} and
 * source line numbers, runs of spaces and tabs, long messages, continuation lines, syslog headers in
 * front; and, between them, binary junk and truncated lines. Each well-formed line records the layout,
 * log and module explain must give it.
 */
final class LineGenerator {
  /** One generated line: its bytes and what explain must read (null layout: no expectation). */
  record Line(String text, String layout, String component, String module) {}

  private static final String[] MODULES = {"ScsiDeviceIO", "NMP", "Vol3", "FSS", "SVM", "HBX", "Res3", "FS3DM",
      "VSCSI", "Migrate", "FSR", "VMotion", "Tcpip", "LinNet", "vmw_ahci", "J6", "Fil3", "DLX", "World", "UserWorld",
      "CBT", "Hardware", "Sched", "NetPort", "iscsi_vmk", "lpfc", "StorageApdHandler", "VmMemXfer", "Swap", "X-Y_9"};
  private static final String[] VMX_SUBSYSTEMS = {"DISKLIB-LIB_MISC   ", "DISKLIB-VMFS  ", "Migrate", "SVMotion",
      "HBACommon", "DDB", "Checkpoint_Unstun", "CPT", "ToolsRpc", "GuestRpc", "SCSI0", "VMXNET3 user", "VigorTransport",
      "MKS", "SVGA", "Vix", "FILE", "AIOMGR", "UUID", "Tools"};
  private static final String[] VMX_THREADS = {"vmx", "vcpu-0", "vcpu-1", "vcpu-15", "mks", "svga", "Worker#0",
      "Worker#3", "vmx-vthread-7", "vmx-vcpu-0", "worker-2100942", "vthread-4084785", "vmx-mks"};
  private static final String[] SUBS = {"Vimsvc.TaskManager", "Vmsvc.vm:/vmfs/volumes/5739734e-f309ac87/W1_2/W1_2.vmx",
      "Libs", "vpxLro", "vpxaVmprov", "Hostsvc.DatastoreSystem", "SoapAdapter", "Solo.Vmomi", "Default",
      "Vcsvc.VMotionSrc.1463662769666386", "journal", "VpxaHalCnxHostagent", "Hostsvc.HaHost"};
  private static final String[] AGENT_LEVELS = {"info", "verbose", "warning", "error", "trivia"};
  private static final String[] TAGS8 = {"In", "Wa", "Er", "No", "Db", "Al", "Cr"};
  private static final String[] WORDS = {"device", "naa.600508b1001c", "failed", "0xbad00e0", "Busy", "path",
      "vmhba2:C0:T1:L4", "/vmfs/volumes/5739734e-f309ac87-4491-f8bc123449c2/W1_2/W1_2-flat.vmdk", "state", "=",
      "(0x0)", "H:0x0", "D:0x2", "P:0x0", "Valid", "sense", "data:", "0x5", "0x24", "seconds", "for", "migration",
      "1463662769666386", "opID=", "[x]", "'quoted'", "\"dq\"", "->", "12.5%", "e364a3da3b1610039b94f6994f5799bc",
      "{", "}", "|", "cpu", "In(05)", "--", "<unset>", "a:b:c", "vm", "ÿ", "é", "中文"};
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
      "Nov", "Dec"};

  private final SplittableRandom r;
  private long millis = 1_463_662_769_000L;

  LineGenerator(long seed) {
    this.r = new SplittableRandom(seed);
  }

  /** A file of {@code records} records: its bytes and every line it holds, in order. */
  Generated file(int records) {
    List<Line> lines = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean bom = r.nextInt(4) == 0;
    if (bom) {
      out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
    }
    String eol = r.nextInt(3) == 0 ? "\r\n" : "\n";
    for (int i = 0; i < records; i++) {
      for (Line l : record()) {
        lines.add(l);
        out.writeBytes(l.text().getBytes("junk".equals(l.module()) ? StandardCharsets.ISO_8859_1
            : StandardCharsets.UTF_8));
        out.writeBytes(eol.getBytes(StandardCharsets.US_ASCII));
      }
    }
    if (r.nextBoolean()) {
      Line cut = cut(one());
      lines.add(cut);
      out.writeBytes(cut.text().getBytes(StandardCharsets.UTF_8));
    }
    return new Generated(out.toByteArray(), lines);
  }

  record Generated(byte[] bytes, List<Line> lines) {}

  /** One message with what may follow it: continuation lines, or junk, or a line cut short. */
  private List<Line> record() {
    int k = r.nextInt(100);
    if (k < 4) {
      return List.of(junk());
    }
    if (k < 8) {
      return List.of(cut(one()));
    }
    List<Line> out = new ArrayList<>();
    Line head = one();
    out.add(head);
    boolean forwarded = head.layout().startsWith("syslog/");
    if (!forwarded && "vmkernel".equals(head.component()) && r.nextInt(6) == 0) {
      for (int i = r.nextInt(3); i >= 0; i--) {
        out.add(new Line("gen 19, mode 1, owner 56d41dc7-9c9d6442-8e87-00269e3d0022 mtime " + r.nextInt(99999),
            "vmkernel-continuation", "vmkernel", null));
      }
    } else if (!forwarded && head.layout().startsWith("agent") && r.nextInt(4) == 0) {
      for (int i = r.nextInt(4); i >= 0; i--) {
        out.add(new Line("--> " + message(), "agent-continuation", head.component(), null));
      }
    }
    return out;
  }

  private Line one() {
    millis += r.nextInt(5000);
    Line l = switch (r.nextInt(13)) {
      case 11 -> vobd();
      case 12 -> shell();
      case 0 -> vmkernel();
      case 1 -> vmkernel8();
      case 2 -> vmkernel4();
      case 3 -> vmware50();
      case 4 -> vmware51();
      case 5 -> vmware70u2();
      case 6 -> agent6();
      case 7 -> agent8();
      case 8 -> agent4();
      case 9 -> agent5();
      default -> forwarded();
    };
    return r.nextInt(10) == 0 && !l.layout().equals("vmkernel-4.x-syslog")
        ? new Line((r.nextBoolean() ? "\t" : "  ") + l.text(), l.layout(), l.component(), l.module()) : l;
  }

  private String iso() {
    java.time.Instant t = java.time.Instant.ofEpochMilli(millis);
    String s = t.toString();
    if (!s.contains(".")) {
      s = s.replace("Z", ".000Z");
    }
    return switch (r.nextInt(8)) {
      case 0 -> s.replace("Z", "+00:00");
      case 1 -> s.replace(".", ".").replace("Z", "123Z");
      default -> s;
    };
  }

  private String syslogTime() {
    java.time.ZonedDateTime z = java.time.Instant.ofEpochMilli(millis).atZone(java.time.ZoneOffset.UTC);
    return String.format("%s %2d %02d:%02d:%02d", MONTHS[z.getMonthValue() - 1], z.getDayOfMonth(), z.getHour(),
        z.getMinute(), z.getSecond());
  }

  private String pick(String[] a) {
    return a[r.nextInt(a.length)];
  }

  private String hex(int digits) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits; i++) {
      sb.append("0123456789abcdef".charAt(r.nextInt(16)));
    }
    return sb.toString();
  }

  /** Words with runs of spaces and tabs, sometimes long. */
  private String message() {
    int n = r.nextInt(20) == 0 ? 400 + r.nextInt(1500) : 1 + r.nextInt(14);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(switch (r.nextInt(12)) {
          case 0 -> "   ";
          case 1 -> "\t";
          default -> " ";
        });
      }
      sb.append(r.nextInt(5) == 0 ? String.valueOf(r.nextInt(1_000_000)) : pick(WORDS));
    }
    return sb.toString();
  }

  private record Body(String text, String module) {}

  /** {@code cpuN:world[ opID=x])[WARNING: ]Module: [vm N: ]line: message}. */
  private Body vmkernelBody() {
    String module = pick(MODULES);
    StringBuilder sb = new StringBuilder("cpu").append(r.nextInt(128));
    if (r.nextInt(10) != 0) {
      sb.append(':').append(r.nextInt(4_000_000));
    }
    if (r.nextInt(6) == 0) {
      sb.append(" opID=").append(r.nextBoolean() ? hex(8) : "hostd-" + hex(4));
    }
    sb.append(')');
    sb.append(switch (r.nextInt(6)) {
      case 0 -> "WARNING: ";
      case 1 -> "ALERT: ";
      default -> "";
    });
    sb.append(module).append(": ");
    if (r.nextInt(5) == 0) {
      sb.append("vm ").append(r.nextInt(4_000_000)).append(": ");
    }
    if (r.nextInt(8) != 0) {
      sb.append(r.nextInt(9000)).append(": ");
    }
    return new Body(sb.append(message()).toString(), module);
  }

  private Line vmkernel() {
    Body b = vmkernelBody();
    return new Line(iso() + " " + b.text(), "vmkernel-5.x-7.0", "vmkernel", b.module());
  }

  private Line vmkernel8() {
    Body b = vmkernelBody();
    String tag = pick(TAGS8) + "(" + (160 + r.nextInt(30)) + ")";
    String daemon = r.nextInt(4) == 0 ? "vmkwarning:" : "vmkernel:";
    return new Line(iso() + " " + tag + " " + daemon + " " + b.text(), "vmkernel-8.x", "vmkernel", b.module());
  }

  private Line vmkernel4() {
    Body b = vmkernelBody();
    String up = r.nextInt(400) + ":" + String.format("%02d:%02d:%02d.%03d", r.nextInt(24), r.nextInt(60),
        r.nextInt(60), r.nextInt(1000));
    String host = r.nextBoolean() ? "esx" + r.nextInt(99) + ".example.com " : "";
    return new Line(syslogTime() + " " + host + "vmkernel: " + up + " " + b.text(), "vmkernel-4.x-syslog",
        "vmkernel", b.module());
  }

  private Body vmwareBody() {
    String sub = pick(VMX_SUBSYSTEMS);
    String trimmed = sub.trim();
    return new Body(sub + ": " + message(), trimmed.contains(" ") ? null : trimmed);
  }

  private Line vmware50() {
    Body b = vmwareBody();
    return new Line(iso() + "| " + pick(VMX_THREADS) + "| " + b.text(), "vmware-5.0", "vmware", b.module());
  }

  private String levelCode() {
    return "IWANE".charAt(r.nextInt(5)) + String.valueOf(100 + r.nextInt(30)) + (r.nextInt(8) == 0 ? "+" : "");
  }

  private Line vmware51() {
    Body b = vmwareBody();
    return new Line(iso() + "| " + pick(VMX_THREADS) + "| " + levelCode() + ": " + b.text(), "vmware-5.1-7.0",
        "vmware", b.module());
  }

  private Line vmware70u2() {
    Body b = vmwareBody();
    String tag = pick(TAGS8) + String.format("(%02d)", r.nextInt(8)) + (r.nextInt(10) == 0 ? "+" : "");
    return new Line(iso() + " " + tag + " " + pick(VMX_THREADS) + " - " + b.text(), "vmware-7.0U2+", "vmware",
        b.module());
  }

  private String opId() {
    return switch (r.nextInt(4)) {
      case 0 -> hex(7) + "-01-" + hex(2);
      case 1 -> "k41obmfo-4080728-auto-2fgpl-h5:70354825-27-02-a3-" + hex(4);
      case 2 -> "HB-host-10@" + r.nextInt(9999) + "-" + hex(8) + "-11";
      default -> "lro-" + r.nextInt(99999);
    };
  }

  private record Agent(String daemon, String component) {}

  private Agent daemon() {
    return r.nextBoolean() ? new Agent("hostd", "hostd") : new Agent("vpxa", "vpxa");
  }

  /** {@code [Originator@6876 sub=x opID=y user=z] }, sometimes without opID or user, sometimes none. */
  private String originator(String sub) {
    if (r.nextInt(8) == 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder("[Originator@6876 sub=").append(sub);
    if (r.nextInt(4) != 0) {
      sb.append(" opID=").append(opId());
    }
    if (r.nextInt(3) == 0) {
      sb.append(" user=vpxuser:VSPHERE.LOCAL\\Administrator");
    }
    return sb.append("] ").toString();
  }

  private Line agent6() {
    Agent a = daemon();
    String sub = pick(SUBS);
    String o = originator(sub);
    String tid = r.nextBoolean() ? String.valueOf(2_000_000 + r.nextInt(200_000)) : hex(7).toUpperCase();
    return new Line(iso() + " " + pick(AGENT_LEVELS) + " " + a.daemon() + "[" + tid + "] " + o + message(),
        "agent-6.x-7.x", a.component(), o.isEmpty() ? null : sub);
  }

  private Line agent8() {
    Agent a = daemon();
    String sub = pick(SUBS);
    String o = originator(sub);
    String name = Character.toUpperCase(a.daemon().charAt(0)) + a.daemon().substring(1);
    return new Line(iso() + " " + pick(TAGS8) + "(" + (160 + r.nextInt(10)) + ") " + name + "["
        + (2_000_000 + r.nextInt(200_000)) + "]: " + o + message(), "agent-8.x", a.component(),
        o.isEmpty() ? null : sub);
  }

  private String bracketHead(String ctx) {
    return hex(8).toUpperCase() + " " + pick(AGENT_LEVELS) + " '" + ctx + "'" + (r.nextBoolean() ? " opID=" + opId() : "");
  }

  private Line agent4() {
    String ctx = r.nextBoolean() ? "App" : "vm:/vmfs/volumes/4d9ad894/Email/Email.vmx";
    String ts = iso().substring(0, 23).replace('T', ' ');
    return new Line("[" + ts + " " + bracketHead(ctx) + "] " + message(), "agent-4.x", null, ctx);
  }

  private Line agent5() {
    String ctx = r.nextBoolean() ? "Vimsvc.TaskManager" : "Hostsvc.DatastoreSystem";
    return new Line(iso() + " [" + bracketHead(ctx) + "] " + message(), "agent-5.x", null, ctx);
  }

  /** vobd.log: a correlator, a time since boot in us, a vob id. */
  private Line vobd() {
    String correlator = r.nextBoolean() ? "netCorrelator" : "GenericCorrelator";
    return new Line(iso() + ": [" + correlator + "] " + r.nextInt(999_999_999) + "us: [vob.net.vmnic.linkstate.down] "
        + message(), "vobd", null, correlator);
  }

  /** Another daemon's line in ESXi's syslog form (shell.log, syslog.log): {@code <ts> name[pid]: message}. */
  private Line shell() {
    String daemon = r.nextBoolean() ? "shell" : "sshd";
    return new Line(iso() + " " + daemon + "[" + r.nextInt(9_999_999) + "]: [root]: " + message(), "syslog", null,
        daemon);
  }

  /** A syslog server's copy of a line: RFC 3164 or 5424 header, then the line without or with its time. */
  private Line forwarded() {
    Line inner = switch (r.nextInt(5)) {
      case 0 -> vmkernel();
      case 1 -> vmware51();
      case 2 -> agent6();
      case 3 -> agent8();
      default -> vmware70u2();
    };
    String tag = switch (inner.component()) {
      case "vmkernel" -> "vmkernel";
      case "vmware" -> "vmx";
      case "vpxa" -> "Vpxa";
      default -> "Hostd";
    };
    String body = inner.text();
    if (inner.layout().equals("vmkernel-5.x-7.0") && r.nextBoolean()) {
      body = body.substring(body.indexOf(" cpu") + 1);
    }
    String host = "esx" + r.nextInt(99) + ".lab.local";
    String header = switch (r.nextInt(3)) {
      case 0 -> "<" + r.nextInt(192) + ">" + syslogTime() + " " + host + " " + tag + ": ";
      case 1 -> "<" + r.nextInt(192) + ">1 " + iso() + " " + host + " " + tag + " " + r.nextInt(99999) + " - - ";
      default -> iso() + " " + host + " " + tag + "[" + r.nextInt(99999) + "]: ";
    };
    return new Line(header + body, "syslog/" + inner.layout(), inner.component(), inner.module());
  }

  /** Bytes that are no text: control characters and undecodable bytes (written as Latin-1). */
  private Line junk() {
    StringBuilder sb = new StringBuilder();
    for (int i = 1 + r.nextInt(200); i > 0; i--) {
      char c = (char) r.nextInt(256);
      sb.append(c == '\n' ? '\u0001' : c);
    }
    sb.setCharAt(0, '\u0000');
    return new Line(sb.toString(), null, null, "junk");
  }

  /** A line cut short anywhere: no expectation but that it is shown. */
  private Line cut(Line l) {
    String t = l.text();
    String cut = t.substring(0, r.nextInt(Math.max(1, t.length())));
    return new Line(cut.isEmpty() ? "2" : cut, null, null, null);
  }
}
