// Veneer harness for one Verilated design (generated from harness.cpp in veneer-sim; the lines
// between the @...@ markers are written per design by HarnessGenerator).
//
// The model is driven only through the C table returned by veneer_model_api(); the JNI bridge
// calls it. Verilog $fatal/$stop/$finish and Verilator's own fatal errors throw a C++ exception
// that is caught at that table's boundary: the model is then marked dead and its fault text
// kept, so the JVM (and every other model) carries on.
#include "Vveneer.h"
#include "Vveneer___024root.h"
#include "verilated.h"
#include "verilated_syms.h"
#if VENEER_WAVES
#include "verilated_vcd_c.h"
#endif
#include "veneer_api.h"

#include <algorithm>
#include <cstdlib>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

// Verilator 5.006 runs the settle region (all combinational logic) only on the first eval. A
// memory written behind the model's back needs it again, so that logic reading the memory
// through registered addresses sees the new words. Defined (with external linkage) in the
// generated Vveneer___024root__*__Slow.cpp.
void Vveneer___024root___eval_settle(Vveneer___024root* vlSelf);

namespace {

struct ModelFault : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct MemRef {
  uint8_t* data;
  uint32_t entSize;
  int depth;
};

struct Model {
  VerilatedContext ctx;
  Vveneer* top = nullptr;
  uint64_t cycle = 0;
  bool resettle = false;
  bool dead = false;
  std::string fault;
  std::string console;
  std::vector<MemRef> mems;
  std::string error;
#if VENEER_WAVES
  VerilatedVcdC* trace = nullptr;
#endif
};

// The model being evaluated on this thread: Verilator's console output ($display) goes there.
thread_local Model* t_current = nullptr;

std::string where(const char* file, int line, const char* hier) {
  std::string s;
  if (file && file[0]) {
    s = std::string(file) + ":" + std::to_string(line);
  }
  if (hier && hier[0]) {
    s += (s.empty() ? "" : " in ") + std::string(hier);
  }
  return s;
}

void flushConsole(Model* m) {
  if (!m->console.empty()) {
    std::fputs(m->console.c_str(), stdout);
    std::fflush(stdout);
    m->console.clear();
  }
}

// Verilator keeps a "current context" per thread and registers and unregisters scopes in it
// (VerilatedScope::configure / ~VerilatedScope), and a context is current for the thread that
// made it. Models here are made, run and freed from any JVM thread, so every entry point makes
// the model's own context current first; otherwise a model would find another model's scopes,
// or unregister into a context that was already freed.
void enter(Model* m) {
  Verilated::threadContextp(&m->ctx);
}

// Runs one evaluating call; a fault kills the model and keeps the console text that led to it.
template <typename F>
int guarded(Model* m, F body) {
  if (m->dead) {
    return VENEER_FAULT;
  }
  enter(m);
  t_current = m;
  try {
    body();
  } catch (const std::exception& e) {
    std::string text = m->console;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
      text.pop_back();
    }
    // The console lines that led to the fault (the assertion's $display), then the cause.
    m->fault = text.empty() ? e.what() : text + "\n" + e.what();
    m->console.clear();
    m->dead = true;
    t_current = nullptr;
    return VENEER_FAULT;
  }
  flushConsole(m);
  t_current = nullptr;
  return VENEER_OK;
}

void evalNow(Model* m) {
  if (m->resettle) {
    m->resettle = false;
    Vveneer___024root___eval_settle(m->top->rootp);
  }
  m->top->eval();
}

void dumpAt(Model* m, uint64_t time) {
#if VENEER_WAVES
  if (m->trace) {
    m->trace->dump(time);
  }
#else
  (void)m;
  (void)time;
#endif
}

void* create() {
  Model* m = new Model();
  enter(m);
#if VENEER_WAVES
  m->ctx.traceEverOn(true);
#endif
  m->top = new Vveneer(&m->ctx, "TOP");
  // Runs the initial blocks (memory contents) before anyone writes a memory.
  guarded(m, [&] { evalNow(m); });
  return m;
}

void destroy(void* p) {
  Model* m = static_cast<Model*>(p);
  enter(m);
#if VENEER_WAVES
  if (m->trace) {
    m->trace->close();
    delete m->trace;
  }
#endif
  delete m->top;
  delete m;
}

void poke64(void* p, int port, uint64_t v) {
  Vveneer* t = static_cast<Model*>(p)->top;
  switch (port) {
    // @POKE64@
    default: break;
  }
}

void pokeWide(void* p, int port, const uint32_t* w) {
  Vveneer* t = static_cast<Model*>(p)->top;
  switch (port) {
    // @POKEWIDE@
    default: break;
  }
}

int settle(void* p) {
  Model* m = static_cast<Model*>(p);
  return guarded(m, [&] { evalNow(m); });
}

uint64_t peek64(void* p, int port) {
  Vveneer* t = static_cast<Model*>(p)->top;
  switch (port) {
    // @PEEK64@
    default: return 0;
  }
}

void peekWide(void* p, int port, uint32_t* w) {
  Vveneer* t = static_cast<Model*>(p)->top;
  switch (port) {
    // @PEEKWIDE@
    default: break;
  }
}

// One rising edge per cycle; the clock falls right after it and the falling edge is evaluated
// by the next settle. Wave times follow the JVM back end: edge k+1 at 10(k+1), the values just
// before it at 10k+5.
int step(void* p, uint64_t cycles) {
  Model* m = static_cast<Model*>(p);
  Vveneer* t = m->top;
  (void)t;
  return guarded(m, [&] {
    for (uint64_t i = 0; i < cycles; i++) {
      evalNow(m);
      dumpAt(m, 10 * m->cycle + 5);
      // @CLOCK_HIGH@
      evalNow(m);
      m->cycle++;
      dumpAt(m, 10 * m->cycle);
      // @CLOCK_LOW@
    }
  });
}

uint64_t cycle(void* p) {
  return static_cast<Model*>(p)->cycle;
}

const char* fault(void* p) {
  Model* m = static_cast<Model*>(p);
  return m->dead ? m->fault.c_str() : nullptr;
}

int memFind(void* p, const char* scopeName, const char* varName, int* width, int* depth, const char** error) {
  Model* m = static_cast<Model*>(p);
  const VerilatedScope* scope = m->ctx.scopeFind(scopeName);
  if (!scope) {
    m->error = std::string("no Verilator scope ") + scopeName
        + " (is the memory marked /*verilator public_flat_rw*/?)";
    *error = m->error.c_str();
    return -1;
  }
  const VerilatedVar* var = scope->varFind(varName);
  if (!var) {
    m->error = std::string("scope ") + scopeName + " has no public variable " + varName;
    *error = m->error.c_str();
    return -1;
  }
  if (var->udims() != 1) {
    m->error = std::string(scopeName) + "." + varName + " has " + std::to_string(var->udims())
        + " unpacked dimensions; expected an array of words (1)";
    *error = m->error.c_str();
    return -1;
  }
  int lo = std::min(var->left(1), var->right(1));
  if (lo != 0) {
    m->error = std::string(scopeName) + "." + varName + " starts at word " + std::to_string(lo)
        + "; expected [0:depth-1]";
    *error = m->error.c_str();
    return -1;
  }
  *width = std::abs(var->left(0) - var->right(0)) + 1;
  *depth = std::abs(var->left(1) - var->right(1)) + 1;
  m->mems.push_back(MemRef{static_cast<uint8_t*>(var->datap()), var->entSize(), *depth});
  return static_cast<int>(m->mems.size()) - 1;
}

// Entries are little-endian in every Verilator type (CData..QData, VlWide), as are our words.
void memRead(void* p, int mem, int addr, int count, int wordsPerEntry, uint32_t* out) {
  Model* m = static_cast<Model*>(p);
  const MemRef& r = m->mems[mem];
  size_t bytes = std::min<size_t>(r.entSize, 4u * wordsPerEntry);
  for (int i = 0; i < count; i++) {
    uint32_t* dst = out + static_cast<size_t>(i) * wordsPerEntry;
    std::memset(dst, 0, 4u * wordsPerEntry);
    std::memcpy(dst, r.data + static_cast<size_t>(addr + i) * r.entSize, bytes);
  }
}

void memWrite(void* p, int mem, int addr, int count, int wordsPerEntry, const uint32_t* in) {
  Model* m = static_cast<Model*>(p);
  const MemRef& r = m->mems[mem];
  size_t bytes = std::min<size_t>(r.entSize, 4u * wordsPerEntry);
  for (int i = 0; i < count; i++) {
    uint8_t* dst = r.data + static_cast<size_t>(addr + i) * r.entSize;
    std::memset(dst, 0, r.entSize);
    std::memcpy(dst, in + static_cast<size_t>(i) * wordsPerEntry, bytes);
  }
  m->resettle = true;
}

int traceOpen(void* p, const char* path, const char** error) {
  Model* m = static_cast<Model*>(p);
  enter(m);
#if VENEER_WAVES
  if (!m->trace) {
    m->trace = new VerilatedVcdC();
    m->top->trace(m->trace, 99);
  } else {
    m->trace->close();
  }
  m->trace->open(path);
  if (!m->trace->isOpen()) {
    m->error = std::string("cannot open the wave file ") + path;
    *error = m->error.c_str();
    return -1;
  }
  if (guarded(m, [&] { evalNow(m); }) != VENEER_OK) {
    m->error = m->fault;
    *error = m->error.c_str();
    return -1;
  }
  dumpAt(m, 10 * m->cycle);
  return 0;
#else
  (void)path;
  m->error = "this model was built without waves";
  *error = m->error.c_str();
  return -1;
#endif
}

void traceClose(void* p) {
#if VENEER_WAVES
  Model* m = static_cast<Model*>(p);
  enter(m);
  if (m->trace) {
    m->trace->close();
  }
#else
  (void)p;
#endif
}

const VeneerApi kApi = {
    VENEER_API_VERSION, create, destroy, poke64, pokeWide, settle, peek64, peekWide, step, cycle,
    fault, memFind, memRead, memWrite, traceOpen, traceClose,
};

}  // namespace

// Verilator's console output, redirected by veneer_hooks.h.
void veneer_vl_printf(const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  va_list copy;
  va_copy(copy, ap);
  int n = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  std::string s(n > 0 ? n : 0, '\0');
  if (n > 0) {
    std::vsnprintf(&s[0], s.size() + 1, format, ap);
  }
  va_end(ap);
  if (t_current) {
    t_current->console += s;
  } else {
    std::fputs(s.c_str(), stdout);
  }
}

// Replace Verilator's versions (which exit or abort the process): see VL_USER_* in verilated.cpp.
void vl_fatal(const char* file, int line, const char* hier, const char* msg) {
  throw ModelFault(std::string(msg) + " at " + where(file, line, hier));
}

void vl_stop(const char* file, int line, const char* hier) {
  throw ModelFault("$stop at " + where(file, line, hier));
}

void vl_finish(const char* file, int line, const char* hier) {
  throw ModelFault("$finish at " + where(file, line, hier));
}

extern "C" __attribute__((visibility("default"))) const VeneerApi* veneer_model_api() {
  return &kApi;
}
