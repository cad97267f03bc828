#include "CConductICU.h"

#include <unicode/unorm2.h>
#include <unicode/utypes.h>

int32_t conduct_nfkc_casefold(const uint16_t *source, int32_t length,
                              uint16_t *destination, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return -1;
    status = U_ZERO_ERROR;
    int32_t needed = unorm2_normalize(normalizer, (const UChar *)source, length,
                                      (UChar *)destination, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return needed;
    if (U_FAILURE(status)) return -1;
    return needed;
}
