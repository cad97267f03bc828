#include "CConductICU.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/uspoof.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

#include <pthread.h>
#include <stdlib.h>

static const UNormalizer2 *nfkc_cf(void) {
    // ICU caches its normalizer instances; this lookup is a cheap once-initialised read.
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
    return U_FAILURE(status) ? NULL : normalizer;
}

static const UNormalizer2 *nfd(void) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFDInstance(&status);
    return U_FAILURE(status) ? NULL : normalizer;
}

int32_t conduct_nfkc_casefold(const uint16_t *source, int32_t length,
                              uint16_t *destination, int32_t capacity) {
    const UNormalizer2 *normalizer = nfkc_cf();
    if (normalizer == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = unorm2_normalize(normalizer, (const UChar *)source, length,
                                      (UChar *)destination, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return needed;
    if (U_FAILURE(status)) return -1;
    return needed;
}

static int is_combining_diacritic(UChar32 c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F);
}

/// The NFKC_Casefold bits of `c`: its boundaries, and whether it maps to something else.
static uint32_t normalization_bits(const UNormalizer2 *normalizer, UChar32 c) {
    uint32_t info = 0;
    if (unorm2_hasBoundaryBefore(normalizer, c)) info |= CONDUCT_BOUNDARY_BEFORE;
    if (unorm2_hasBoundaryAfter(normalizer, c)) info |= CONDUCT_BOUNDARY_AFTER;
    if (!unorm2_isInert(normalizer, c)) {
        UChar source[2];
        int32_t length = 0;
        U16_APPEND_UNSAFE(source, length, c);
        UChar result[32];
        UErrorCode status = U_ZERO_ERROR;
        int32_t needed = unorm2_normalize(normalizer, source, length, result, 32, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR || U_FAILURE(status) || needed != length ||
            result[0] != source[0] || (length == 2 && result[1] != source[1])) {
            info |= CONDUCT_NFKC_CHANGES;
        }
    }
    return info;
}

/// The bits of an assigned (or ignorable) `c` of general-category mask `mask` that come from
/// its category and script, the script included.
static uint32_t category_and_script_bits(UChar32 c, int32_t mask) {
    uint32_t info = 0;
    if (mask & U_GC_L_MASK) info |= CONDUCT_LETTER;
    if (mask & U_GC_M_MASK) info |= CONDUCT_MARK;
    if (mask & U_GC_ND_MASK) info |= CONDUCT_DIGIT;
    if (is_combining_diacritic(c) && (mask & U_GC_M_MASK)) info |= CONDUCT_DIACRITIC;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) script = USCRIPT_COMMON;
    if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
        script == USCRIPT_HANGUL) {
        if (mask & (U_GC_L_MASK | U_GC_NL_MASK)) info |= CONDUCT_IDEOGRAPHIC;
    }
    if (script == USCRIPT_KATAKANA) info |= CONDUCT_KATAKANA;
    return info | ((uint32_t)script & 0xFF) << CONDUCT_SCRIPT_SHIFT;
}

/// The info of an unassigned, not ignorable code point: normalization-inert, with no other
/// property read (Extended_Pictographic reserves some unassigned emoji ranges: kept).
static uint32_t unassigned_info(int pictographic) {
    uint32_t info = CONDUCT_BOUNDARY_BEFORE | CONDUCT_BOUNDARY_AFTER;
    if (pictographic) info |= CONDUCT_PICTOGRAPHIC;
    return info | ((uint32_t)USCRIPT_UNKNOWN & 0xFF) << CONDUCT_SCRIPT_SHIFT;
}

uint32_t conduct_scalar_info(uint32_t scalar) {
    UChar32 c = (UChar32)scalar;
    if (u_charType(c) == U_UNASSIGNED && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
        return unassigned_info(u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC));
    }
    uint32_t info = 0;
    const UNormalizer2 *normalizer = nfkc_cf();
    if (normalizer != NULL) info |= normalization_bits(normalizer, c);
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) info |= CONDUCT_IGNORABLE;
    if (u_hasBinaryProperty(c, UCHAR_WHITE_SPACE)) info |= CONDUCT_WHITE_SPACE;
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) info |= CONDUCT_PICTOGRAPHIC;
    return info | category_and_script_bits(c, U_GET_GC_MASK(c));
}

int32_t conduct_nfkc_casefold_scalar(uint32_t scalar, uint8_t *destination, int32_t capacity) {
    const UNormalizer2 *normalizer = nfkc_cf();
    if (normalizer == NULL) return -1;
    UChar source[2];
    int32_t length = 0;
    U16_APPEND_UNSAFE(source, length, (UChar32)scalar);
    UChar result[64];
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = unorm2_normalize(normalizer, source, length, result, 64, &status);
    if (U_FAILURE(status)) return -1;
    int32_t written = 0;
    int32_t needed = 0;
    for (int32_t i = 0; i < units;) {
        UChar32 c;
        U16_NEXT_UNSAFE(result, i, c);
        int32_t size = U8_LENGTH(c);
        if (written + size <= capacity) {
            U8_APPEND_UNSAFE(destination, written, c);
        }
        needed += size;
    }
    return needed;
}

// Letters without a canonical decomposition that folding still treats as accented Latin.
static const struct { UChar32 scalar; char folded[3]; } extra_folds[] = {
    {0x00C6, "ae"}, {0x00E6, "ae"}, {0x00D8, "o"}, {0x00F8, "o"}, {0x00DF, "ss"},
    {0x0110, "d"}, {0x0111, "d"}, {0x0126, "h"}, {0x0127, "h"}, {0x0131, "i"},
    {0x0141, "l"}, {0x0142, "l"}, {0x0152, "oe"}, {0x0153, "oe"}, {0x0166, "t"},
    {0x0167, "t"}, {0x0180, "b"}, {0x0197, "i"}, {0x0268, "i"}, {0x0244, "u"},
    {0x0289, "u"}, {0x023B, "c"}, {0x023C, "c"}, {0x0246, "e"}, {0x0247, "e"},
    {0x0248, "j"}, {0x0249, "j"}, {0x024C, "r"}, {0x024D, "r"}, {0x024E, "y"},
    {0x024F, "y"}, {0x01B5, "z"}, {0x01B6, "z"}, {0x1E9E, "ss"},
};

/// The ASCII letter `c` decomposes to under NFD when the rest of its decomposition is
/// combining diacritics, else 0.
static uint16_t decomposition_fold(const UNormalizer2 *nfd_instance, UChar32 c) {
    UChar decomposition[16];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = unorm2_getDecomposition(nfd_instance, c, decomposition, 16, &status);
    if (U_FAILURE(status) || length < 2) return 0;
    UChar base = decomposition[0];
    int isLetter = (base >= 'a' && base <= 'z') || (base >= 'A' && base <= 'Z');
    if (!isLetter) return 0;
    for (int32_t i = 1; i < length;) {
        UChar32 mark;
        U16_NEXT(decomposition, i, length, mark);
        if (!is_combining_diacritic(mark)) return 0;
    }
    return (uint16_t)base;
}

uint16_t conduct_latin_fold(uint32_t scalar) {
    UChar32 c = (UChar32)scalar;
    if (c < 0xC0 || c > 0xFFFF || !(U_GET_GC_MASK(c) & U_GC_L_MASK)) return 0;
    for (size_t i = 0; i < sizeof extra_folds / sizeof extra_folds[0]; i++) {
        if (extra_folds[i].scalar == c) {
            return (uint16_t)((uint8_t)extra_folds[i].folded[0] |
                              ((uint16_t)(uint8_t)extra_folds[i].folded[1] << 8));
        }
    }
    const UNormalizer2 *normalizer = nfd();
    return normalizer == NULL ? 0 : decomposition_fold(normalizer, c);
}

// --- The whole table at once -----------------------------------------------------------
//
// `conduct_fill_scalar_table` computes what `conduct_scalar_info` and `conduct_latin_fold`
// give, for every scalar below a limit, with a fraction of the ICU calls: the binary
// properties come from their sets' ranges, the normalizer instances are fetched once,
// normalization-inert scalars (most of them) skip the boundary and mapping queries, and the
// extra folds are written once at the end instead of being searched for every letter.

/// Sets `bit` in `flags[c]` for every code point `c < limit` that has the binary `property`.
/// Returns 0 when ICU cannot build the set.
static int mark_property(UProperty property, uint8_t bit, uint8_t *flags, uint32_t limit) {
    UErrorCode status = U_ZERO_ERROR;
    USet *set = uset_openEmpty();
    uset_applyIntPropertyValue(set, property, 1, &status);
    if (U_FAILURE(status)) {
        uset_close(set);
        return 0;
    }
    int32_t items = uset_getItemCount(set);
    for (int32_t i = 0; i < items; i++) {
        UChar32 start, end;
        status = U_ZERO_ERROR;
        // Binary properties hold no strings: every item is a range.
        if (uset_getItem(set, i, &start, &end, NULL, 0, &status) != 0 || U_FAILURE(status)) continue;
        for (UChar32 c = start; c <= end && (uint32_t)c < limit; c++) flags[c] |= bit;
    }
    uset_close(set);
    return 1;
}

enum { FLAG_IGNORABLE = 1, FLAG_WHITE_SPACE = 2, FLAG_PICTOGRAPHIC = 4 };

/// `conduct_latin_fold` for a scalar of general-category mask `mask` that is not one of the
/// extra folds, with the NFD instance at hand.
static uint16_t latin_fold(UChar32 c, int32_t mask, const UNormalizer2 *nfd_instance) {
    if (c < 0xC0 || c > 0xFFFF || !(mask & U_GC_L_MASK)) return 0;
    // An NFD-inert scalar has no decomposition: answered without copying one out.
    if (nfd_instance == NULL || unorm2_isInert(nfd_instance, c)) return 0;
    return decomposition_fold(nfd_instance, c);
}

int conduct_fill_scalar_table(uint32_t limit, uint32_t *infos, uint16_t *folds) {
    if (limit > 0x110000) limit = 0x110000;
    uint8_t *flags = calloc(limit > 0 ? limit : 1, 1);
    if (flags == NULL) return 0;
    if (!mark_property(UCHAR_DEFAULT_IGNORABLE_CODE_POINT, FLAG_IGNORABLE, flags, limit) ||
        !mark_property(UCHAR_WHITE_SPACE, FLAG_WHITE_SPACE, flags, limit) ||
        !mark_property(UCHAR_EXTENDED_PICTOGRAPHIC, FLAG_PICTOGRAPHIC, flags, limit)) {
        free(flags);
        return 0;
    }
    const UNormalizer2 *normalizer = nfkc_cf();
    const UNormalizer2 *nfd_instance = nfd();
    for (uint32_t scalar = 0; scalar < limit; scalar++) {
        UChar32 c = (UChar32)scalar;
        if (scalar >= 0xD800 && scalar <= 0xDFFF) {
            infos[scalar] = 0;
            folds[scalar] = 0;
            continue;
        }
        uint8_t flag = flags[scalar];
        int8_t type = u_charType(c);
        if (type == U_UNASSIGNED && !(flag & FLAG_IGNORABLE)) {
            infos[scalar] = unassigned_info(flag & FLAG_PICTOGRAPHIC);
            folds[scalar] = 0;
            continue;
        }
        uint32_t info = 0;
        if (normalizer != NULL) {
            // Inert (most scalars): a boundary on both sides, and the scalar maps to itself.
            info |= unorm2_isInert(normalizer, c) ? CONDUCT_BOUNDARY_BEFORE | CONDUCT_BOUNDARY_AFTER
                                                  : normalization_bits(normalizer, c);
        }
        if (flag & FLAG_IGNORABLE) info |= CONDUCT_IGNORABLE;
        if (flag & FLAG_WHITE_SPACE) info |= CONDUCT_WHITE_SPACE;
        if (flag & FLAG_PICTOGRAPHIC) info |= CONDUCT_PICTOGRAPHIC;
        int32_t mask = (int32_t)U_MASK(type);
        infos[scalar] = info | category_and_script_bits(c, mask);
        folds[scalar] = scalar < 0x80 ? 0 : latin_fold(c, mask, nfd_instance);
    }
    // The extra folds take precedence over decompositions, as in `conduct_latin_fold`.
    for (size_t i = 0; i < sizeof extra_folds / sizeof extra_folds[0]; i++) {
        UChar32 c = extra_folds[i].scalar;
        if ((uint32_t)c < limit && (U_GET_GC_MASK(c) & U_GC_L_MASK)) {
            folds[c] = (uint16_t)((uint8_t)extra_folds[i].folded[0] |
                                  ((uint16_t)(uint8_t)extra_folds[i].folded[1] << 8));
        }
    }
    free(flags);
    return 1;
}

static USpoofChecker *spoof_checker = NULL;
static pthread_once_t spoof_once = PTHREAD_ONCE_INIT;

static void open_spoof_checker(void) {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker *checker = uspoof_open(&status);
    if (U_FAILURE(status)) return;
    uspoof_setChecks(checker, USPOOF_CONFUSABLE, &status);
    if (U_FAILURE(status)) {
        uspoof_close(checker);
        return;
    }
    spoof_checker = checker;
}

int32_t conduct_confusable_skeleton(const uint16_t *source, int32_t length,
                                    uint16_t *destination, int32_t capacity) {
    pthread_once(&spoof_once, open_spoof_checker);
    if (spoof_checker == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = uspoof_getSkeleton(spoof_checker, 0, (const UChar *)source, length,
                                        (UChar *)destination, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return needed;
    if (U_FAILURE(status)) return -1;
    return needed;
}

static char icu_version_text[U_MAX_VERSION_STRING_LENGTH];
static pthread_once_t icu_version_once = PTHREAD_ONCE_INIT;

static void format_icu_version(void) {
    UVersionInfo version;
    u_getVersion(version);
    u_versionToString(version, icu_version_text);
}

const char *conduct_icu_version(void) {
    pthread_once(&icu_version_once, format_icu_version);
    return icu_version_text;
}
