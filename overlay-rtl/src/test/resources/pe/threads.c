/* Every thread sums its own slice of an array in the scratchpad with MUL and DIV, writes the
   result to global memory and exits with it; thread 0 does the most work,
   so that the others run to their ECALL before it ends the run. */
#define N 12
volatile unsigned *const result = (volatile unsigned *)0x80000000u;
unsigned data[N * 16];

static unsigned work(unsigned t) {
  unsigned s = 0;
  for (unsigned i = 0; i < N; i++) {
    data[t * N + i] = (i + 1) * (t + 3);
    s += data[t * N + i] / (t + 1) + data[t * N + i] % 5;
  }
  return s;
}

int thread_main(unsigned t) {
  unsigned s = work(t);
  result[t] = s + 1;
  return (int) s;
}

int main(void) {
  unsigned threads;
  __asm__ volatile("csrrs %0, 0xfc2, x0" : "=r"(threads));
  unsigned s = work(0) + work(1);
  return s == work(0) + work(1) && threads > 0 ? 0 : 3;
}
