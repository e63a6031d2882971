/*
 * A stand-in for bcryptprimitives.dll, for running Go programs under Wine 8.0 in tests only.
 *
 * Go 1.22 and later fill their random numbers with bcryptprimitives.dll's ProcessPrng and
 * stop at start when it is missing, as it is in Wine 8.0. This one passes the request on to
 * advapi32's SystemFunction036 (RtlGenRandom), which Wine has. Never shipped.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x10000000 ? 0x10000000 : (ULONG)size;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}
