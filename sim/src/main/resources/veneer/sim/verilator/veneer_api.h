// The C interface between one Verilated design library and the JNI bridge. Both sides are
// compiled against this header; VENEER_API_VERSION guards against a stale cached library.
#ifndef VENEER_API_H
#define VENEER_API_H
#include <stdint.h>

#define VENEER_API_VERSION 1

// Status codes of the calls that evaluate the model.
#define VENEER_OK 0
#define VENEER_FAULT 1  // $fatal/$stop/$finish or a Verilator runtime error; the model is dead

typedef struct VeneerApi {
  int version;
  void* (*create)(void);
  void (*destroy)(void* model);
  void (*poke64)(void* model, int port, uint64_t value);
  void (*pokeWide)(void* model, int port, const uint32_t* words);
  // Evaluates the combinational logic for the current inputs and state (peeks do not).
  int (*settle)(void* model);
  uint64_t (*peek64)(void* model, int port);
  void (*peekWide)(void* model, int port, uint32_t* words);
  int (*step)(void* model, uint64_t cycles);
  uint64_t (*cycle)(void* model);
  const char* (*fault)(void* model);
  // A memory by Verilator scope ("TOP.Top.inst") and variable name: its index, or -1 (see error).
  int (*memFind)(void* model, const char* scope, const char* var, int* width, int* depth, const char** error);
  void (*memRead)(void* model, int mem, int addr, int count, int wordsPerEntry, uint32_t* out);
  void (*memWrite)(void* model, int mem, int addr, int count, int wordsPerEntry, const uint32_t* in);
  // 0 when the file is open and holds the current values, else an error text in *error.
  int (*traceOpen)(void* model, const char* path, const char** error);
  void (*traceClose)(void* model);
} VeneerApi;

#endif
