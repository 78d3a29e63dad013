# For every work-item g: out[2g] = (group id << 16) | local id, out[2g+1] = mhartid.
# EBREAK if CSR 0xFC4 disagrees with the id that 0xFC3 returned, or 0xFC7/0xFC8 disagree with
# the sizes passed as arguments. Arguments: out, global size, local size.
    .globl _start
_start:
    li    t0, 0x20000100
    lw    s0, 0(t0)
    lw    s1, 4(t0)
    lw    s2, 8(t0)
    csrrs t1, 0xfc4, x0        # no work-item yet: -1
    li    t2, -1
    bne   t1, t2, bad
next:
    csrrs a0, 0xfc3, x0
    bltz  a0, done
    csrrs t1, 0xfc4, x0
    bne   t1, a0, bad
    csrrs t1, 0xfc7, x0
    bne   t1, s1, bad
    csrrs t1, 0xfc8, x0
    bne   t1, s2, bad
    csrrs t3, 0xfc6, x0        # group id
    csrrs t4, 0xfc5, x0        # local id
    slli  t3, t3, 16
    or    t3, t3, t4
    slli  t1, a0, 3
    add   t1, t1, s0
    sw    t3, 0(t1)
    csrrs t4, 0xf14, x0        # mhartid
    sw    t4, 4(t1)
    j     next
done:
    csrrs t1, 0xfc4, x0        # after the end: -1
    li    t2, -1
    bne   t1, t2, bad
    li    a0, 0
    ecall
bad:
    ebreak
