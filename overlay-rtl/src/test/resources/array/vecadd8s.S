# c[i] = a[i] + b[i], eight elements per work-item, strided so that the threads of a PE
# share lines: work-item w (global_size = n / 8, n a multiple of 128) covers the elements
# 128*(w/16) + (w%16) + 16k for k = 0..7. Neighbouring work-items (the dispatcher gives a PE
# runs of them) touch neighbouring words of the same eight lines of a[], b[] and c[], which
# the coalescer merges; all sixteen loads of an item can be in flight at once.
    .globl _start
_start:
    li    t0, 0x20000100
    lw    s0, 0(t0)
    lw    s1, 4(t0)
    lw    s2, 8(t0)
next:
    csrrs a0, 0xfc3, x0        # claim a work-item, or -1
    bltz  a0, done
    srli  t1, a0, 4
    slli  t1, t1, 9            # 512 bytes per group of 16 work-items
    andi  t3, a0, 15
    slli  t3, t3, 2
    add   t1, t1, t3
    add   t2, s0, t1
    add   t5, s1, t1
    add   t6, s2, t1
    lw    a1, 0(t2)
    lw    a2, 64(t2)
    lw    a3, 128(t2)
    lw    a4, 192(t2)
    lw    a5, 256(t2)
    lw    a6, 320(t2)
    lw    a7, 384(t2)
    lw    s3, 448(t2)
    lw    s4, 0(t5)
    lw    s5, 64(t5)
    lw    s6, 128(t5)
    lw    s7, 192(t5)
    lw    s8, 256(t5)
    lw    s9, 320(t5)
    lw    s10, 384(t5)
    lw    s11, 448(t5)
    add   a1, a1, s4
    add   a2, a2, s5
    add   a3, a3, s6
    add   a4, a4, s7
    add   a5, a5, s8
    add   a6, a6, s9
    add   a7, a7, s10
    add   s3, s3, s11
    sw    a1, 0(t6)
    sw    a2, 64(t6)
    sw    a3, 128(t6)
    sw    a4, 192(t6)
    sw    a5, 256(t6)
    sw    a6, 320(t6)
    sw    a7, 384(t6)
    sw    s3, 448(t6)
    j     next
done:
    li    a0, 0
    ecall
