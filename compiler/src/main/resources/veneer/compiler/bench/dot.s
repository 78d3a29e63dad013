# out[id] = sum over i = id, id+n, ... < a.length of (long) a[i] * b[i], by hand (n = global size).
# Argument block: word 0 global size; a = words 17,18; b = 19,20; out = 21,22.
    .text
    .globl _start
_start:
    csrr s4, 0xfc0          # item id
    csrr s5, 0xfc2          # T
    li s0, 0x20000100
    lw s1, 0(s0)            # n
    lw a0, 68(s0)
    lw a1, 72(s0)
    lw a2, 76(s0)
    lw a3, 80(s0)
    lw a4, 84(s0)
    lw a5, 88(s0)
    beqz a0, fail
    beqz a2, fail
    beqz a4, fail
    bge s4, s1, done
item:
    mv t0, s4
    li s2, 0
    li s3, 0
    bge t0, a1, store
loop:
    bgeu t0, a3, fail
    slli t2, t0, 2
    add t3, a0, t2
    lw t3, 0(t3)
    add t4, a2, t2
    lw t4, 0(t4)
    mul t5, t3, t4
    mulh t6, t3, t4
    add s2, s2, t5
    sltu t5, s2, t5
    add s3, s3, t6
    add s3, s3, t5
    add t0, t0, s1
    blt t0, a1, loop
store:
    bgeu s4, a5, fail
    slli t2, s4, 3
    add t2, a4, t2
    sw s2, 0(t2)
    sw s3, 4(t2)
    add s4, s4, s5
    blt s4, s1, item
done:
    li a0, 0
    ecall
fail:
    ebreak
