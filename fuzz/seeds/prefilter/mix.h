#define a(x) k##x
static inline void *f(void) { return kmalloc(1, 0); }
DEFINE_X(g, kmalloc(2))
#include "q.h"
#if A
void h(void) {
#else
void h(void) {
#endif
}
