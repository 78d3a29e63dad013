# c[i] = a[i] + b[i] for every work-item i. Arguments: a, b, c (global addresses).
    .globl _start
_start:
    li    t0, 0x20000100
    lw    s0, 0(t0)
    lw    s1, 4(t0)
    lw    s2, 8(t0)
next:
    csrrs a0, 0xfc3, x0        # claim a work-item: its global id, or -1
    bltz  a0, done
    slli  t1, a0, 2
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
