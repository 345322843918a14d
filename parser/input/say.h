/* Messages about files (an input that cannot be read, a write error) go to the handler the
 * calling thread set with cw_set_message_handler(), one line each without a prefix; with none
 * set they are dropped (the library never prints). The handler is per thread, so that calls on
 * separate threads (the Python package's, a server's) each get their own messages; the
 * conversion tells them on the thread that called it only. */
#ifndef CW_INPUT_SAY_H
#define CW_INPUT_SAY_H

#include "cablewire.h"

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
void say(const char *fmt, ...);

#endif
