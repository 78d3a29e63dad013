# Passing data between PEs with FENCE (arguments: data, flag, result). PE 0 thread 0 stores
# data[0..15] = 1..16, FENCEs (which waits until those stores are in memory) and stores
# flag = 1. PE 1 thread 0 spins on the flag with a FENCE in every iteration, then sums data[]
# into result. Every other thread exits at once.
    .globl _start
_start:
    li    t0, 0x20000100
    lw    s0, 0(t0)
    lw    s1, 4(t0)
    lw    s2, 8(t0)
    csrrs t1, 0xfc0, x0          # thread id
    bnez  t1, done
    csrrs t1, 0xfc1, x0          # PE id
    beqz  t1, writer
    li    t2, 1
    beq   t1, t2, reader
    j     done
writer:
    li    t3, 1
    li    t4, 17
    mv    t5, s0
fill:
    sw    t3, 0(t5)
    addi  t3, t3, 1
    addi  t5, t5, 4
    bne   t3, t4, fill
    fence
    li    t3, 1
    sw    t3, 0(s1)
    j     done
reader:
    lw    t3, 0(s1)
    fence
    beqz  t3, reader
    li    t4, 0
    li    t5, 16
    mv    t6, s0
sum:
    lw    t3, 0(t6)
    add   t4, t4, t3
    addi  t6, t6, 4
    addi  t5, t5, -1
    bnez  t5, sum
    sw    t4, 0(s2)
done:
    li    a0, 0
    ecall
