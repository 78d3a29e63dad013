// A synchronizer chain of STAGES flops.
`default_nettype none
module SyncFlop #(
  parameter STAGES = 2
) (
  input  wire clk,
  input  wire d,
  output wire q
);
  reg [STAGES-1:0] chain = {STAGES{1'b0}};
  always @(posedge clk) chain <= {chain[STAGES-2:0], d};
  assign q = chain[STAGES-1];
endmodule
`default_nettype wire
