# y[i] = (int)(((long) a * x[i]) >> 16) + y[i] for i < y.length (Q16.16), by hand.
# Argument block: word 0 global size; a = word 17; x = 18,19; y = 20,21.
    .text
    .globl _start
_start:
    csrr t0, 0xfc0
    csrr t1, 0xfc2
    li s0, 0x20000100
    lw s1, 0(s0)
    lw s2, 68(s0)
    lw a2, 72(s0)
    lw a3, 76(s0)
    lw a4, 80(s0)
    lw a5, 84(s0)
    beqz a2, fail
    beqz a4, fail
    bge t0, s1, done
loop:
    bge t0, a5, next
    bgeu t0, a3, fail
    slli t2, t0, 2
    add t3, a2, t2
    lw t3, 0(t3)
    mul t4, s2, t3
    mulh t5, s2, t3
    srli t4, t4, 16
    slli t5, t5, 16
    or t4, t4, t5
    add t6, a4, t2
    lw t3, 0(t6)
    add t4, t4, t3
    sw t4, 0(t6)
next:
    add t0, t0, t1
    blt t0, s1, loop
done:
    li a0, 0
    ecall
fail:
    ebreak
