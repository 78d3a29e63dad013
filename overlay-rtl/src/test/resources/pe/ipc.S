# A long run of independent ALU instructions on every thread: measures issue rate.
    .text
    .globl main
    .globl thread_main
thread_main:
main:
    li   t0, 40
1:  addi t1, t1, 1
    addi t2, t2, 2
    xor  t3, t1, t2
    addi t0, t0, -1
    bnez t0, 1b
    li   a0, 0
    ret
