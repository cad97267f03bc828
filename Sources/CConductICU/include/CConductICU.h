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

// Bits of the value `conduct_scalar_info` returns.
enum {
    /// NFKC_Casefold has a normalization boundary before the scalar.
    CONDUCT_BOUNDARY_BEFORE = 1u << 0,
    /// NFKC_Casefold has a normalization boundary after the scalar.
    CONDUCT_BOUNDARY_AFTER = 1u << 1,
    /// NFKC_Casefold of the scalar alone differs from the scalar.
    CONDUCT_NFKC_CHANGES = 1u << 2,
    /// Default_Ignorable_Code_Point.
    CONDUCT_IGNORABLE = 1u << 3,
    /// White_Space.
    CONDUCT_WHITE_SPACE = 1u << 4,
    /// General category L* (letter).
    CONDUCT_LETTER = 1u << 5,
    /// General category M* (mark).
    CONDUCT_MARK = 1u << 6,
    /// General category Nd (decimal digit).
    CONDUCT_DIGIT = 1u << 7,
    /// A combining diacritic that diacritic folding drops (U+0300–036F, U+1AB0–1AFF,
    /// U+1DC0–1DFF, U+20D0–20FF, U+FE20–FE2F).
    CONDUCT_DIACRITIC = 1u << 8,
    /// Han, Hiragana, Katakana or Hangul: written without spaces between words.
    CONDUCT_IDEOGRAPHIC = 1u << 9,
    /// Katakana (UAX #29 keeps Katakana runs together).
    CONDUCT_KATAKANA = 1u << 10,
    /// Extended_Pictographic (emoji and pictographs).
    CONDUCT_PICTOGRAPHIC = 1u << 11,
};
/// The script code (ICU UScriptCode, 0 = Common, 1 = Inherited, 25 = Latin) sits in bits 16–23.
#define CONDUCT_SCRIPT_SHIFT 16
#define CONDUCT_SCRIPT_LATIN 25

/// Properties of one scalar value: the CONDUCT_* bits plus the script in bits 16–23.
uint32_t conduct_scalar_info(uint32_t scalar);

/// Writes NFKC_Casefold of the single scalar `scalar` as UTF-8 into `destination` (at most
/// `capacity` bytes). Returns the byte count the result needs, or -1 on an ICU error.
int32_t conduct_nfkc_casefold_scalar(uint32_t scalar, uint8_t *destination, int32_t capacity);

/// The ASCII letters that diacritic folding turns the (already case-folded) scalar into:
/// 'e' for U+00E9, "ae" for U+00E6; byte 0 holds the first letter, byte 1 the second,
/// 0 when the scalar does not fold.
uint16_t conduct_latin_fold(uint32_t scalar);

/// Fills `infos[s]` with `conduct_scalar_info(s)` and `folds[s]` with `conduct_latin_fold(s)`
/// for every scalar `s < limit` (at most 0x110000; 0 for both at surrogates, and the fold is 0
/// below U+0080). With ICU 63 or later it reads general categories and binary properties as
/// ranges and asks ICU per assigned scalar only for the script, the NFKC_Casefold inertness
/// and, for letters, the NFD decomposition: for limit 0x20000 with ICU 72, 22 M instructions
/// against 91 M for asking scalar by scalar. Returns 1 when it worked from ranges, 0 when it
/// asked the per-scalar functions instead (ICU older than 63, or ICU could not give a property
/// set or a normalizer); the arrays are filled either way.
int conduct_fill_scalar_table(uint32_t limit, uint32_t *infos, uint16_t *folds);

/// UTS #39 skeleton of `length` UTF-16 units at `source` (ICU uspoof_getSkeleton), at most
/// `capacity` units written to `destination`. Returns the units needed, or -1 on error.
int32_t conduct_confusable_skeleton(const uint16_t *source, int32_t length,
                                    uint16_t *destination, int32_t capacity);

/// The version of the ICU library linked, e.g. "72.1".
const char *conduct_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif
