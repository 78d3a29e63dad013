# Loads and stores of every size to the scratchpad, global memory, IMEM data, the argument
# block, and console output; main returns 0.
    .section .rodata
    .align 2
rodata_word: .word 0x8badf00d
    .data
    .align 2
scratch: .word 0, 0, 0, 0
    .text
    .globl main
main:
    la   t0, scratch
    li   t1, 0xa1b2c3d4
    sw   t1, 0(t0)
    sb   t1, 5(t0)
    sh   t1, 10(t0)
    lw   a1, 0(t0)
    lb   a2, 3(t0)
    lbu  a2, 3(t0)
    lh   a3, 2(t0)
    lhu  a3, 2(t0)
    lw   a4, 4(t0)
    lw   a4, 8(t0)
    li   t2, 0x80000100
    sw   t1, 0(t2)
    sh   t1, 6(t2)
    sb   t1, 9(t2)
    lw   a5, 0(t2)
    lh   a5, 2(t2)
    lbu  a5, 1(t2)
    lw   a6, 4(t2)
    lw   a6, 8(t2)
    lb   a6, 9(t2)
    la   t3, rodata_word
    lw   a7, 0(t3)
    lhu  a7, 2(t3)
    li   t4, 0x20000100
    lw   s2, 0(t4)
    li   t5, 0x20000000
    li   t6, 'O'
    sb   t6, 0(t5)
    li   t6, 'K'
    sb   t6, 0(t5)
    li   a0, 0
    ret
