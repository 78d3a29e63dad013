# Thread 0 stops with a fault (or EBREAK) that lockstep compares with the model.
# A jump far above the IMEM to an odd address: the target is 0x80000100 (bit 0 cleared), and
# the fetch there faults with the full 32-bit pc (cause 1).
    .text
    .globl main
main:
    li a0, 1
    li t0, 0x80000101
    jalr t0
    li a0, 0
    ret
