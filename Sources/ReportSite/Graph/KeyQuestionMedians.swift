/// The median percentage of every key question over a programme's inspections, nationally and per region.
///
/// Worked out once for the whole site: each inspection page shows a dozen of them, and looking them
/// up in a table keeps the work in proportion to the reports, not to their square.
struct KeyQuestionMedians: Sendable {
    /// A key question's figure over fewer inspections than this is not shown as a median: the median
    /// of one report is that report's own figure.
    static let minimumCount = 3

    /// A median and how many inspections it is taken from.
    struct Median: Sendable, Equatable {
        var value: Double
        var count: Int
    }

    private struct Key: Hashable {
        var framework: String
        var standard: String
        var question: String
        /// nil for the national median.
        var region: String?
    }

    private var medians: [Key: Median] = [:]
    /// (framework, region or nil) -> the digest of every median of that group, for the pages that show them.
    private var digests: [Group: ContentDigest] = [:]

    private struct Group: Hashable {
        var framework: String
        /// nil for the whole country.
        var region: String?
    }

    private struct Question: Hashable {
        var standard: String
        var question: String
    }

    /// The medians of `graph`'s published inspections: drafts, which the preview shows, never count.
    init(of graph: SiteGraph) {
        self.init(graph.inspections.filter { !$0.isDraft(today: graph.today) })
    }

    init(_ inspections: [Inspection]) {
        // Gathered per programme and region first, keyed by the few (standard, question) pairs a
        // programme has, rather than hashing four strings twice for every figure of every report.
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
            medians[key] = Median(value: sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2,
                                  count: sorted.count)
        }
        let ordered = medians.keys.sorted { ($0.framework, $0.region ?? "", $0.standard, $0.question) < ($1.framework, $1.region ?? "", $1.standard, $1.question) }
        for key in ordered {
            let group = Group(framework: key.framework, region: key.region)
            var digest = digests[group] ?? ContentDigest()
            digest.combine(key.standard)
            digest.combine(key.question)
            digest.combine(medians[key]!.value.bitPattern)
            digest.combine(UInt64(medians[key]!.count))
            digests[group] = digest
        }
    }

    /// What changes when any median of `framework`'s inspections in `region` (nationally when nil)
    /// changes: a report page shows its programme's national and regional medians and nothing else
    /// of the other reports' figures, so one figure edited among thousands seldom touches any page
    /// but its own.
    func digest(_ framework: String, region: String?) -> ContentDigest {
        digests[Group(framework: framework, region: region)] ?? ContentDigest()
    }

    /// The median of `question` of `standard` in `framework`'s inspections (in `region`, if named),
    /// with how many give it; nil when none does.
    func median(_ framework: String, _ standard: String, _ question: String, region: String?) -> Median? {
        medians[Key(framework: framework, standard: standard, question: question, region: region)]
    }
}
