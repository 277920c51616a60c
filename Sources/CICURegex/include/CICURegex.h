// ICU's C regular-expression API, as the Swift toolchain ships it inside lib_FoundationICU (the library behind
// Foundation's NSRegularExpression on Linux, with every ICU entry point renamed `swift_…`). Declared here
// because the toolchain ships no header for it; the signatures are ICU's `unicode/uregex.h`.
// ReportLint calls ICU directly rather than through NSRegularExpression: the search runs on a UTF-16 buffer
// made once, and ICU's own step limit bounds a search instead of a call back into Swift at every position.
#ifndef CICUREGEX_H
#define CICUREGEX_H

#include <stdint.h>

typedef struct URegularExpression URegularExpression;

typedef struct {
    int32_t line;
    int32_t offset;
    uint16_t preContext[16];
    uint16_t postContext[16];
} CICUParseError;

enum {
    CICU_REGEX_MULTILINE = 8,  // UREGEX_MULTILINE: ^ and $ at every line
    CICU_REGEX_TIME_OUT = 0x10312,  // U_REGEX_TIME_OUT: the step limit was reached
};

URegularExpression *swift_uregex_open(const uint16_t *pattern, int32_t patternLength, uint32_t flags,
                                      CICUParseError *parseError, int32_t *status);
URegularExpression *swift_uregex_clone(const URegularExpression *regexp, int32_t *status);
void swift_uregex_close(URegularExpression *regexp);
void swift_uregex_setText(URegularExpression *regexp, const uint16_t *text, int32_t textLength, int32_t *status);
void swift_uregex_setRegion(URegularExpression *regexp, int32_t regionStart, int32_t regionLimit, int32_t *status);
void swift_uregex_useTransparentBounds(URegularExpression *regexp, int8_t value, int32_t *status);
void swift_uregex_useAnchoringBounds(URegularExpression *regexp, int8_t value, int32_t *status);
void swift_uregex_setTimeLimit(URegularExpression *regexp, int32_t limit, int32_t *status);
int8_t swift_uregex_findNext(URegularExpression *regexp, int32_t *status);
int32_t swift_uregex_start(URegularExpression *regexp, int32_t groupNum, int32_t *status);
int32_t swift_uregex_end(URegularExpression *regexp, int32_t groupNum, int32_t *status);

#endif
