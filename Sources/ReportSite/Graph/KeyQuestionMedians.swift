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

    private struct Group: Hashable {
        var framework: String
        var region: String
    }

    private struct Question: Hashable {
        var standard: String
        var question: String
    }

    init(_ inspections: [Inspection]) {
        // Gathered per programme and region first, keyed by the few (standard, question) pairs a
        // programme has: hashing four strings twice for every figure of every report was a tenth of a
        // one-file rebuild at 10,000 reports.
        var byGroup: [Group: [Question: [Double]]] = [:]
        for inspection in inspections where !inspection.keyQuestions.isEmpty {
            let group = Group(framework: inspection.frameworkID, region: inspection.regionSlug)
            var figures = byGroup[group, default: [:]]
            byGroup[group] = nil
            for (standard, questions) in inspection.keyQuestions {
                for (question, value) in questions {
                    figures[Question(standard: standard, question: question), default: []].append(value)
                }
            }
            byGroup[group] = figures
        }
        var samples: [Key: [Double]] = [:]
        for (group, figures) in byGroup {
            for (question, values) in figures {
                let regional = Key(framework: group.framework, standard: question.standard, question: question.question, region: group.region)
                samples[regional, default: []].append(contentsOf: values)
                var national = regional
                national.region = nil
                samples[national, default: []].append(contentsOf: values)
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
