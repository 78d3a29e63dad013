# Arguments: good, bad. Thread 0 of PE 0 stores to `good`, then to `bad` at the label `boom`
# (a store outside the array's global-memory window: a precise store access fault), then
# would store 2 to `good`. Every other thread exits at once.
    .globl _start
    .globl boom
_start:
    li    t0, 0x20000100
    lw    s0, 0(t0)
    lw    s1, 4(t0)
    csrrs t1, 0xfc0, x0          # thread id
    bnez  t1, done
    csrrs t1, 0xfc1, x0          # PE id
    bnez  t1, done
    li    t3, 1
    sw    t3, 0(s0)
    li    t3, 7
boom:
    sw    t3, 0(s1)
    li    t3, 2
    sw    t3, 0(s0)
done:
    li    a0, 0
    ecall
