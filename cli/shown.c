#include "cli/shown.h"

#include <string.h>

shown_text shown_n(const char *text, size_t len)
{
	shown_text t;
	size_t o = 0;
	for (size_t i = 0; text && i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (o + 8 >= SHOWN_MAX) {
			memcpy(t.s + o, "...", 3);
			o += 3;
			break;
		}
		if (c < 0x20 || c == 0x7f) {
			static const char hex[] = "0123456789abcdef";
			t.s[o++] = '\\';
			t.s[o++] = 'x';
			t.s[o++] = hex[c >> 4];
			t.s[o++] = hex[c & 15];
		} else if (c == '\\' && i + 1 < len && text[i + 1] == 'x') {
			/* a name holding "\x1b" literally is not confused with an escaped one */
			t.s[o++] = '\\';
			t.s[o++] = '\\';
		} else {
			t.s[o++] = (char)c;
		}
	}
	t.s[o] = '\0';
	return t;
}

shown_text shown(const char *text)
{
	return shown_n(text, text ? strlen(text) : 0);
}
