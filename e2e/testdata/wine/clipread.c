/*
 * Prints the text on the Windows clipboard as UTF-8, byte for byte (line ends untouched),
 * so that tests under Wine can read what Decline Desk copied. A test fixture, never shipped.
 */
#include <windows.h>
#include <stdlib.h>

int main(void)
{
	HANDLE h;
	const wchar_t *text;
	char *utf8;
	int n;
	DWORD written;

	if (!OpenClipboard(NULL))
		return 2;
	h = GetClipboardData(CF_UNICODETEXT);
	if (h == NULL) {
		CloseClipboard();
		return 3;
	}
	text = GlobalLock(h);
	n = WideCharToMultiByte(CP_UTF8, 0, text, -1, NULL, 0, NULL, NULL);
	utf8 = malloc(n);
	WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, n, NULL, NULL);
	GlobalUnlock(h);
	CloseClipboard();
	WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), utf8, n - 1, &written, NULL);
	return 0;
}
