# Like vecadd.S (arguments a, b, c), but work-item number args[3] loads from a + 1 at the label
# `boom`: a misaligned load (cause 4, mtval the address); every other work-item completes.
    .globl _start
    .globl boom
_start:
    li    t0, 0x20000100
    lw    s0, 0(t0)
    lw    s1, 4(t0)
    lw    s2, 8(t0)
    lw    s3, 12(t0)
next:
    csrrs a0, 0xfc3, x0
    bltz  a0, done
    slli  t1, a0, 2
    bne   a0, s3, fine
    add   t5, s0, t1
boom:
    lw    t3, 1(t5)
fine:
    add   t2, s0, t1
    lw    t3, 0(t2)
    add   t2, s1, t1
    lw    t4, 0(t2)
    add   t3, t3, t4
    add   t2, s2, t1
    sw    t3, 0(t2)
    j     next
done:
    li    a0, 0
    ecall
