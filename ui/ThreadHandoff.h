// Tells ThreadSanitizer about Qt's queued hand-offs between the GUI and the training thread.
#pragma once

// Values cross threads only through Qt's posted-event queue, which orders the sender's writes before the
// receiver's reads. The system Qt is not built with TSan and its mutex uses raw futexes, so TSan cannot see
// that ordering; each hand-off is therefore announced: handoffSend() just before posting (a signal to the
// other thread, or a queued invocation) and handoffReceive() first thing on the receiving side. Outside
// TSan builds both are empty.
#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
#endif

namespace neurite::ui {

#if defined(__SANITIZE_THREAD__)
inline char g_handoffTag;
inline void handoffSend() { __tsan_release(&g_handoffTag); }
inline void handoffReceive() { __tsan_acquire(&g_handoffTag); }
#else
inline void handoffSend() {}
inline void handoffReceive() {}
#endif

} // namespace neurite::ui
