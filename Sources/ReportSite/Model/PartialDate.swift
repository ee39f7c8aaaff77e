import Foundation

/// A date known to a year, a month or a day, as sources give them ("2024", "2024-07", "2024-07-18").
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting dates that do not exist (2024-02-30).
    public init?(_ text: String) {
        // Read from its bytes when the text is only digits and hyphens, as most dates are (and as
        // every date the build cache holds is): trimming and splitting go through Foundation.
        let parts = Self.plainParts(text)
            ?? text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false).map { (length: $0.count, value: Int($0)) }
        guard (1...3).contains(parts.count),
              parts[0].length == 4, let year = parts[0].value, year >= 1900, year <= 2999
        else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].length == 2, let value = parts[1].value, (1...12).contains(value) else { return nil }
            month = value
        }
        if parts.count == 3, let month {
            guard parts[2].length == 2, let value = parts[2].value,
                  (1...Self.daysIn(month: month, year: year)).contains(value)
            else { return nil }
            day = value
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The hyphen-separated parts of a text of ASCII digits and hyphens alone, each with its length
    /// and its number (nil when empty or longer than a date's parts); nil for any other text.
    private static func plainParts(_ text: String) -> [(length: Int, value: Int?)]? {
        var parts: [(length: Int, value: Int?)] = []
        var length = 0, value = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                parts.append((length, length == 0 || length > 4 ? nil : value))
                length = 0
                value = 0
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                length += 1
                if length <= 4 { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
            } else {
                return nil
            }
        }
        parts.append((length, length == 0 || length > 4 ? nil : value))
        return parts
    }

    /// The day `date` falls on, in UTC.
    public init(day date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year ?? 1970
        self.month = parts.month
        self.day = parts.day
    }

    /// ISO form at the precision known.
    public var description: String {
        // Padded by hand: String(format:) goes through Foundation's formatter, and page digests ask
        // for the dates of every inspection.
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return number < 0 || digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        var text = padded(year, 4)
        if let month { text += "-" + padded(month, 2) }
        if let day { text += "-" + padded(day, 2) }
        return text
    }

    /// "18 July 2024", "July 2024" or "2024".
    public var longForm: String {
        guard let month else { return String(year) }
        let name = Self.monthNames[month - 1]
        if let day { return "\(day) \(name) \(year)" }
        return "\(name) \(year)"
    }

    /// Earlier dates first; a less precise date sorts before more precise ones in the same period.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// Whether this date can only be later than `other` (a month is not before a day inside it).
    public func isDefinitelyBefore(_ other: PartialDate) -> Bool {
        if year != other.year { return year < other.year }
        guard let month, let otherMonth = other.month else { return false }
        if month != otherMonth { return month < otherMonth }
        guard let day, let otherDay = other.day else { return false }
        return day < otherDay
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
