#ifndef CCONDUCT_ICU_H
#define CCONDUCT_ICU_H

// Plain-C view of the few ICU services conduct needs. This header deliberately includes no
// ICU header: Swift imports it next to Foundation, which carries an ICU of its own.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Applies NFKC_Casefold to `length` UTF-16 code units at `source`, writing at most
/// `capacity` units to `destination`. Returns the number of units the full result needs
/// (which may exceed `capacity`), or -1 when ICU reports an error.
int32_t conduct_nfkc_casefold(const uint16_t *source, int32_t length,
                              uint16_t *destination, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
