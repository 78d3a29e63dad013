# c[i] = a[i] + b[i], sixteen consecutive elements per work-item: one whole 64-byte DRAM line
# of each array (work-item w covers 16w..16w+15; global_size = n / 16). Arguments: a, b, c
# (global addresses, 64-byte aligned). Two halves of eight, each with its sixteen loads in
# flight at once; the shape the compiler's work-item coarsening aims at.
    .globl _start
_start:
    li    t0, 0x20000100
    lw    s0, 0(t0)
    lw    s1, 4(t0)
    lw    s2, 8(t0)
next:
    csrrs a0, 0xfc3, x0        # claim a work-item, or -1
    bltz  a0, done
    slli  t1, a0, 6            # 64 bytes per work-item
    add   t2, s0, t1
    add   t5, s1, t1
    add   t6, s2, t1
    lw    a1, 0(t2)
    lw    a2, 4(t2)
    lw    a3, 8(t2)
    lw    a4, 12(t2)
    lw    a5, 16(t2)
    lw    a6, 20(t2)
    lw    a7, 24(t2)
    lw    s3, 28(t2)
    lw    s4, 0(t5)
    lw    s5, 4(t5)
    lw    s6, 8(t5)
    lw    s7, 12(t5)
    lw    s8, 16(t5)
    lw    s9, 20(t5)
    lw    s10, 24(t5)
    lw    s11, 28(t5)
    add   a1, a1, s4
    add   a2, a2, s5
    add   a3, a3, s6
    add   a4, a4, s7
    add   a5, a5, s8
    add   a6, a6, s9
    add   a7, a7, s10
    add   s3, s3, s11
    sw    a1, 0(t6)
    sw    a2, 4(t6)
    sw    a3, 8(t6)
    sw    a4, 12(t6)
    sw    a5, 16(t6)
    sw    a6, 20(t6)
    sw    a7, 24(t6)
    sw    s3, 28(t6)
    lw    a1, 32(t2)
    lw    a2, 36(t2)
    lw    a3, 40(t2)
    lw    a4, 44(t2)
    lw    a5, 48(t2)
    lw    a6, 52(t2)
    lw    a7, 56(t2)
    lw    s3, 60(t2)
    lw    s4, 32(t5)
    lw    s5, 36(t5)
    lw    s6, 40(t5)
    lw    s7, 44(t5)
    lw    s8, 48(t5)
    lw    s9, 52(t5)
    lw    s10, 56(t5)
    lw    s11, 60(t5)
    add   a1, a1, s4
    add   a2, a2, s5
    add   a3, a3, s6
    add   a4, a4, s7
    add   a5, a5, s8
    add   a6, a6, s9
    add   a7, a7, s10
    add   s3, s3, s11
    sw    a1, 32(t6)
    sw    a2, 36(t6)
    sw    a3, 40(t6)
    sw    a4, 44(t6)
    sw    a5, 48(t6)
    sw    a6, 52(t6)
    sw    a7, 56(t6)
    sw    s3, 60(t6)
    j     next
done:
    li    a0, 0
    ecall
