/// "Did you mean" suggestions for mistyped names.
enum Spelling {
    /// The candidate closest to `word`, when it is close enough to be a likely typo: the same but for
    /// case first (`requires improvement`), then by edit distance counting two letters swapped as one
    /// edit (`pdu-2032` is `pdu-2023`); of candidates as close, the one sharing the longest start.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let folded = word.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == folded }) { return same }
        let limit = max(2, word.count / 3)
        let scored = candidates.map { ($0, distance(folded, $0.lowercased()), sharedStart(folded, $0.lowercased())) }
        guard let best = scored.min(by: { ($0.1, -$0.2) < ($1.1, -$1.2) }), best.1 <= limit else { return nil }
        return best.0
    }

    private static func sharedStart(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }

    /// Edit distance with adjacent transpositions (optimal string alignment).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = Array(repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
