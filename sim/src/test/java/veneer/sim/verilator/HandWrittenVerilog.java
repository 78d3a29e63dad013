package veneer.sim.verilator;

import java.util.Map;
import veneer.hdl.ir.Design;

/**
 * {@link BackendTestTop} written by hand in Verilog, in the shape the emitter promises (ports as
 * in the IR, memories {@code [0:depth-1]} marked public_flat_rw, assertions as $display then
 * $fatal), so the back end can be tested on its own.
 */
final class HandWrittenVerilog implements VerilogSource {
  @Override
  public Files of(Design design) {
    if (!design.nameOf(design.top()).equals("BackendTestTop")) {
      throw new IllegalArgumentException("hand-written Verilog exists only for BackendTestTop, not "
          + design.nameOf(design.top()));
    }
    return new Files("BackendTestTop", Map.of("MemChild.v", MEM_CHILD, "BackendTestTop.v", top()));
  }

  private static final String MEM_CHILD = """
      module MemChild(
        input clk,
        input we,
        input [3:0] waddr,
        input [64:0] wdata,
        input [3:0] raddr,
        output [64:0] rdata,
        output [64:0] rq
      );
        reg [64:0] mem [0:15] /*verilator public_flat_rw*/;
        reg [3:0] raddr_q;
        always @(posedge clk) begin
          if (we) mem[waddr] <= wdata;
          raddr_q <= raddr;
        end
        assign rdata = mem[raddr];
        assign rq = mem[raddr_q];
      endmodule
      """;

  private static String top() {
    StringBuilder ports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (int w : BackendTestTop.WIDTHS) {
      String range = w == 1 ? "" : "[" + (w - 1) + ":0] ";
      ports.append("  input ").append(range).append("a").append(w).append(",\n")
          .append("  output ").append(range).append("y").append(w).append(",\n")
          .append("  output ").append(range).append("r").append(w).append(",\n");
      body.append("  reg ").append(range).append("q").append(w).append(";\n")
          .append("  always @(posedge clk) q").append(w).append(" <= a").append(w).append(";\n")
          .append("  assign y").append(w).append(" = a").append(w).append(";\n")
          .append("  assign r").append(w).append(" = q").append(w).append(";\n");
    }
    return """
        module BackendTestTop(
          input clk,
          input reset,
        %s  input enable,
          output [7:0] count,
          input we,
          input [3:0] waddr,
          input [64:0] wdata,
          input [3:0] raddr,
          output [64:0] rdata,
          output [64:0] rq,
          input [4:0] baddr,
          output [7:0] bdata,
          input boom
        );
        %s
          reg [7:0] value;
          always @(posedge clk) begin
            if (reset) value <= 8'd0;
            else if (enable) value <= value + 8'd1;
          end
          assign count = value;
          MemChild c0(.clk(clk), .we(we), .waddr(waddr), .wdata(wdata), .raddr(raddr), .rdata(rdata), .rq(rq));
          reg [7:0] bytes [0:31] /*verilator public_flat_rw*/;
          assign bdata = bytes[baddr];
          always @(posedge clk) begin
            if (!reset && !(!boom)) begin
              $display("Assertion failed in %%m: boom must stay low (BackendTestTop.java:70)");
              $fatal;
            end
          end
        endmodule
        """.formatted(ports, body);
  }
}
