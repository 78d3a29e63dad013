// JNI methods of veneer.sim.verilator.NativeBridge. Design independent: built once per JVM and
// compiler, it opens each design's library with dlopen (RTLD_LOCAL, so every design keeps its
// own copy of the Verilator runtime) and calls it through the VeneerApi table.
#include <dlfcn.h>
#include <jni.h>

#include <string>
#include <vector>

#include "veneer_api.h"

namespace {

struct Handle {
  const VeneerApi* api;
  void* model;
};

Handle* H(jlong h) {
  return reinterpret_cast<Handle*>(h);
}

void throwError(JNIEnv* env, const char* cls, const std::string& msg) {
  jclass c = env->FindClass(cls);
  if (c) {
    env->ThrowNew(c, msg.c_str());
  }
}

}  // namespace

extern "C" {

JNIEXPORT jlong JNICALL Java_veneer_sim_verilator_NativeBridge_loadModelLibrary(JNIEnv* env, jclass,
                                                                                 jstring path) {
  const char* p = env->GetStringUTFChars(path, nullptr);
  std::string file(p);
  env->ReleaseStringUTFChars(path, p);
  void* lib = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char* e = dlerror();
    throwError(env, "java/lang/UnsatisfiedLinkError", std::string("cannot load ") + file + ": " + (e ? e : "?"));
    return 0;
  }
  using Entry = const VeneerApi* (*)();
  Entry entry = reinterpret_cast<Entry>(dlsym(lib, "veneer_model_api"));
  if (!entry) {
    throwError(env, "java/lang/UnsatisfiedLinkError", file + " has no veneer_model_api: not a Veneer model");
    return 0;
  }
  const VeneerApi* api = entry();
  if (api->version != VENEER_API_VERSION) {
    throwError(env, "java/lang/UnsatisfiedLinkError",
               file + " speaks model API version " + std::to_string(api->version) + ", expected "
                   + std::to_string(VENEER_API_VERSION));
    return 0;
  }
  return reinterpret_cast<jlong>(api);
}

JNIEXPORT jlong JNICALL Java_veneer_sim_verilator_NativeBridge_create(JNIEnv*, jclass, jlong api) {
  const VeneerApi* a = reinterpret_cast<const VeneerApi*>(api);
  return reinterpret_cast<jlong>(new Handle{a, a->create()});
}

JNIEXPORT void JNICALL Java_veneer_sim_verilator_NativeBridge_destroy(JNIEnv*, jclass, jlong h) {
  H(h)->api->destroy(H(h)->model);
  delete H(h);
}

JNIEXPORT void JNICALL Java_veneer_sim_verilator_NativeBridge_poke64(JNIEnv*, jclass, jlong h, jint port,
                                                                     jlong value) {
  H(h)->api->poke64(H(h)->model, port, static_cast<uint64_t>(value));
}

JNIEXPORT void JNICALL Java_veneer_sim_verilator_NativeBridge_pokeWide(JNIEnv* env, jclass, jlong h, jint port,
                                                                       jintArray words) {
  jsize n = env->GetArrayLength(words);
  std::vector<uint32_t> w(n);
  env->GetIntArrayRegion(words, 0, n, reinterpret_cast<jint*>(w.data()));
  H(h)->api->pokeWide(H(h)->model, port, w.data());
}

JNIEXPORT jint JNICALL Java_veneer_sim_verilator_NativeBridge_settle(JNIEnv*, jclass, jlong h) {
  return H(h)->api->settle(H(h)->model);
}

JNIEXPORT jlong JNICALL Java_veneer_sim_verilator_NativeBridge_peek64(JNIEnv*, jclass, jlong h, jint port) {
  return static_cast<jlong>(H(h)->api->peek64(H(h)->model, port));
}

JNIEXPORT void JNICALL Java_veneer_sim_verilator_NativeBridge_peekWide(JNIEnv* env, jclass, jlong h, jint port,
                                                                       jintArray words) {
  jsize n = env->GetArrayLength(words);
  std::vector<uint32_t> w(n);
  H(h)->api->peekWide(H(h)->model, port, w.data());
  env->SetIntArrayRegion(words, 0, n, reinterpret_cast<const jint*>(w.data()));
}

JNIEXPORT jint JNICALL Java_veneer_sim_verilator_NativeBridge_step(JNIEnv*, jclass, jlong h, jlong cycles) {
  return H(h)->api->step(H(h)->model, static_cast<uint64_t>(cycles));
}

JNIEXPORT jlong JNICALL Java_veneer_sim_verilator_NativeBridge_cycle(JNIEnv*, jclass, jlong h) {
  return static_cast<jlong>(H(h)->api->cycle(H(h)->model));
}

JNIEXPORT jstring JNICALL Java_veneer_sim_verilator_NativeBridge_fault(JNIEnv* env, jclass, jlong h) {
  const char* f = H(h)->api->fault(H(h)->model);
  return f ? env->NewStringUTF(f) : nullptr;
}

// Returns {index, width, depth}; throws IllegalArgumentException when the memory is not there.
JNIEXPORT jintArray JNICALL Java_veneer_sim_verilator_NativeBridge_memFind(JNIEnv* env, jclass, jlong h,
                                                                           jstring scope, jstring var) {
  const char* s = env->GetStringUTFChars(scope, nullptr);
  const char* v = env->GetStringUTFChars(var, nullptr);
  int width = 0;
  int depth = 0;
  const char* error = nullptr;
  int index = H(h)->api->memFind(H(h)->model, s, v, &width, &depth, &error);
  env->ReleaseStringUTFChars(scope, s);
  env->ReleaseStringUTFChars(var, v);
  if (index < 0) {
    throwError(env, "java/lang/IllegalArgumentException", error ? error : "memory not found");
    return nullptr;
  }
  jint r[3] = {index, width, depth};
  jintArray out = env->NewIntArray(3);
  env->SetIntArrayRegion(out, 0, 3, r);
  return out;
}

JNIEXPORT void JNICALL Java_veneer_sim_verilator_NativeBridge_memRead(JNIEnv* env, jclass, jlong h, jint mem,
                                                                      jint addr, jint count, jint wordsPerEntry,
                                                                      jintArray out) {
  void* dst = env->GetPrimitiveArrayCritical(out, nullptr);
  H(h)->api->memRead(H(h)->model, mem, addr, count, wordsPerEntry, static_cast<uint32_t*>(dst));
  env->ReleasePrimitiveArrayCritical(out, dst, 0);
}

JNIEXPORT void JNICALL Java_veneer_sim_verilator_NativeBridge_memWrite(JNIEnv* env, jclass, jlong h, jint mem,
                                                                       jint addr, jint count, jint wordsPerEntry,
                                                                       jintArray in) {
  void* src = env->GetPrimitiveArrayCritical(in, nullptr);
  H(h)->api->memWrite(H(h)->model, mem, addr, count, wordsPerEntry, static_cast<const uint32_t*>(src));
  env->ReleasePrimitiveArrayCritical(in, src, JNI_ABORT);
}

// Throws IllegalStateException when the file cannot be written or the model has no tracing.
JNIEXPORT void JNICALL Java_veneer_sim_verilator_NativeBridge_traceOpen(JNIEnv* env, jclass, jlong h,
                                                                        jstring path) {
  const char* p = env->GetStringUTFChars(path, nullptr);
  const char* error = nullptr;
  int rc = H(h)->api->traceOpen(H(h)->model, p, &error);
  env->ReleaseStringUTFChars(path, p);
  if (rc != 0) {
    throwError(env, "java/lang/IllegalStateException", error ? error : "cannot dump waves");
  }
}

JNIEXPORT void JNICALL Java_veneer_sim_verilator_NativeBridge_traceClose(JNIEnv*, jclass, jlong h) {
  H(h)->api->traceClose(H(h)->model);
}

}  // extern "C"
