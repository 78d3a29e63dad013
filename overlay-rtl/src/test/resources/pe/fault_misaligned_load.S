# Thread 0 stops with a fault (or EBREAK) that lockstep compares with the model.
    .text
    .globl main
main:
    li a0, 1
    li t0, 0x10000002
    lw a1, 0(t0)
    li a0, 0
    ret
