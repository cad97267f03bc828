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
#include <string.h>

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

/// The bits that follow from a general-category mask and a script, the script included. A
/// pure function: the per-scalar answer and the table fill differ only in how they look the
/// category and the script up.
static uint32_t category_and_script_bits(int32_t mask, UScriptCode script) {
    uint32_t info = 0;
    if (mask & U_GC_L_MASK) info |= CONDUCT_LETTER;
    if (mask & U_GC_M_MASK) info |= CONDUCT_MARK;
    if (mask & U_GC_ND_MASK) info |= CONDUCT_DIGIT;
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
    int32_t mask = U_GET_GC_MASK(c);
    if (is_combining_diacritic(c) && (mask & U_GC_M_MASK)) info |= CONDUCT_DIACRITIC;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) script = USCRIPT_COMMON;
    return info | category_and_script_bits(mask, script);
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
// give for every scalar below a limit. With ICU 63 or later it works from ranges where ICU
// has them: general categories from `u_enumCharTypes` runs (unassigned runs and surrogates
// filled without any other look-up), and Default_Ignorable_Code_Point, White_Space and
// Extended_Pictographic from the ranges of their frozen sets. Per assigned scalar it asks
// what ICU offers no cheap range view of: the script (ICU's script map, `u_getIntPropertyMap`,
// costs 16 M instructions to build against 4 M for asking each scalar), whether NFKC_Casefold
// leaves the scalar inert (the boundaries and a quick check only for the few thousand it does
// not), and for letters of U+00C0 to U+FFFF whether NFD decomposes them. The per-scalar
// functions are the fallback for older ICU and for an ICU that cannot give a set or a
// normalizer, and the reference `ScalarTableTests` compares the fill with, scalar by scalar.

/// `infos` and `folds` for every scalar below `limit` from the per-scalar functions.
static void fill_scalar_by_scalar(uint32_t limit, uint32_t *infos, uint16_t *folds) {
    for (uint32_t scalar = 0; scalar < limit; scalar++) {
        int surrogate = scalar >= 0xD800 && scalar <= 0xDFFF;
        infos[scalar] = surrogate ? 0 : conduct_scalar_info(scalar);
        folds[scalar] = surrogate || scalar < 0x80 ? 0 : conduct_latin_fold(scalar);
    }
}

#if U_ICU_VERSION_MAJOR_NUM >= 63

/// `conduct_latin_fold` for a scalar of general-category mask `mask` that is not one of the
/// extra folds, with the NFD instance at hand.
static uint16_t latin_fold(UChar32 c, int32_t mask, const UNormalizer2 *nfd_instance) {
    if (c < 0xC0 || c > 0xFFFF || !(mask & U_GC_L_MASK)) return 0;
    // Hangul syllables (11,172 of the letters here) decompose algorithmically into conjoining
    // jamo, never into a Latin letter; an NFD-inert scalar has no decomposition at all. Both
    // are answered without copying a decomposition out.
    if (c >= 0xAC00 && c <= 0xD7A3) return 0;
    if (unorm2_isInert(nfd_instance, c)) return 0;
    return decomposition_fold(nfd_instance, c);
}

// Bits of the per-scalar flags `fill_from_ranges` marks from binary-property sets.
enum {
    FLAG_IGNORABLE = 1,
    FLAG_WHITE_SPACE = 2,
    FLAG_PICTOGRAPHIC = 4,
};

/// Sets `bit` in `flags[c]` for every code point `c < limit` that has the binary `property`,
/// range by range. Returns 0 when ICU cannot give the set.
static int mark_property(UProperty property, uint8_t bit, uint8_t *flags, uint32_t limit) {
    UErrorCode status = U_ZERO_ERROR;
    // Frozen and owned by ICU, built once per process.
    const USet *set = u_getBinaryPropertySet(property, &status);
    if (U_FAILURE(status)) return 0;
    int32_t items = uset_getItemCount(set);
    for (int32_t i = 0; i < items; i++) {
        UChar32 start, end;
        status = U_ZERO_ERROR;
        // Binary properties of code points hold no strings: every item is a range.
        if (uset_getItem(set, i, &start, &end, NULL, 0, &status) != 0 || U_FAILURE(status)) continue;
        if ((uint32_t)start >= limit) break;
        for (UChar32 c = start; c <= end && (uint32_t)c < limit; c++) flags[c] |= bit;
    }
    return 1;
}

/// What the category runs of `fill_from_ranges` read and write.
struct range_fill {
    uint32_t limit;
    uint32_t *infos;
    uint16_t *folds;
    /// FLAG_* bits of every scalar below `limit`.
    const uint8_t *flags;
    const UNormalizer2 *nfkc_cf;
    const UNormalizer2 *nfd;
};

/// The NFKC_Casefold bits of a scalar that is not NFKC_Casefold-inert (7,700 below U+20000):
/// what `normalization_bits` gives, with a quick check instead of a normalization. The quick
/// check's YES and NO are definite; MAYBE (about 100 combining marks) is settled by
/// `unorm2_isNormalized`, which is true exactly when normalizing gives the scalar back.
static uint32_t not_inert_normalization_bits(const UNormalizer2 *normalizer, UChar32 c) {
    uint32_t info = 0;
    if (unorm2_hasBoundaryBefore(normalizer, c)) info |= CONDUCT_BOUNDARY_BEFORE;
    if (unorm2_hasBoundaryAfter(normalizer, c)) info |= CONDUCT_BOUNDARY_AFTER;
    UChar source[2];
    int32_t length = 0;
    U16_APPEND_UNSAFE(source, length, c);
    UErrorCode status = U_ZERO_ERROR;
    UNormalizationCheckResult check = unorm2_quickCheck(normalizer, source, length, &status);
    if (check == UNORM_MAYBE && U_SUCCESS(status)) {
        check = unorm2_isNormalized(normalizer, source, length, &status) ? UNORM_YES : UNORM_NO;
    }
    if (check != UNORM_YES || U_FAILURE(status)) info |= CONDUCT_NFKC_CHANGES;
    return info;
}

/// Fills the scalars `start..<end`, all of general-category mask `mask` (assigned, or
/// unassigned and Default_Ignorable_Code_Point). Per scalar: the script (its bits worked out
/// again only when it changes), NFKC_Casefold inertness, the combining-diacritic bit and the
/// fold; the binary properties come from `flags`. About 200 instructions a scalar, two
/// thirds of them in ICU.
static void fill_assigned_run(const struct range_fill *fill, UChar32 start, UChar32 end, int32_t mask) {
    int marks = (mask & U_GC_M_MASK) != 0;
    UScriptCode last_script = USCRIPT_INVALID_CODE;
    uint32_t script_bits = 0;
    for (UChar32 c = start; c < end; c++) {
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &status);
        if (U_FAILURE(status)) script = USCRIPT_COMMON;
        if (script != last_script) {
            last_script = script;
            script_bits = category_and_script_bits(mask, script);
        }
        uint32_t info = script_bits;
        // Inert (most scalars): a boundary on both sides, and the scalar maps to itself.
        info |= unorm2_isInert(fill->nfkc_cf, c) ? CONDUCT_BOUNDARY_BEFORE | CONDUCT_BOUNDARY_AFTER
                                                 : not_inert_normalization_bits(fill->nfkc_cf, c);
        uint8_t flag = fill->flags[c];
        if (flag & FLAG_IGNORABLE) info |= CONDUCT_IGNORABLE;
        if (flag & FLAG_WHITE_SPACE) info |= CONDUCT_WHITE_SPACE;
        if (flag & FLAG_PICTOGRAPHIC) info |= CONDUCT_PICTOGRAPHIC;
        if (marks && is_combining_diacritic(c)) info |= CONDUCT_DIACRITIC;
        fill->infos[c] = info;
        fill->folds[c] = latin_fold(c, mask, fill->nfd);
    }
}

/// `u_enumCharTypes` callback: fills one run of a general category, clipped to the limit.
static UBool U_CALLCONV fill_category_run(const void *context, UChar32 start, UChar32 limit,
                                          UCharCategory type) {
    const struct range_fill *fill = context;
    if ((uint32_t)start >= fill->limit) return 0;  // runs come in ascending order: done
    UChar32 end = (uint32_t)limit < fill->limit ? limit : (UChar32)fill->limit;
    switch (type) {
    case U_SURROGATE:
        memset(fill->infos + start, 0, (size_t)(end - start) * sizeof *fill->infos);
        memset(fill->folds + start, 0, (size_t)(end - start) * sizeof *fill->folds);
        break;
    case U_UNASSIGNED:
        // Unassigned: the default info, except the few default-ignorable code points, which
        // NFKC_Casefold removes and which are answered like assigned ones.
        for (UChar32 c = start; c < end; c++) {
            uint8_t flag = fill->flags[c];
            if (flag & FLAG_IGNORABLE) {
                fill_assigned_run(fill, c, c + 1, U_GC_CN_MASK);
            } else {
                fill->infos[c] = unassigned_info(flag & FLAG_PICTOGRAPHIC);
                fill->folds[c] = 0;
            }
        }
        break;
    default:
        fill_assigned_run(fill, start, end, (int32_t)U_MASK(type));
        break;
    }
    return 1;
}

/// `conduct_fill_scalar_table` from ICU's ranges. Returns 0, the arrays partly written, when
/// ICU cannot give a set or a normalizer, or memory runs out.
static int fill_from_ranges(uint32_t limit, uint32_t *infos, uint16_t *folds) {
    const UNormalizer2 *nfkc_cf_instance = nfkc_cf();
    const UNormalizer2 *nfd_instance = nfd();
    if (nfkc_cf_instance == NULL || nfd_instance == NULL) return 0;
    uint8_t *flags = calloc(limit > 0 ? limit : 1, 1);
    if (flags == NULL) return 0;
    int marked = mark_property(UCHAR_DEFAULT_IGNORABLE_CODE_POINT, FLAG_IGNORABLE, flags, limit) &&
                 mark_property(UCHAR_WHITE_SPACE, FLAG_WHITE_SPACE, flags, limit) &&
                 mark_property(UCHAR_EXTENDED_PICTOGRAPHIC, FLAG_PICTOGRAPHIC, flags, limit);
    if (marked) {
        struct range_fill fill = {limit, infos, folds, flags, nfkc_cf_instance, nfd_instance};
        u_enumCharTypes(fill_category_run, &fill);
        // The extra folds take precedence over decompositions, as in `conduct_latin_fold`.
        for (size_t i = 0; i < sizeof extra_folds / sizeof extra_folds[0]; i++) {
            UChar32 c = extra_folds[i].scalar;
            if ((uint32_t)c < limit && (U_GET_GC_MASK(c) & U_GC_L_MASK)) {
                folds[c] = (uint16_t)((uint8_t)extra_folds[i].folded[0] |
                                      ((uint16_t)(uint8_t)extra_folds[i].folded[1] << 8));
            }
        }
    }
    free(flags);
    return marked;
}

#endif

int conduct_fill_scalar_table(uint32_t limit, uint32_t *infos, uint16_t *folds) {
    if (limit > 0x110000) limit = 0x110000;
#if U_ICU_VERSION_MAJOR_NUM >= 63
    if (fill_from_ranges(limit, infos, folds)) return 1;
#endif
    fill_scalar_by_scalar(limit, infos, folds);
    return 0;
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
