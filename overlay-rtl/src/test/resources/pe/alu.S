# ALU, immediates, upper immediates, jumps and branches; main returns 0 (pass).
    .text
    .globl main
main:
    li   t0, 0x12345678
    li   t1, -7
    add  t2, t0, t1
    sub  t2, t0, t1
    and  t3, t0, t1
    or   t3, t0, t1
    xor  t3, t0, t1
    sll  t4, t0, t1
    srl  t4, t0, t1
    sra  t4, t1, t1
    slt  t5, t1, t0
    sltu t5, t1, t0
    addi t6, t0, -2048
    slti a1, t1, -6
    sltiu a1, t1, 5
    xori a2, t0, -1
    ori  a2, t0, 0x7f
    andi a2, t0, 0x0f0
    slli a3, t1, 31
    srli a3, t1, 1
    srai a3, t1, 2
    lui  a4, 0xfffff
    auipc a5, 1
    csrrs a6, 0xfc0, x0
    csrrs a6, 0xfc1, x0
    csrrs a6, 0xfc2, x0
    csrrs a6, mhartid, x0
    csrrs a6, instret, x0
    fence
    li   a7, 10
1:  addi a7, a7, -1
    bnez a7, 1b
    blt  t1, t0, 2f
    li   a0, 5
    ret
2:  bge  t1, t0, 3f
    bltu t0, t1, 4f
3:  li   a0, 6
    ret
4:  bgeu t1, t0, 5f
    j    3b
5:  beq  t0, t0, 6f
    j    3b
6:  jal  s1, 7f
    j    3b
7:  li   a0, 0
    ret
