// Declarations only (include/CICURegex.h); SwiftPM wants one source file in a C target.
#include "CICURegex.h"
