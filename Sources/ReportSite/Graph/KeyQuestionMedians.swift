/// The median percentage of every key question over a programme's inspections, nationally and per region.
///
/// Worked out once for the whole site: each inspection page shows a dozen of them, and looking them
/// up in a table keeps a site of 10,000 reports from doing 10,000 × 12 passes over every inspection.
struct KeyQuestionMedians: Sendable {
    private struct Key: Hashable {
        var framework: String
        var standard: String
        var question: String
        /// nil for the national median.
        var region: String?
    }

    private var medians: [Key: Double] = [:]

    init(_ inspections: [Inspection]) {
        var samples: [Key: [Double]] = [:]
        for inspection in inspections {
            for (standard, questions) in inspection.keyQuestions {
                for (question, value) in questions {
                    let national = Key(framework: inspection.frameworkID, standard: standard, question: question, region: nil)
                    samples[national, default: []].append(value)
                    var regional = national
                    regional.region = inspection.regionSlug
                    samples[regional, default: []].append(value)
                }
            }
        }
        for (key, values) in samples {
            let sorted = values.sorted()
            let middle = sorted.count / 2
            medians[key] = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    /// The median of `question` of `standard` in `framework`'s inspections (in `region`, if named), or
    /// nil when no inspection gives it.
    func median(_ framework: String, _ standard: String, _ question: String, region: String?) -> Double? {
        medians[Key(framework: framework, standard: standard, question: question, region: region)]
    }
}
