package veneer.shell.mgmt;

import java.math.BigInteger;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.AxiLite;
import veneer.hdl.bus.AxiLiteRegisterFile;
import veneer.hdl.bus.Stream;
import veneer.hdl.bus.StreamFifo;

/**
 * The management function's BAR0: the registers of {@link ManagementRegisters} (identity,
 * interface id, counters, scratch, Role reset, decoupler, configuration-port registers, error
 * log) on {@code regs}, and the configuration data window on {@code cfgData}. The
 * partial-reconfiguration controller plugs into the {@code cfgport_*} ports.
 *
 * <pre>{@code
 * ManagementBlock mgmt = instance("mgmt", new ManagementBlock(interfaceId));
 * Bundle.connect(endpoint.region("mgmt"), mgmt.regs);
 * }</pre>
 */
public final class ManagementBlock extends Module {
  public static final int ERROR_LOG_DEPTH = 16;

  public final AxiLite regs;
  public final AxiLite cfgData;
  public final Bool served = input("served", Bool());
  public final Bool completionSent = input("completion_sent", Bool());
  public final Bool refused = input("refused", Bool());
  public final Bool errValid = input("err_valid", Bool());
  public final UInt errCode = input("err_code", UInt(8));
  public final UInt errInfo = input("err_info", UInt(24));
  public final Bool roleReset = output("role_reset", Bool());
  public final Bool decouple = output("decouple", Bool());
  public final UInt cfgportControl = output("cfgport_control", UInt(8));
  public final UInt cfgportStatus = input("cfgport_status", UInt(32));
  public final UInt cfgportError = input("cfgport_error", UInt(32));
  public final Stream cfgportData;

  /** @param interfaceId the 128-bit shell interface id that images are built against */
  public ManagementBlock(BigInteger interfaceId) {
    if (interfaceId.signum() < 0 || interfaceId.bitLength() > 128) {
      throw new IllegalArgumentException("the shell interface id must be a 128-bit unsigned number, found "
          + interfaceId.toString(16));
    }
    int bits = Long.numberOfTrailingZeros(ManagementRegisters.REGION_SIZE);
    regs = slave("regs", () -> new AxiLite(bits, 32));
    cfgData = slave("cfg_data", () -> new AxiLite(bits, 32));
    cfgportData = master("cfgport_data", () -> new Stream(32));

    AxiLiteRegisterFile file = instance("file", new AxiLiteRegisterFile("MgmtRegisters", bits, 32,
        ManagementRegisters.MAP.decls()));
    Bundle.connect(regs, file.s);
    ConfigDataSink sink = instance("sink", new ConfigDataSink(bits));
    Bundle.connect(cfgData, sink.s);
    Bundle.connect(sink.data, cfgportData);

    file.port("ident").assign(lit(ManagementRegisters.IDENT, UInt(32)));
    file.port("shell_version").assign(lit(ManagementRegisters.SHELL_VERSION, UInt(32)));
    for (int i = 0; i < 4; i++) {
      long word = interfaceId.shiftRight(32 * i).longValue() & 0xFFFF_FFFFL;
      file.port("interface_id_" + i).assign(lit(word, UInt(32)));
    }
    file.port("requests_served").assign(counter("served_count", served));
    file.port("completions_sent").assign(counter("completion_count", completionSent));
    file.port("requests_refused").assign(counter("refused_count", refused));
    file.port("error_count").assign(counter("error_total", errValid));
    roleReset.assign(file.port("role_reset").bit(0));
    decouple.assign(file.port("decouple").bit(0));
    cfgportControl.assign(file.port("cfgport_control"));
    file.port("cfgport_status").assign(cfgportStatus);
    file.port("cfgport_error").assign(cfgportError);

    StreamFifo log = instance("error_log", new StreamFifo(32, ERROR_LOG_DEPTH));
    log.in.valid.assign(errValid);
    log.in.data.assign(errCode.cat(errInfo).asBits());
    log.out.ready.assign(file.port("errlog_pop").bit(0));
    file.port("errlog_count").assign(log.count.resize(32));
    file.port("errlog_head").assign(log.out.valid.mux(log.out.data.asUInt(), lit(0, UInt(32))));
    file.port("errlog_dropped").assign(counter("errlog_lost", errValid.and(log.in.ready.not())));

    file.port("status").assign(lit(0, UInt(28)).cat(cfgportData.ready, log.out.valid, decouple, roleReset));
  }

  private UInt counter(String name, Bool event) {
    UInt c = reg(name, UInt(32), 0);
    when(event, () -> c.assign(c.add(1)));
    return c;
  }
}
