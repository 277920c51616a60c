import Foundation

/// Dates as text through the C library rather than DateFormatter, whose ICU set-up cost a millisecond of
/// every run: the day of a check (waiver expiry, the HTML page) and the time of a Word revision.
enum CalendarText {
    /// YYYY-MM-DD in local time.
    static func day(_ date: Date) -> String {
        let parts = fields(date, utc: false)
        return "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))"
    }

    /// W3C date-time in UTC, as Word writes w:date (seconds, no fraction).
    static func utcTimestamp(_ date: Date) -> String {
        let parts = fields(date, utc: true)
        return "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))T"
            + "\(padded(parts.tm_hour, 2)):\(padded(parts.tm_min, 2)):\(padded(parts.tm_sec, 2))Z"
    }

    private static func fields(_ date: Date, utc: Bool) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        if utc { gmtime_r(&seconds, &parts) } else { localtime_r(&seconds, &parts) }
        return parts
    }

    private static func padded(_ value: Int32, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
