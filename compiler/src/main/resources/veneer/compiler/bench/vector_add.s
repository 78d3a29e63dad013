# c[i] = a[i] + b[i], written by hand for the PE launch convention (docs/compiler.md):
# thread t runs items i = t, t+T, ... below the global size; every access is bounds-checked,
# the arrays are null-checked once; a failed check stops the thread with ebreak.
# Argument block (0x20000100): word 0 global size; a = words 17,18; b = 19,20; c = 21,22.
    .text
    .globl _start
_start:
    csrr t0, 0xfc0
    csrr t1, 0xfc2
    li s0, 0x20000100
    lw s1, 0(s0)
    lw a0, 68(s0)
    lw a1, 72(s0)
    lw a2, 76(s0)
    lw a3, 80(s0)
    lw a4, 84(s0)
    lw a5, 88(s0)
    beqz a0, fail
    beqz a2, fail
    beqz a4, fail
    bge t0, s1, done
loop:
    bgeu t0, a1, fail
    slli t2, t0, 2
    add t3, a0, t2
    lw t3, 0(t3)
    bgeu t0, a3, fail
    add t4, a2, t2
    lw t4, 0(t4)
    add t3, t3, t4
    bgeu t0, a5, fail
    add t4, a4, t2
    sw t3, 0(t4)
    add t0, t0, t1
    blt t0, s1, loop
done:
    li a0, 0
    ecall
fail:
    ebreak
