# Thread 0 stops with a fault (or EBREAK) that lockstep compares with the model.
# A jump to the first word past the 16 KiB IMEM: the jump retires (its link is compared), then
# the fetch at 0x4000 faults (cause 1, pc and tval 0x4000).
    .text
    .globl main
main:
    li a0, 1
    li t0, 0x4000
    jalr t0
    li a0, 0
    ret
